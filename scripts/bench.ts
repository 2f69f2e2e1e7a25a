/**
 * Benchmarks, not tests: build time and memory on the real content, and page weight.
 * Targets: every page's HTML + CSS + JS (without the search index) under 60 KB, no
 * third-party resources, system fonts only.
 * Usage: npm run bench
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { build } from '../src/build.ts'
import { searchIndexFile } from '../src/emit/search-index.ts'
import { htmlPages } from '../test/browser/site.ts'

const pageBudget = 60 * 1024
const runs = 5

const dir = await mkdtemp(path.join(tmpdir(), 'recap-bench-'))
const out = path.join(dir, 'site')

// Build time: median of several cold builds in this process.
const times: number[] = []
let peakRss = 0
for (let i = 0; i < runs; i++) {
  const start = performance.now()
  await build({ contentDir: 'content', outDir: out })
  times.push(performance.now() - start)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}
times.sort((a, b) => a - b)
console.log(`build: median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms over ${runs} builds; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`)

// Page weight: each page with the stylesheets and scripts it loads, the search index apart.
const size = async (p: string) => (await stat(p)).size
const pages = await htmlPages(out)
const rows: { page: string; bytes: number }[] = []
const foreign: string[] = []
for (const page of pages) {
  const file = path.join(out, page, page.endsWith('.html') ? '' : 'index.html')
  const html = await readFile(file, 'utf8')
  let bytes = Buffer.byteLength(html)
  const assets = new Set<string>()
  visit(fromHtml(html), 'element', (el: Element) => {
    const ref = el.tagName === 'link' && String(el.properties.rel).includes('stylesheet') ? el.properties.href : el.tagName === 'script' ? el.properties.src : undefined
    if (typeof ref !== 'string') return
    if (/^[a-z]+:|^\/\//i.test(ref)) foreign.push(`${page}: ${ref}`)
    else assets.add(page === '/404.html' ? path.join(out, ref) : path.resolve(path.dirname(file), ref))
  })
  for (const a of assets) if (!a.endsWith(searchIndexFile)) bytes += await size(a)
  rows.push({ page, bytes })
}
rows.sort((a, b) => b.bytes - a.bytes)
const over = rows.filter((r) => r.bytes > pageBudget)
const css = await readFile(path.join(out, 'assets/style.css'), 'utf8')
console.log(`pages: ${rows.length}; heaviest HTML+CSS+JS: ${rows.slice(0, 3).map((r) => `${r.page} ${(r.bytes / 1024).toFixed(1)} KB`).join(', ')}`)
console.log(`budget ${pageBudget / 1024} KB: ${over.length === 0 ? 'every page within it' : `${over.length} over: ${over.map((r) => r.page).join(', ')}`}`)
console.log(`search index: ${((await size(path.join(out, searchIndexFile))) / 1024).toFixed(1)} KB (loaded by the search page only)`)
console.log(`third-party resources: ${foreign.length === 0 ? 'none' : foreign.join(', ')}`)
console.log(`fonts: ${/@font-face|url\(/.test(css) ? 'web fonts found' : 'system fonts only'}`)
await rm(dir, { recursive: true, force: true })
process.exitCode = over.length || foreign.length ? 1 : 0
