/**
 * Bundle the browser code (src/browser/) with esbuild: site.js for every page, search-ui.js
 * (the search interface) and search.js (the search engine, a worker), both loaded on demand,
 * and the stylesheet, minified so every page stays within its weight budget.
 */
import path from 'node:path'
import { build } from 'esbuild'
import type { OutputFile } from './write.ts'

const entries = {
  'assets/site.js': path.resolve(import.meta.dirname, '../browser/main.ts'),
  'assets/search.js': path.resolve(import.meta.dirname, '../browser/search.ts'),
  'assets/search-ui.js': path.resolve(import.meta.dirname, '../browser/ui.ts'),
  'assets/style.css': path.resolve(import.meta.dirname, '../browser/style.css'),
}

export async function bundleBrowserCode(): Promise<OutputFile[]> {
  return Promise.all(
    Object.entries(entries).map(async ([out, entry]) => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        ...(entry.endsWith('.css') ? {} : { format: 'iife' as const }),
        target: ['es2020'],
        write: false,
        legalComments: 'none',
        logLevel: 'silent',
      })
      return { path: out, content: result.outputFiles[0]!.contents }
    }),
  )
}
