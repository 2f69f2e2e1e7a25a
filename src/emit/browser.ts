/** Bundle the browser code (src/browser/) into assets/site.js with esbuild. */
import path from 'node:path'
import { build } from 'esbuild'
import type { OutputFile } from './write.ts'

const entry = path.resolve(import.meta.dirname, '../browser/main.ts')

export async function bundleBrowserCode(): Promise<OutputFile> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  })
  return { path: 'assets/site.js', content: result.outputFiles[0]!.contents }
}
