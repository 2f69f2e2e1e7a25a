/**
 * What a build holds at once: section content as compact JSON once auto-linked, the linked
 * site's parsed trees let go, related sections ranked as asked and not kept, and data files
 * made only as they are written. (Memory itself is measured by `npm run bench`.)
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { withAutolinks } from '../src/emit/autolink.ts'
import { dataFiles, lazyDataFiles } from '../src/emit/data.ts'
import { serializeHtml } from '../src/emit/html.ts'
import { compactShownSite, takeShownSite } from '../src/emit/shown.ts'
import type { Site } from '../src/link/graph.ts'
import { readSite } from '../src/pipeline.ts'
import { fixtureContent, makeContent, minimalFrontMatter, report } from './helpers.ts'

let site: Site

/** Each section's content as two pages at different depths would write it, and as the data files do. */
const html = (s: Site) =>
  s.sections.flatMap((x) => [
    serializeHtml(x.content, { siteHref: (path) => '../' + path }),
    serializeHtml(x.content, { siteHref: (path) => '../../../' + path }),
    serializeHtml(x.content, { siteHref: (path) => '/base/' + path }),
  ])

beforeAll(async () => {
  site = (await readSite(fixtureContent)).site
})

describe('the compact shown site', () => {
  it('shows every section as the auto-linked site does', () => {
    const compact = compactShownSite(site)
    const linked = withAutolinks(site).site
    expect(compact.sections.map((s) => s.id)).toEqual(linked.sections.map((s) => s.id))
    expect(html(compact)).toEqual(html(linked))
    expect(html(compact).some((x) => x.includes('class="autolink"') && x.includes('href="../../../topics/'))).toBe(true)
    for (const s of compact.sections) expect(compact.section.get(s.id)).toBe(s)
    // Everything but the content is the linked site's own.
    expect(compact.sections.map(({ content: _, ...rest }) => rest)).toEqual(site.sections.map(({ content: _, ...rest }) => rest))
  })

  it('keeps as a tree the content whose text holds the marks a fragment uses, and shows it the same', async () => {
    const dir = await makeContent({ 'reports/marks.md': report(minimalFrontMatter, '## Talk\n\nA private-use \uE000 0 \uE001 mark next to Istio.\n\n## Other\n\nIstio again.') })
    const own = (await readSite(dir)).site
    const compact = compactShownSite(own)
    expect(html(compact)).toEqual(html(withAutolinks(own).site))
    const kinds = compact.sections.map((s) => s.content.children[0]?.type)
    expect(kinds).toContain('element')
    expect(kinds).toContain('raw')
    expect(html(compact).some((x) => x.includes('\uE000 0 \uE001') && x.includes('class="autolink"'))).toBe(true)
  })

  it('holds no tree: each read makes a new one, and a change to it is not seen by the next', () => {
    const compact = compactShownSite(site)
    const section = compact.sections.find((s) => s.content.children.length > 0)!
    const first = section.content
    expect(section.content).not.toBe(first)
    expect(section.content).toEqual(first)
    first.children.length = 0
    expect(section.content.children.length).toBeGreaterThan(0)
    // What it holds is the serialized content, one node for the whole of it.
    expect(compact.sections.every((s) => s.content.children.length === 1 && s.content.children[0]!.type === 'raw')).toBe(true)
    // The linked site keeps its parsed trees as they were.
    const original = site.section.get(section.id)!.content
    expect(original).not.toBe(section.content)
    expect(original.children.length).toBeGreaterThan(0)
  })
})

describe('the site a build shows', () => {
  it("shows what the compact site shows, and lets the linked site's parsed trees go", async () => {
    // A site of its own: taking it changes it.
    const linked = (await readSite(fixtureContent)).site
    const expected = html(compactShownSite(linked))
    const shown = takeShownSite(linked)
    expect(html(shown)).toEqual(expected)
    expect(shown.sections.map((s) => s.id)).toEqual(linked.sections.map((s) => s.id))
    // A page that reached a tree through the linked site fails loudly instead of showing nothing.
    for (const s of linked.sections) expect(() => s.content.children).toThrow(/Bug in Recap: a page read section content from the linked site/)
  })

  it('ranks related sections as the linked site does, anew on every question', async () => {
    const linked = (await readSite(fixtureContent)).site
    const shown = takeShownSite(linked)
    const withRelated = site.sections.filter((s) => site.related.get(s.id).length > 0)
    expect(withRelated.length).toBeGreaterThan(0)
    for (const s of site.sections) {
      const first = shown.related.get(s.id)
      expect(first).toEqual(site.related.get(s.id))
      // Nothing kept: the same answer, made again.
      if (first.length > 0) expect(shown.related.get(s.id)).not.toBe(first)
    }
    expect(shown.related.get('no/such-section')).toEqual([])
  })
})

describe('data files', () => {
  it('are made only when written, one at a time, with the same bytes as made at once', () => {
    // Counts reads of section content: the costly part of a data file.
    let reads = 0
    const counted: Site = {
      ...site,
      sections: site.sections.map((s) => {
        const { content, ...rest } = s
        return Object.defineProperty(rest, 'content', { get: () => (reads++, content), enumerable: true }) as Site['sections'][number]
      }),
    }
    counted.section = new Map(counted.sections.map((s) => [s.id, s]))
    const lazy = lazyDataFiles(counted, '/')
    expect(reads).toBe(0)
    const conference = site.conferences.find((c) => c.reports.length > 0)!
    const sectionsFile = lazy.find((f) => f.path === `data/sections/${conference.id}.json`)!
    const rendered = sectionsFile.render()
    const expected = conference.reports.reduce((n, r) => n + site.report.get(r)!.sections.length, 0)
    expect(expected).toBeGreaterThan(0)
    expect(reads).toBe(expected)
    const eager = dataFiles(site, '/')
    expect(lazy.map((f) => f.path)).toEqual(eager.map((f) => f.path))
    expect(eager.find((f) => f.path === sectionsFile.path)!.content).toBe(rendered)
    for (const [i, f] of lazy.entries()) expect(f.render()).toBe(eager[i]!.content)
  })
})
