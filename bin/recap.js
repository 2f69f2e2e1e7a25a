#!/usr/bin/env node
// The CLI runs as JavaScript compiled into build/ by `npm run build:cli` (run by `npm ci`
// through `prepare`). When a source is newer than that build, or there is none (a checkout
// being edited), it runs the TypeScript through tsx, a development dependency, instead:
// never stale code.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

function newestSource() {
  let newest = 0
  for (const dir of ['src', 'templates']) {
    for (const e of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs)
    }
  }
  return newest
}

function builtAt() {
  try {
    return statSync(path.join(root, 'build/stamp')).mtimeMs
  } catch {
    return 0
  }
}

let run
if (builtAt() > newestSource()) {
  ;({ run } = await import('../build/src/cli.js'))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ run } = await import('../src/cli.ts'))
}

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})
process.exitCode = await run(process.argv.slice(2))
