/** Integration: build the real content into a temporary folder and check records and pages. */
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildSummary } from '../src/build.ts'
import { loadData } from './link/data.ts'
import { makeContent, realContent, removeDir, report, tempDir, minimalFrontMatter } from './helpers.ts'

let out: string
let summary: BuildSummary
const read = (p: string) => readFile(path.join(out, p), 'utf8')

beforeAll(async () => {
  out = path.join(await tempDir(), 'site')
  summary = await build({ contentDir: realContent, outDir: out })
})
afterAll(async () => removeDir(path.dirname(out)))

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort()
}

describe('building the five reports', () => {
  it('summarizes what it built, stage by stage', () => {
    expect(summary.timings.map((t) => t.stage)).toEqual(['load', 'validate', 'parse', 'link', 'index', 'emit', 'write'])
    expect(summary.searchIndex.gzipBytes).toBeLessThan(summary.searchIndex.bytes)
    expect(summary.counts).toMatchObject({ reports: 5, topics: 18, conferences: 3 })
    expect(summary.counts.projects).toBeGreaterThanOrEqual(40)
    expect(summary.counts.sessions).toBeGreaterThanOrEqual(25)
  })

  it('gives every session of the Copenhagen recap its own page', async () => {
    const sections = (await loadData(out)).sections as unknown as { id: string; report: string; kind: string; url: string }[]
    const sessions = sections.filter((s) => s.report === '2018-copenhagen-recap' && s.kind !== 'note')
    expect(sessions.length).toBeGreaterThanOrEqual(20)
    for (const s of sessions) {
      const html = await read(s.url.replace(/^\//, '') + 'index.html')
      expect(html).toContain('<h1>')
    }
    expect(sessions.map((s) => s.id)).toContain('2018-copenhagen-recap/stories-from-the-playbook')
  })

  it('marks session kinds from the attribute syntax', async () => {
    const sections = (await loadData(out)).sections as unknown as { id: string; kind: string; speakers: string[] }[]
    const byId = new Map(sections.map((s) => [s.id, s]))
    expect(byId.get('2018-copenhagen-recap/serverless-wg-bof')!.kind).toBe('bof')
    expect(byId.get('2018-copenhagen-recap/lightning-talks')!.kind).toBe('lightning')
    expect(byId.get('2018-copenhagen-recap/day-1-keynotes')!.kind).toBe('keynote')
    expect(byId.get('2017-berlin-personal-report/containerd')).toMatchObject({ kind: 'talk', speakers: ['Justin Cormack'] })
    expect(byId.get('2018-copenhagen-takeaways/gitops')!.kind).toBe('note')
    // "Day 2" groups talks; it is not a record of its own.
    expect(byId.has('2018-copenhagen-recap/day-2')).toBe(false)
  })

  it('lists sections from both reports that discuss GitOps on its topic page', async () => {
    const topics = (await loadData(out)).topics as unknown as { id: string; sections: string[] }[]
    const gitops = topics.find((t) => t.id === 'gitops')!
    const reports = new Set(gitops.sections.map((s) => s.split('/')[0]))
    expect([...reports].sort()).toEqual(['2018-copenhagen-recap', '2018-copenhagen-takeaways'])
    const page = await read('topics/gitops/index.html')
    for (const id of gitops.sections) expect(page).toContain(`href="../../reports/${id}/"`)
    expect(page).toMatch(/<mark>pull request<\/mark>/)
  })

  it('shows all three Copenhagen reports on the conference page, with their sessions', async () => {
    const conferences = (await loadData(out)).conferences as unknown as { id: string; reports: string[]; sessions: string[]; url: string }[]
    const cph = conferences.find((c) => c.id === 'kubecon-eu-2018')!
    expect(cph.reports).toHaveLength(3)
    expect(cph.url).toBe('/conferences/kubecon-eu-2018/')
    const page = await read('conferences/kubecon-eu-2018/index.html')
    for (const r of cph.reports) expect(page).toContain(`href="../../reports/${r}/"`)
    expect(page).toContain('Stories from the Playbook')
  })

  it('renders a report with facts, a table of contents and an anchor per section', async () => {
    const page = await read('reports/2018-copenhagen-recap/index.html')
    const sections = ((await loadData(out)).sections as unknown as { id: string; report: string }[]).filter((s) => s.report === '2018-copenhagen-recap')
    for (const s of sections) {
      const slug = s.id.split('/')[1]!
      expect(page).toContain(`<section class="report-section" id="${slug}"><h`)
      expect(page).toContain(`<a href="${slug}/">`)
      expect(page).toContain(`<a href="#${slug}">`)
    }
    expect(page).toContain('<nav class="toc" aria-label="Contents">')
    expect(page).toContain('<time datetime="2018-05-11">11 May 2018</time>')
    expect(page).toMatch(/<span class="kind kind-bof">BoF<\/span>/)
  })

  it('gives a section page its context, neighbours and related sections from other reports', async () => {
    const sections = (await loadData(out)).sections as unknown as { id: string; report: string; related: { section: string; shared: { topics: string[] } }[]; previous: string | null; next: string | null }[]
    const s = sections.find((x) => x.id === '2018-copenhagen-recap/multi-tenancy-in-kubernetes-best-practices-today-and-future-directions')!
    expect(s.related.length).toBeGreaterThan(0)
    expect(s.related.length).toBeLessThanOrEqual(5)
    for (const r of s.related) expect(r.section.split('/')[0]).not.toBe(s.report)
    const page = await read('reports/2018-copenhagen-recap/multi-tenancy-in-kubernetes-best-practices-today-and-future-directions/index.html')
    expect(page).toContain('rel="prev"')
    expect(page).toContain('Related in other reports')
    expect(page).toContain('href="../../../topics/multi-tenancy/"')
  })

  it('auto-links first mentions with hrefs relative to each page, absolute in the data', async () => {
    const sectionPage = await read('reports/2018-copenhagen-recap/evolving-systems-design-from-unreliable-rpc-to-resilience-with-linkerd/index.html')
    expect(sectionPage).toContain('<a href="../../../projects/linkerd/" class="autolink">Linkerd</a>')
    expect(sectionPage.match(/class="autolink"[^>]*>Linkerd</g)).toHaveLength(1)
    expect(sectionPage).not.toContain('data-site-path')
    const reportPage = await read('reports/2018-copenhagen-recap/index.html')
    expect(reportPage).toContain('<a href="../../projects/linkerd/" class="autolink">Linkerd</a>')
    const sections = (await loadData(out)).sections as unknown as { id: string; html: string }[]
    const talk = sections.find((x) => x.id.endsWith('resilience-with-linkerd'))!
    expect(talk.html).toContain('<a href="/projects/linkerd/" class="autolink">Linkerd</a>')
  })

  it('lists every session in the talks table', async () => {
    const sections = (await loadData(out)).sections as unknown as { title: string; kind: string }[]
    const page = await read('talks/index.html')
    const rows = page.match(/<tr>/g)!.length - 1
    expect(rows).toBe(sections.filter((s) => s.kind !== 'note').length)
  })

  it('exports the documented records', async () => {
    const [section] = (await loadData(out)).sections
    expect(Object.keys(section!).sort()).toEqual(
      ['conference', 'focus', 'group', 'html', 'id', 'kind', 'next', 'previous', 'projects', 'related', 'report', 'speakers', 'text', 'title', 'topics', 'url', 'wordCount', 'year'].sort(),
    )
    const [r] = (await loadData(out)).reports
    expect(Object.keys(r!).sort()).toEqual(['author', 'conference', 'id', 'published', 'sections', 'source', 'summary', 'title', 'topics', 'url', 'wordCount', 'year'].sort())
    const projects = (await loadData(out)).projects as unknown as { id: string; url: string }[]
    expect(projects.find((p) => p.id === 'istio')!.url).toBe('/projects/istio/')
  })

  it('links internally with relative URLs only, except the 404 page', async () => {
    const files = (await listFiles(out)).filter((f) => f.endsWith('.html') && f !== '404.html')
    for (const f of files) {
      const html = await read(f)
      expect(html, f).not.toMatch(/(href|src|action)="\/(?!\/)/)
    }
    expect(await read('404.html')).toContain('href="/assets/style.css"')
  })

  it('writes a page for every topic, project and conference, and the indexes', async () => {
    const files = new Set(await listFiles(out))
    for (const f of ['index.html', '404.html', 'reports/index.html', 'talks/index.html', 'topics/index.html', 'projects/index.html', 'conferences/index.html', 'topics/service-mesh/index.html', 'projects/istio/index.html', 'conferences/kubecon-eu-2017/index.html', 'assets/style.css', 'assets/site.js']) {
      expect(files.has(f), f).toBe(true)
    }
  })
})

describe('build guarantees', () => {
  it('gives byte-identical output for the same content', async () => {
    const other = path.join(await tempDir(), 'site')
    await build({ contentDir: realContent, outDir: other })
    const a = await listFiles(out)
    expect(await listFiles(other)).toEqual(a)
    for (const f of a) expect(await readFile(path.join(other, f)), f).toEqual(await readFile(path.join(out, f)))
    await removeDir(path.dirname(other))
  })

  it('writes absolute links under --base on the 404 page and in the data', async () => {
    const other = path.join(await tempDir(), 'site')
    await build({ contentDir: realContent, outDir: other, base: 'recap' })
    expect(await readFile(path.join(other, '404.html'), 'utf8')).toContain('href="/recap/topics/"')
    const topics = (await loadData(other)).topics as unknown as { url: string }[]
    expect(topics[0]!.url).toMatch(/^\/recap\/topics\//)
    await removeDir(path.dirname(other))
  })

  it('keeps untrusted markup out of pages', async () => {
    const content = await makeContent({
      'reports/hostile.md': report(
        `title: "<script>alert('title')</script>"\nconference: kubecon-eu-2019\nsummary: "<img src=x onerror=alert(1)>"\nauthor: "Eve <b>bold</b>"`,
        `Intro with <script>alert('body')</script> and <a href="javascript:alert(2)">a link</a>.\n\n## <em onclick="x()">Talk</em> {.talk speakers="<i>Mallory</i>"}\n\n<iframe src="https://evil.example"></iframe>\n\n[x](javascript:alert(3))`,
      ),
    })
    const site = path.join(content, 'out')
    await build({ contentDir: content, outDir: site })
    const files = (await listFiles(site)).filter((f) => f.endsWith('.html'))
    for (const f of files) {
      const html = await readFile(path.join(site, f), 'utf8')
      const problems: string[] = []
      visit(fromHtml(html), 'element', (el: Element) => {
        // Our own bundles are the only scripts a page may load.
        if (el.tagName === 'script' && !(/assets\/(site|search|search-index)\.js$/.test(String(el.properties.src)) && el.children.length === 0)) problems.push('script')
        if (['iframe', 'object', 'embed', 'i'].includes(el.tagName)) problems.push(el.tagName)
        for (const [key, value] of Object.entries(el.properties)) {
          if (/^on/i.test(key)) problems.push(key)
          if (typeof value === 'string' && /^\s*javascript:/i.test(value)) problems.push(`${key}=${value}`)
        }
      })
      expect(problems, f).toEqual([])
    }
    // The search index is a script: no text in it may close the script element.
    expect(await readFile(path.join(site, 'assets/search-index.js'), 'utf8')).not.toContain('<')
    const page = await readFile(path.join(site, 'reports/hostile/index.html'), 'utf8')
    expect(page).toContain('&#x3C;script>alert(\'title\')&#x3C;/script>')
    await removeDir(content)
  })

  it('accepts a report with only an introduction', async () => {
    const content = await makeContent({ 'reports/short.md': report(minimalFrontMatter, 'Just a paragraph.') })
    const site = path.join(content, 'out')
    const s = await build({ contentDir: content, outDir: site })
    expect(s.counts).toMatchObject({ reports: 1, sections: 1, sessions: 0 })
    await removeDir(content)
  })
})
