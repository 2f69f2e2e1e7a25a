/**
 * The browser code (src/browser/): site.js for every page, search-ui.js (the search
 * interface) and search.js (the search engine, a worker), both loaded on demand, and the
 * stylesheet, minified so every page stays within its weight budget.
 *
 * The compiled CLI reads the bundles made by `npm run build:cli` (build/browser/); run as
 * TypeScript, it bundles them here with esbuild, a development dependency.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { compiled, projectRoot } from '../root.ts'
import type { OutputFile } from './write.ts'

export const browserEntries = {
  'assets/site.js': 'src/browser/main.ts',
  'assets/search.js': 'src/browser/search.ts',
  'assets/search-ui.js': 'src/browser/ui.ts',
  'assets/style.css': 'src/browser/style.css',
}

/** Where `npm run build:cli` writes the bundles, under their output names. */
export const prebuiltDir = path.join(projectRoot, 'build/browser')

export async function bundleBrowserCode(): Promise<OutputFile[]> {
  if (compiled && existsSync(prebuiltDir)) {
    return Promise.all(Object.keys(browserEntries).map(async (out) => ({ path: out, content: await readFile(path.join(prebuiltDir, out)) })))
  }
  return bundleWithEsbuild()
}

export async function bundleWithEsbuild(): Promise<OutputFile[]> {
  const { build } = await import('esbuild')
  return Promise.all(
    Object.entries(browserEntries).map(async ([out, entry]) => {
      const result = await build({
        entryPoints: [path.join(projectRoot, entry)],
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
