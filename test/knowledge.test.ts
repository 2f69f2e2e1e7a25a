/** Knowledge across reports: the numbers behind charts and the map, side-by-side reporters, related sections, feeds. */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { realContent, removeDir, tempDir } from './helpers.ts'
import { loadData } from './link/data.ts'

interface SectionRecord { id: string; report: string; conference: string; topics: string[]; focus: string[]; projects: string[]; related: { section: string; score: number; shared: { topics: string[]; projects: string[] } }[] }
interface TopicRecord { id: string; name: string; sections: string[]; trend: { conference: string; year: number; count: number; focus: number; total: number; share: number }[] }
interface ConferenceRecord { id: string; name: string; reports: string[] }

let out: string
let sections: SectionRecord[]
let topics: TopicRecord[]
let conferences: ConferenceRecord[]
const read = (p: string) => readFile(path.join(out, p), 'utf8')

beforeAll(async () => {
  out = path.join(await tempDir(), 'site')
  await build({ contentDir: realContent, outDir: out, siteUrl: 'https://example.com/recap/', base: '/recap/' })
  const data = await loadData(out)
  sections = data.sections as unknown as SectionRecord[]
  topics = data.topics as unknown as TopicRecord[]
  conferences = data.conferences as unknown as ConferenceRecord[]
})
afterAll(async () => removeDir(path.dirname(out)))

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&#x26;/g, '&')

// The numbers themselves (trends, reporters, co-occurrence, related) are checked on a
// purpose-built folder in test/link/linker.test.ts; here, that pages show them.
describe('trends', () => {
  it('draws the chart from those numbers, as an accessible SVG with a data table', async () => {
    const security = topics.find((t) => t.id === 'security')!
    const page = await read('topics/security/index.html')
    const svg = page.match(/<svg[^>]*>[\s\S]*?<\/svg>/)![0]
    expect(svg).toMatch(/role="img"/)
    expect(svg).toMatch(/<title id="trend-title-security">Security: share of sections per conference<\/title>/)
    expect(svg).toContain('>Share of sections</text>')
    expect(svg).toContain('>Conference</text>')
    for (const p of security.trend) {
      // The count and its base, never a bare percentage.
      expect(svg).toContain(`>${p.count} of ${p.total}</text>`)
      expect(svg).toContain(`>${p.year}</text>`)
    }
    const rows = [...page.matchAll(/<tr><th scope="row"><a[^>]*>(\d{4} [^<]+)<\/a><\/th><td>(\d+) of (\d+) sections?, \d+ of \d+ reports?(?:<span class="thin-mark"> \(thin coverage\)<\/span>)?<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)%<\/td><\/tr>/g)]
    expect(rows.map((r) => [Number(r[2]), Number(r[3]), Number(r[5]), Number(r[4])])).toEqual(
      security.trend.map((p) => [p.count, p.total, Math.round(p.share * 100), p.focus]),
    )
    // Bar heights follow the shares (the bases differ): taller bar, larger share.
    const heights = [...svg.matchAll(/<rect class="bar-mention[^"]*"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]))
    const shares = security.trend.map((p) => p.share)
    expect(heights).toHaveLength(shares.length)
    for (let i = 0; i < shares.length; i++) for (let j = 0; j < shares.length; j++) if (shares[i]! > shares[j]!) expect(heights[i]).toBeGreaterThan(heights[j]!)
  })
})

describe('the topics × conferences map', () => {
  it('has a cell per topic and conference whose link leads to exactly the sections behind it', async () => {
    // The group behind a cell: on the topic page when all its sections fit there, else on the
    // linked page of its all view and the following pages while it continues.
    const groupSections = async (page: string, conference: string) => {
      const found = new Set<string>()
      let file: string | undefined = page
      let id = `year-${conference}`
      while (file) {
        const html = await read(file)
        const group = html.match(new RegExp(`<section class="year-group" aria-labelledby="${id}">[\\s\\S]*?(?=<section class="year-group"|<nav class="pager|</main>)`))
        if (!group) break
        for (const m of group[0].matchAll(/class="mention-title" href="(?:\.\.\/)+reports\/([^"]+)\/"/g)) found.add(m[1]!)
        const next = html.match(/<a class="pager-next" href="([^"]+)"/)
        file = next && group[0].length + html.indexOf(group[0]) >= html.lastIndexOf('<section class="year-group"') ? path.posix.join(path.posix.dirname(file), next[1]!, 'index.html') : undefined
        id = `year-${conference}-continued`
      }
      return found
    }
    for (const page of ['index.html', 'topics/index.html']) {
      const html = await read(page)
      const map = html.match(/<table class="heatmap">[\s\S]*?<\/table>/)![0]
      for (const t of topics.filter((x) => x.sections.length)) {
        for (const p of t.trend) {
          const link = map.match(new RegExp(`<a href="([^"#]*${t.id}/(?:all/(?:\\d+/)?)?)#year-${p.conference}"`))
          if (p.count === 0) {
            expect(link, `${page} ${t.id} ${p.conference}`).toBeNull()
            continue
          }
          expect(link, `${page} ${t.id} ${p.conference}`).not.toBeNull()
          const target = path.posix.join(path.posix.dirname(page), link![1]!, 'index.html')
          expect((await groupSections(target, p.conference)).size, `${t.id} ${p.conference}`).toBe(p.count)
        }
      }
    }
  })

  it('labels every cell for screen readers', async () => {
    const html = await read('index.html')
    // The count and its base come first, the share after.
    expect(html).toMatch(/aria-label="\d+\/\d+: Security, 2018: \d+ of \d+ sections, \d of 3 reports"/)
  })
})

describe('several reporters', () => {
  it('puts the three Copenhagen reports side by side on the conference and topic pages', async () => {
    const cph = conferences.find((c) => c.id === 'kubecon-eu-2018')!
    const reportsOnSecurity = new Set(sections.filter((s) => s.conference === cph.id && s.topics.includes('security')).map((s) => s.report))
    expect(reportsOnSecurity.size).toBe(3)
    const conferencePage = text(await read('conferences/kubecon-eu-2018/index.html'))
    // The conference page opens with what all three share, then the theme × reporter matrix.
    expect(conferencePage).toMatch(/All 3 reporters wrote about: /)
    const matrix = (await read('conferences/kubecon-eu-2018/index.html')).match(/<table class="matrix">[\s\S]*?<\/table>/)![0]
    expect(matrix).toMatch(/<th scope="row"><a href="..\/..\/topics\/security\/">Security<\/a>/)
    const topicPage = await read('topics/security/index.html')
    expect(text(topicPage)).toContain('3 reporters on security at KubeCon + CloudNativeCon Europe 2018')
    const block = topicPage.match(/<section class="side-by-side"[\s\S]*?<\/section>/)![0]
    expect(block.match(/<div class="column">/g)).toHaveLength(3)
  })

  it('shows no side-by-side block where a conference has one report', async () => {
    const page = await read('conferences/kubecon-eu-2019/index.html')
    expect(page).not.toContain('side-by-side')
    expect(page).not.toContain('class="matrix"')
  })
})

describe('related sections', () => {
  it('shows the shared reasons on the section page', async () => {
    const s = sections.find((x) => x.id === '2018-copenhagen-short-summary/security')!
    const page = text(await read('reports/2018-copenhagen-short-summary/security/index.html'))
    expect(s.related.length).toBeGreaterThan(0)
    expect(page).toContain('In other reports')
    expect(page).toMatch(/Shares [A-Z]/)
  })
})

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'url', 'link', 'category', 'author'].includes(name) })

  it('writes a valid Atom feed of reports with absolute URLs', async () => {
    const xml = await read('feed.xml')
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = parser.parse(xml).feed
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe('https://example.com/recap/')
    expect(feed.title).toBeTruthy()
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe('https://example.com/recap/feed.xml')
    expect(feed.author[0].name).toBeTruthy()
    const reports = (await loadData(out)).reports
    expect(feed.entry).toHaveLength(reports.length)
    const ids = new Set<string>()
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^https:\/\/example\.com\/recap\/reports\/[a-z0-9-]+\/$/)
      ids.add(e.id)
      expect(e.title).toBeTruthy()
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
      expect(e.updated <= feed.updated).toBe(true)
      expect(e.link[0]['@href']).toBe(e.id)
      expect(e.summary).toBeTruthy()
    }
    expect(ids.size).toBe(reports.length)
  })

  it('writes a sitemap listing every page once, each an absolute URL of a page that exists', async () => {
    const xml = await read('sitemap.xml')
    expect(XMLValidator.validate(xml)).toBe(true)
    const urlset = parser.parse(xml).urlset
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const locs: string[] = urlset.url.map((u: { loc: string }) => u.loc)
    expect(new Set(locs).size).toBe(locs.length)
    for (const loc of locs) {
      expect(loc.startsWith('https://example.com/recap/')).toBe(true)
      expect(existsSync(path.join(out, loc.slice('https://example.com/recap/'.length), 'index.html')), loc).toBe(true)
    }
    expect(locs).toContain('https://example.com/recap/topics/security/')
    expect(locs.some((l) => l.includes('404'))).toBe(false)
  })

  it('points every page at the feed', async () => {
    expect(await read('topics/security/index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="Recap: new reports" href="../../feed.xml">')
  })
})
