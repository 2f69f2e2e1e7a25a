/**
 * Bounded pages and data on a generated corpus (scripts/corpus.ts) large enough to paginate:
 * every page within its weight budget, every paginated list complete and without repeats,
 * the data split per conference behind one index.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../scripts/corpus.ts'
import { pageBudget, pageWeights } from '../../scripts/page-weight.ts'
import { build } from '../../src/build.ts'
import { conferenceSessionBudget, mentionsPerPage, pageWindow, reportsPerPage, sessionsPerPage } from '../../src/emit/views.ts'
import { makeContent, minimalFrontMatter, removeDir, report, tempDir } from '../helpers.ts'
import { loadData } from './data.ts'

let dir: string
let out: string
const read = (p: string) => readFile(path.join(out, p), 'utf8')

beforeAll(async () => {
  dir = await tempDir()
  // More reports than fit on one list page, and more conferences than chart columns.
  await writeCorpus(path.join(dir, 'content'), { reports: reportsPerPage + 3, conferences: 14, seed: 5 })
  out = path.join(dir, 'site')
  await build({ contentDir: path.join(dir, 'content'), outDir: out })
}, 120_000)
afterAll(async () => removeDir(dir))

/** Follows "Next page" links from `first`, collecting what `pick` finds on each page. */
async function walkPages(first: string, pick: RegExp): Promise<{ pages: string[]; found: string[] }> {
  const pages: string[] = []
  const found: string[] = []
  let file: string | undefined = first
  while (file) {
    expect(pages, 'the pager loops').not.toContain(file)
    pages.push(file)
    const html = await read(file)
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
    for (const m of main.matchAll(pick)) found.push(m[1]!)
    const next = html.match(/<a class="pager-next" href="([^"]+)" rel="next">Next page/)
    file = next ? path.posix.join(path.posix.dirname(file), next[1]!, 'index.html') : undefined
  }
  return { pages, found }
}

describe('page numbers', () => {
  it('link the first, the last and two either side of the current page, at most nine', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(5, 3)).toEqual([1, 2, 3, 4, 5])
    expect(pageWindow(340, 1)).toEqual([1, 2, 3, null, 340])
    expect(pageWindow(340, 108)).toEqual([1, null, 106, 107, 108, 109, 110, null, 340])
    expect(pageWindow(340, 339)).toEqual([1, null, 337, 338, 339, 340])
    // A gap of one page shows the page.
    expect(pageWindow(9, 5)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    for (let count = 1; count <= 60; count++) {
      for (let current = 1; current <= count; current++) {
        const shown = pageWindow(count, current)
        expect(shown.length).toBeLessThanOrEqual(9)
        expect(shown).toContain(current)
        const numbers = shown.filter((n): n is number => n !== null)
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
        expect(numbers[0]).toBe(1)
        expect(numbers.at(-1)).toBe(count)
      }
    }
  })
})

describe('a site too large for one page per list', () => {
  it('keeps every page within its weight budget', async () => {
    const { pages, foreign } = await pageWeights(out)
    expect(foreign).toEqual([])
    expect(pages.filter((p) => p.bytes > pageBudget).map((p) => `${p.page} ${p.bytes}`)).toEqual([])
  })

  it('lists every report once across the pages of the reports list', async () => {
    const data = await loadData(out)
    const { pages, found } = await walkPages('reports/index.html', /<h3><a href="(?:\.\.\/)*(?:reports\/)?([a-z0-9-]+)\/">/g)
    expect(pages.length).toBeGreaterThan(1)
    expect(found.sort()).toEqual(data.reports.map((r) => r.id as string).sort())
  })

  it('links a window of page numbers, not every page', async () => {
    const { pages } = await walkPages('sessions/index.html', /(?!)/g)
    expect(pages.length).toBeGreaterThan(9)
    for (const file of pages) {
      const numbers = (await read(file)).match(/<ol class="page-numbers">([\s\S]*?)<\/ol>/)![1]!
      expect(numbers.match(/<li/g)!.length, file).toBeLessThanOrEqual(9)
    }
  })

  it('lists every session once across the pages of the sessions list', async () => {
    const data = await loadData(out)
    const sessions = data.sections.filter((s) => s.kind !== 'note').map((s) => s.id as string)
    const { pages, found } = await walkPages('sessions/index.html', /<li class="session-card"><h2><a href="(?:\.\.\/)*reports\/([^"]+)\/">/g)
    expect(pages).toHaveLength(Math.ceil(sessions.length / sessionsPerPage))
    expect(found.sort()).toEqual(sessions.sort())
  })

  it('offers conferences and topics to start from on the first page of a list only, kinds and years on every page', async () => {
    const { pages } = await walkPages('sessions/index.html', /(?!)/g)
    expect(pages.length).toBeGreaterThan(1)
    for (const [i, file] of pages.entries()) {
      const html = await read(file)
      expect(html.includes('Conference (its page lists its sessions)'), file).toBe(i === 0)
      expect(html, file).toContain('<p class="filter-label">Year</p>')
      expect(html, file).toContain('<p class="filter-label">Kind</p>')
    }
  })

  it('shows the most telling mentions on a topic page and every mention once in its all view', async () => {
    const data = await loadData(out)
    const big = data.topics.filter((t) => t.sections.length > mentionsPerPage)
    expect(big.length).toBeGreaterThan(0)
    for (const t of big.slice(0, 3)) {
      const page = await read(`topics/${t.id}/index.html`)
      expect(page).toContain(`All ${t.sections.length} sections, by conference`)
      const shown = [...page.matchAll(/class="mention-title" href="(?:\.\.\/)+reports\/([^"]+)\/"/g)].map((m) => m[1]!)
      expect(new Set(shown).size).toBeLessThan(t.sections.length)
      const { pages, found } = await walkPages(`topics/${t.id}/all/index.html`, /class="mention-title" href="(?:\.\.\/)+reports\/([^"]+)\/"/g)
      expect(pages).toHaveLength(Math.ceil(t.sections.length / mentionsPerPage))
      expect(found).toEqual(t.sections)
    }
  })

  it('counts per year on charts and the map when there are many conferences', async () => {
    const page = await read('topics/index.html')
    const map = page.match(/<table class="heatmap">[\s\S]*?<\/table>/)![0]
    const years = [...map.matchAll(/<th scope="col">(\d{4})<span class="heatmap-city">/g)].map((m) => m[1])
    expect(years.length).toBeGreaterThan(1)
    expect(new Set(years).size).toBe(years.length)
  })

  it('names each year once on the index pages, however many conferences it had', async () => {
    const rows = [...(await read('projects/index.html')).matchAll(/<td>(\d{4}(?:, \d{4})*)<\/td>/g)].map((m) => m[1]!.split(', '))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.some((years) => years.length > 1)).toBe(true)
    for (const years of rows) expect(new Set(years).size).toBe(years.length)
  })

  it('splits the data per conference behind one index', async () => {
    const index = JSON.parse(await read('data/index.json'))
    const data = await loadData(out)
    expect(index.conferences).toHaveLength(14)
    for (const c of index.conferences) {
      expect(c.files).toEqual({ conference: `data/conferences/${c.id}.json`, reports: `data/reports/${c.id}.json`, sections: `data/sections/${c.id}.json` })
      const reports = JSON.parse(await read(c.files.reports)) as { conference: string }[]
      for (const r of reports) expect(r.conference).toBe(c.id)
    }
    const ids = data.sections.map((s) => s.id as string)
    expect(new Set(ids).size).toBe(ids.length)
    for (const t of data.topics) expect(t.sectionCount).toBe(t.sections.length)
  })
})

describe('a conference with many reporters', () => {
  it('lists an even share of each report\'s sessions, the rest one link away', async () => {
    // 12 reports of 7 talks at meshconf-2019: 84 sessions, over the page's budget of 60.
    const talks = Array.from({ length: 7 }, (_, i) => `## Talk number ${i + 1} {.talk}\n\nWhat talk ${i + 1} said.\n`).join('\n')
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`reports/reporter-${i + 1}.md`, report(minimalFrontMatter, talks)]))
    const content = await makeContent(files)
    const site = path.join(await tempDir(), 'site')
    try {
      await build({ contentDir: content, outDir: site })
      const page = await readFile(path.join(site, 'conferences/meshconf-2019/index.html'), 'utf8')
      const listed = page.match(/<section class="sessions-of"[\s\S]*?<\/section>/g)!
      expect(listed).toHaveLength(12)
      const share = Math.floor(conferenceSessionBudget / 12)
      for (const section of listed) {
        expect(section.match(/<li>/g)).toHaveLength(share)
        expect(section).toMatch(new RegExp(`<p class="more"><a href="\\.\\./\\.\\./reports/reporter-\\d+/">${7 - share} more sessions in A test report</a></p>`))
      }
      expect(page).toContain('84 sessions')
    } finally {
      await removeDir(content)
      await removeDir(path.dirname(site))
    }
  }, 60_000)
})

