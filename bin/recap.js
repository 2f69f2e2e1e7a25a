#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so there is no separate build step.
import { register } from 'tsx/esm/api'

register()
const { run } = await import('../src/cli.ts')

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})
process.exitCode = await run(process.argv.slice(2))
