/**
 * Page weight: each page's HTML with the stylesheets and scripts it loads (the search index
 * apart, which only the search page fetches). Shared by `npm run bench` and the tests.
 * Budget: every page under 60 KB, no third-party resources.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { searchIndexFile } from '../src/emit/search-index.ts'

export const pageBudget = 60 * 1024

export interface PageWeight {
  /** URL path: "/", "/topics/gitops/", "/404.html". */
  page: string
  bytes: number
}

export async function pageWeights(out: string): Promise<{ pages: PageWeight[]; foreign: string[] }> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  const assetSize = new Map<string, number>()
  const foreign: string[] = []
  const pages: PageWeight[] = []
  for (const file of files) {
    const rel = path.relative(out, file).split(path.sep).join('/')
    const page = '/' + rel.replace(/(^|\/)index\.html$/, '$1')
    const html = await readFile(file, 'utf8')
    let bytes = Buffer.byteLength(html)
    const assets = new Set<string>()
    visit(fromHtml(html), 'element', (el: Element) => {
      const ref = el.tagName === 'link' && String(el.properties.rel).includes('stylesheet') ? el.properties.href : el.tagName === 'script' ? el.properties.src : undefined
      if (typeof ref !== 'string') return
      if (/^[a-z]+:|^\/\//i.test(ref)) foreign.push(`${page}: ${ref}`)
      else assets.add(page === '/404.html' ? path.join(out, ref) : path.resolve(path.dirname(file), ref))
    })
    for (const a of assets) {
      if (a.endsWith(searchIndexFile)) continue
      if (!assetSize.has(a)) assetSize.set(a, (await stat(a)).size)
      bytes += assetSize.get(a)!
    }
    pages.push({ page, bytes })
  }
  return { pages, foreign }
}
