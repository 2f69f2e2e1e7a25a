/**
 * Worker threads for Recap's own modules. Compiled, a worker runs the module's .js file; from
 * TypeScript (tsx, vitest) it first registers tsx, as bin/recap.js does, since a worker starts
 * with no loader.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/** A worker running `name` (without extension) from the folder of `from` (an import.meta.url). */
export function startWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  const typescript = from.endsWith('.ts')
  const entry = new URL(`${name}${typescript ? '.ts' : '.js'}`, from)
  if (!typescript) return new Worker(entry, options)
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(code, { ...options, eval: true })
}

/** tsx's ESM API, resolved from this project (tsx is a development dependency). */
function tsxApi(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('tsx/package.json')
  const exported = (require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!
  return pathToFileURL(path.join(path.dirname(manifest), exported.import.default)).href
}
