/**
 * Search benchmark.
 *
 * 1. Relevance on the shipped content: MRR and recall@5 of the query set in
 *    test/search/queries.ts, the tuning half and the held-out half apart.
 * 2. Per corpus size (the shipped content as "5", then synthetic corpora from
 *    scripts/corpus.ts, seed 1): the site is built and served by `recap serve`
 *    (compressed, as a static host would), Pagefind indexes the same report pages, and
 *    Chromium, cold (empty cache), measures for each the bytes transferred before the first
 *    result shows and the time from navigation to it; then the query time p50/p95 once the
 *    engine is loaded (chunks it needs cached, as when typing), for Recap and Pagefind.
 *
 * With --latency MS, the cold loads go over an emulated slow link (that round-trip time,
 * 1.6 Mbit/s down, as DevTools' "Slow 4G"-like presets): what a reader on a phone waits for
 * is then round trips and bytes, and a busy machine's CPU matters less.
 *
 * Usage: npm run bench:search [-- --sizes 5,100,1000,4000] [--latency 150] [--verbose] [--relevance-only]
 * or, for a content folder of your own: npm run bench:search -- --content DIR
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, BrowserContext } from 'playwright-core'
import { build } from '../src/build.ts'
import { buildSearchIndex } from '../src/emit/search-index.ts'
import { readSite } from '../src/pipeline.ts'
import { fileSource } from '../src/search/files.ts'
import { Searcher } from '../src/search/query.ts'
import { memorySource } from '../src/search/source.ts'
import { serve } from '../src/serve.ts'
import { heldOutSet, relevanceSet, tuningSet, type RelevanceCase } from '../test/search/queries.ts'

export interface RelevanceScore {
  mrr: number
  recallAt5: number
  perQuery: { query: string; rank: number | null; recall: number; top: string[] }[]
}

export async function scoreRelevance(searcher: Searcher, cases: RelevanceCase[]): Promise<RelevanceScore> {
  const perQuery = []
  for (const { query, accept } of cases) {
    const ids = (await searcher.search(query, {}, { limit: 20, prefix: false, snippets: false })).hits.map((h) => h.document.id)
    const index = ids.findIndex((id) => accept.includes(id))
    const top5 = ids.slice(0, 5)
    const recall = accept.filter((a) => top5.includes(a)).length / Math.min(accept.length, 5)
    perQuery.push({ query, rank: index === -1 ? null : index + 1, recall, top: top5 })
  }
  const mrr = perQuery.reduce((n, q) => n + (q.rank ? 1 / q.rank : 0), 0) / perQuery.length
  const recallAt5 = perQuery.reduce((n, q) => n + q.recall, 0) / perQuery.length
  return { mrr, recallAt5, perQuery }
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`)
const ms = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : t < 10 ? `${t.toFixed(1)} ms` : `${Math.round(t)} ms`)
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

/** Queries for a corpus: some of its own words and phrases, completions as typed, and the relevance set. */
async function queriesFor(contentDir: string): Promise<{ cold: string; timed: string[] }> {
  const reports = (await readdir(path.join(contentDir, 'reports'))).sort()
  const text = await readFile(path.join(contentDir, 'reports', reports[0]!), 'utf8')
  const body = text.slice(text.indexOf('\n---', 4) + 4)
  const words = [...new Set(body.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? [])].slice(0, 40)
  const phrases = [...new Set((body.toLowerCase().match(/\b[a-z]{5,} [a-z]{5,}\b/g) ?? []))].slice(0, 10)
  const long = words.find((w) => w.length >= 8) ?? 'kubernetes'
  const typed = Array.from({ length: long.length - 1 }, (_, i) => long.slice(0, i + 2))
  const typo = long.slice(0, 2) + long[3] + long[2] + long.slice(4)
  return { cold: phrases[0] ?? words[0] ?? 'service mesh', timed: [...words, ...phrases, ...typed, typo, ...relevanceSet.map((c) => c.query)] }
}

/** A page that searches with Pagefind and shows the first result, timed like the Recap page. */
const pagefindPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Pagefind</title>
<ol id="results"></ol>
<script type="module">
const pagefind = await import('./_pagefind/pagefind.js')
window.__pagefind = pagefind
const q = new URLSearchParams(location.search).get('q')
if (q) {
  const search = await pagefind.search(q)
  const first = search.results[0] ? await search.results[0].data() : undefined
  const li = document.createElement('li')
  li.className = 'result'
  li.textContent = first ? first.meta.title + ': ' + first.excerpt : 'no results'
  document.getElementById('results').append(li)
}
</script></html>`

/** Record, in the page, when the first result is on screen (performance.now and wall clock). */
const firstResultProbe = () => {
  const w = window as unknown as { __first?: number; __firstWall?: number }
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-search-results] li.result, #results li.result')) {
      w.__first = performance.now()
      w.__firstWall = Date.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
}

interface ColdLoad {
  bytes: number
  time: number
}

/** An emulated link: round-trip time in ms, and bytes per second down and up. */
interface Link {
  latency: number
  down: number
  up: number
}

async function coldLoad(browser: Browser, url: string, link?: Link): Promise<ColdLoad> {
  const context: BrowserContext = await browser.newContext()
  const finished: { at: number; bytes: number }[] = []
  const pending: Promise<void>[] = []
  context.on('requestfinished', (request) => {
    const at = Date.now()
    pending.push(
      request.sizes().then(
        (s) => void finished.push({ at, bytes: s.responseBodySize + s.responseHeadersSize }),
        () => undefined,
      ),
    )
  })
  const page = await context.newPage()
  if (link) {
    // Applies to the page's worker too (its requests go through the same emulation).
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: link.latency, downloadThroughput: link.down, uploadThroughput: link.up })
  }
  await page.addInitScript(firstResultProbe)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __first?: number }).__first !== undefined, undefined, { timeout: 120_000 })
  const { time, wall } = await page.evaluate(() => ({ time: (window as unknown as { __first: number }).__first, wall: (window as unknown as { __firstWall: number }).__firstWall }))
  await page.waitForTimeout(200)
  await Promise.all(pending)
  await context.close()
  // Responses finished up to the moment the first result showed (within the clock's grain).
  return { time, bytes: finished.filter((f) => f.at <= wall + 5).reduce((n, f) => n + f.bytes, 0) }
}

/** Query times once loaded: each query once to load what it needs, then timed. */
async function recapQueryTimes(browser: Browser, origin: string, queries: string[]): Promise<number[]> {
  const page = await browser.newPage()
  await page.goto(`${origin}/404.html`)
  await page.addScriptTag({ url: `${origin}/assets/search.js` })
  const times = await page.evaluate(async ({ queries, root }) => {
    const engine = (window as unknown as { RECAP_ENGINE: { search(r: object): Promise<unknown> } }).RECAP_ENGINE
    const out: number[] = []
    let id = 0
    for (const input of queries) {
      const request = { root, input, filters: {}, options: { limit: 6, snippets: false } }
      await engine.search({ id: ++id, ...request })
      const t0 = performance.now()
      await engine.search({ id: ++id, ...request })
      out.push(performance.now() - t0)
    }
    return out
  }, { queries, root: `${origin}/` })
  await page.close()
  return times
}

async function pagefindQueryTimes(browser: Browser, origin: string, queries: string[]): Promise<number[]> {
  const page = await browser.newPage()
  await page.goto(`${origin}/_pagefind-bench.html`)
  await page.waitForFunction(() => (window as unknown as { __pagefind?: unknown }).__pagefind !== undefined)
  const times = await page.evaluate(async (queries) => {
    const pagefind = (window as unknown as { __pagefind: { search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> } }).__pagefind
    const out: number[] = []
    // (No named functions in here: the page has no helpers for them.)
    for (const q of queries) {
      let t0 = 0
      for (let pass = 0; pass < 2; pass++) {
        t0 = performance.now()
        const r = await pagefind.search(q)
        await Promise.all(r.results.slice(0, 6).map((x) => x.data()))
      }
      out.push(performance.now() - t0)
    }
    return out
  }, queries)
  await page.close()
  return times
}

async function relevance(verbose: boolean) {
  const searcher = new Searcher(memorySource(buildSearchIndex((await readSite('content')).site).data))
  for (const [name, set] of [['tuning', tuningSet], ['held-out', heldOutSet]] as const) {
    const score = await scoreRelevance(searcher, set)
    for (const q of score.perQuery) {
      if (verbose || q.rank !== 1 || q.recall < 1) {
        console.log(`  ${q.rank === null ? ' –' : String(q.rank).padStart(2)}  recall@5 ${q.recall.toFixed(2)}  ${q.query}${q.rank === 1 ? '' : `\n        top: ${q.top.join(', ')}`}`)
      }
    }
    console.log(`relevance, ${name} half: ${set.length} queries  MRR ${score.mrr.toFixed(3)}  recall@5 ${score.recallAt5.toFixed(3)}`)
  }
}

async function main() {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '5,100,1000,4000' }, content: { type: 'string' }, latency: { type: 'string' }, verbose: { type: 'boolean', default: false }, 'relevance-only': { type: 'boolean', default: false } },
  })
  const latency = values.latency === undefined ? undefined : Number(values.latency)
  if (latency !== undefined && !(latency > 0)) {
    console.error(`bench:search: --latency takes a round-trip time in milliseconds, e.g. --latency 150 (got "${values.latency}").`)
    process.exitCode = 2
    return
  }
  const link: Link | undefined = latency === undefined ? undefined : { latency, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 }
  await relevance(values.verbose)
  if (values['relevance-only']) return
  const { launchChromium } = await import('../test/browser/chromium.ts')
  const { writeCorpus } = await import('./corpus.ts')
  const work = await mkdtemp(path.join(tmpdir(), 'recap-bench-search-'))
  const browser = await launchChromium()
  const rows: string[][] = []
  try {
    const runs = values.content ? [{ label: path.basename(values.content), content: path.resolve(values.content) }] : values.sizes.split(',').map((s) => Number(s.trim()))
      .map((n) => ({ label: String(n), content: n === 5 ? path.resolve('content') : path.join(work, `corpus-${n}`), reports: n }))
    for (const run of runs) {
      if ('reports' in run && run.reports !== 5) await writeCorpus(run.content, { reports: run.reports, seed: 1 })
      const site = path.join(work, `site-${run.label}`)
      const started = Date.now()
      const summary = await build({ contentDir: run.content, outDir: site, cacheDir: path.join(work, 'cache') })
      process.stderr.write(`${run.label}: built ${summary.counts.reports} reports, ${summary.counts.sections} sections in ${ms(Date.now() - started)}\n`)
      const pagefind = spawnSync(path.resolve('node_modules/.bin/pagefind'), ['--site', site, '--glob', 'reports/*/index.html', '--output-subdir', '_pagefind', '--quiet'], { encoding: 'utf8' })
      if (pagefind.status !== 0) throw new Error(`pagefind failed: ${pagefind.stderr || pagefind.stdout}`)
      await writeFile(path.join(site, '_pagefind-bench.html'), pagefindPage)
      const server = await serve({ outDir: site, host: '127.0.0.1', port: 0 })
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      try {
        const { cold, timed } = await queriesFor(run.content)
        const q = encodeURIComponent(cold)
        const recap = await coldLoad(browser, `${origin}/search/?q=${q}`, link)
        const pf = await coldLoad(browser, `${origin}/_pagefind-bench.html?q=${q}`, link)
        const recapTimes = await recapQueryTimes(browser, origin, timed)
        const pfTimes = await pagefindQueryTimes(browser, origin, timed)
        // The same queries in Node, through the built files, for the engine alone.
        const searcher = new Searcher(await fileSource(site))
        const nodeTimes: number[] = []
        for (const input of timed) {
          await searcher.search(input, {}, { limit: 6, snippets: false })
          const t0 = performance.now()
          await searcher.search(input, {}, { limit: 6, snippets: false })
          nodeTimes.push(performance.now() - t0)
        }
        rows.push([
          `${summary.counts.reports} (${summary.counts.sections} sections)`,
          kb(recap.bytes),
          ms(recap.time),
          `${ms(quantile(recapTimes, 0.5))} / ${ms(quantile(recapTimes, 0.95))}`,
          kb(pf.bytes),
          ms(pf.time),
          `${ms(quantile(pfTimes, 0.5))} / ${ms(quantile(pfTimes, 0.95))}`,
          `${ms(quantile(nodeTimes, 0.5))} / ${ms(quantile(nodeTimes, 0.95))}`,
        ])
        process.stderr.write(`${run.label}: cold query "${cold}", ${timed.length} timed queries\n`)
      } finally {
        server.close()
        await rm(site, { recursive: true, force: true })
      }
    }
  } finally {
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
  const head = ['reports', 'Recap: bytes before first result', 'first result', 'query p50 / p95 (Chromium)', 'Pagefind: bytes before first result', 'first result', 'query p50 / p95', 'Recap query p50 / p95 (Node)']
  if (link) console.log(`\nCold loads over an emulated link: ${link.latency} ms round trip, 1.6 Mbit/s down.`)
  console.log(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
