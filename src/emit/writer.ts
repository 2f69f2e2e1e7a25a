/**
 * Files written on a thread of their own. A build renders its pages on this thread and hands
 * each one's bytes to the writer thread, which makes the folders and writes the files with
 * plain synchronous calls while the next pages render: the second core, idle once the parse
 * is over, does the file system's work, and this thread no longer spends a turn of the event
 * loop on each open, write and close of 18,000 files.
 *
 * Pages go over as bytes whose memory moves with them (transferred, not copied); at most
 * `inFlight` files wait at once, so memory holds a few pages, not the site.
 */
import { startWorker } from '../threads.ts'

export type ToWriter = { dirs: string[] } | { path: string; bytes: Uint8Array }
export type FromWriter = { written: true } | { failed: { path: string; code?: string; message: string } }

/** Files sent and not yet written, at most. */
const inFlight = 64

const encoder = new TextEncoder()

/**
 * Makes `dirs`, then writes each of `files` at its `target`, its content made by `content`
 * only when its turn comes. Rejects with the first failure: the file system's error (with its
 * `code`), or whatever `content` threw.
 */
export async function writeOnThread<F>(dirs: readonly string[], files: readonly F[], target: (file: F) => string, content: (file: F) => string | Uint8Array): Promise<void> {
  const worker = startWorker(import.meta.url, 'write-thread')
  let pending = 0
  let failure: Error | undefined
  let wake: (() => void) | undefined
  const settle = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  worker.on('message', (message: FromWriter) => {
    if ('failed' in message) {
      const { path, code, message: text } = message.failed
      failure ??= Object.assign(new Error(`${text} (${path})`), code ? { code } : {})
    }
    pending--
    settle()
  })
  const stopped = (detail: string) => {
    failure ??= new Error(`The writer thread stopped: ${detail}.`)
    settle()
  }
  worker.on('error', (error) => stopped(error.message))
  worker.on('exit', (code) => stopped(`exit code ${code}`))
  const room = async (limit: number) => {
    while (pending > limit && !failure) await new Promise<void>((resolve) => (wake = resolve))
  }
  try {
    pending++
    worker.postMessage({ dirs: [...dirs] } satisfies ToWriter)
    for (const file of files) {
      await room(inFlight - 1)
      if (failure) break
      const made = content(file)
      // A string becomes bytes of its own, which can move to the thread; other bytes may be
      // shared (a slice of a pool, a file kept by the caller) and are copied.
      const bytes = typeof made === 'string' ? encoder.encode(made) : made
      pending++
      worker.postMessage({ path: target(file), bytes } satisfies ToWriter, typeof made === 'string' ? [bytes.buffer as ArrayBuffer] : [])
    }
    await room(0)
  } finally {
    worker.removeAllListeners('exit')
    await worker.terminate()
  }
  if (failure) throw failure
}
