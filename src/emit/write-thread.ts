/**
 * The writer thread (see writer.ts): makes the folders it is sent, then writes each file it
 * is sent, in order, and answers each with `written` or the first failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import type { FromWriter, ToWriter } from './writer.ts'

const port = parentPort!
let failed = false

port.on('message', (message: ToWriter) => {
  if (failed) return
  let target = ''
  try {
    if ('dirs' in message) {
      for (const dir of message.dirs) {
        target = dir
        mkdirSync(dir, { recursive: true })
      }
    } else {
      target = message.path
      writeFileSync(message.path, message.bytes)
    }
    port.postMessage({ written: true } satisfies FromWriter)
  } catch (error) {
    failed = true
    const { code, message: text } = error as NodeJS.ErrnoException
    port.postMessage({ failed: { path: target, message: text, ...(code ? { code } : {}) } } satisfies FromWriter)
  }
})
