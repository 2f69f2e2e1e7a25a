/**
 * Integration: the fixture site (test/fixtures/site, built once by test/global-setup.ts)
 * and its records and pages. What the fixture holds is known by construction: its README
 * says so. Tests that need other content build their own in a temporary folder.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { describe, expect, inject, it } from 'vitest'
import { build } from '../src/build.ts'
import { loadData } from './link/data.ts'
import { fixtureContent, makeContent, minimalFrontMatter, removeDir, report, tempDir } from './helpers.ts'

const out = inject('fixtureSite')
const read = (p: string) => readFile(path.join(out, p), 'utf8')

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort()
}

interface SectionRecord {
  id: string
  report: string
  kind: string
  title: string
  speakers: unknown[]
  group: string | null
  url: string
  html: string
  related: { section: string }[]
}

describe('building the fixture site', () => {
  it('summarizes what it built, stage by stage', async () => {
    const summary = await build({ contentDir: fixtureContent, outDir: path.join(await tempDir(), 'site') })
    expect(summary.timings.map((t) => t.stage)).toEqual(['load', 'validate', 'parse', 'link', 'autolink', 'index', 'emit', 'write'])
    expect(summary.counts).toMatchObject({ reports: 4, topics: 5, projects: 6, conferences: 3 })
    // Every session kind the fixture marks: talk ×4, keynote, bof, workshop, lightning.
    expect(summary.counts.sessions).toBe(8)
    expect(summary.searchIndex.bytes).toBeGreaterThan(0)
    await removeDir(path.dirname(summary.outDir))
  })

  it('gives every section its own page, and marks session kinds from the attribute syntax', async () => {
    const sections = (await loadData(out)).sections as unknown as SectionRecord[]
    const byId = new Map(sections.map((s) => [s.id, s]))
    for (const s of sections) expect(await read(s.url.replace(/^\//, '') + 'index.html'), s.id).toContain('<h1>')
    expect(byId.get('alpha-2018/hardening-istio-in-production')).toMatchObject({ kind: 'talk', group: 'Day 1', speakers: [{ name: 'Jane Roe' }, { name: 'Sam Poe' }] })
    expect(byId.get('alpha-2018/opening-keynote')!.kind).toBe('keynote')
    expect(byId.get('alpha-2018/operators-in-the-hallway')!.kind).toBe('bof')
    expect(byId.get('beta-2018/build-your-own-mesh')!.kind).toBe('workshop')
    expect(byId.get('gamma-2017/five-minutes-of-conduit')!.kind).toBe('lightning')
    expect(byId.get('alpha-2018/takeaways')!.kind).toBe('note')
    // "Day 1" only groups talks: it is not a record of its own.
    expect(byId.has('alpha-2018/day-1')).toBe(false)
  })

  it('lists the sections that discuss a topic on its page, quoting the mention', async () => {
    const page = await read('topics/gitops/index.html')
    expect(page).toContain('href="../../reports/alpha-2018/takeaways/"')
    expect(page).toContain('href="../../reports/delta-2019/writing-a-custom-controller/"')
    expect(page).toMatch(/<mark>pull request<\/mark>/)
    // The operators on call are people, not the operator pattern.
    expect(page).not.toContain('people-first')
  })

  it('shows both reports of a conference on its page, with their sessions', async () => {
    const page = await read('conferences/meshconf-2018/index.html')
    expect(page).toContain('href="../../reports/alpha-2018/"')
    expect(page).toContain('href="../../reports/beta-2018/"')
    expect(page).toContain('Hardening Istio in production')
    expect(page).not.toContain('href="../../reports/gamma-2017/"')
  })

  it('renders a report with facts, a table of contents and an anchor per section', async () => {
    const page = await read('reports/alpha-2018/index.html')
    for (const slug of ['hardening-istio-in-production', 'opening-keynote', 'operators-in-the-hallway', 'takeaways']) {
      expect(page).toContain(`<section class="report-section" id="${slug}"><h`)
      expect(page).toContain(`<a href="${slug}/">`)
      expect(page).toContain(`<a href="#${slug}">`)
    }
    expect(page).toContain('<nav class="toc" aria-label="On this page">')
    expect(page).toContain('<time datetime="2018-05-14">14 May 2018</time>')
    expect(page).toMatch(/<span class="kind kind-bof">BoF<\/span>/)
  })

  it('tags each section of a report page with what it is about; its own page lists every topic it mentions', async () => {
    const sections = (await loadData(out)).sections as unknown as (SectionRecord & { topics: string[]; focus: string[] })[]
    const chipTopics = (root: Element | undefined) => {
      const ids: string[] = []
      if (root) visit(root, 'element', (el: Element) => {
        if (el.tagName === 'ul' && el.properties.ariaLabel === 'Topics') visit(el, 'element', (a: Element) => {
          if (a.tagName === 'a') ids.push(String(a.properties.href).match(/topics\/([^/]+)\/$/)![1]!)
        })
      })
      return ids
    }
    let passing = 0
    for (const s of sections) {
      const reportPage = fromHtml(await read(`reports/${s.report}/index.html`))
      let block: Element | undefined
      visit(reportPage, 'element', (el: Element) => {
        if (el.tagName === 'section' && el.properties.id === s.id.split('/')[1]) block = el
      })
      expect(block, s.id).toBeDefined()
      expect(chipTopics(block), s.id).toEqual(s.focus)
      const ownPage = fromHtml(await read(s.url.replace(/^\//, '') + 'index.html'))
      let header: Element | undefined
      visit(ownPage, 'element', (el: Element) => {
        if (el.tagName === 'header' && String(el.properties.className).includes('page-header')) header = el
      })
      expect(chipTopics(header), s.id).toEqual(s.topics)
      if (s.topics.some((t) => !s.focus.includes(t))) passing++
    }
    // The fixture has sections that mention a topic only in passing.
    expect(passing).toBeGreaterThan(0)
  })

  it('gives a section page its context, neighbours and related sections from other reports', async () => {
    const page = await read('reports/alpha-2018/hardening-istio-in-production/index.html')
    expect(page).toContain('rel="next"')
    expect(page).toContain('In other reports')
    // Its own report's takeaways share security, and are no neighbour of it.
    expect(page).toMatch(/More in this report<\/h2><ol class="related-list"><li><a href="..\/takeaways\/">Takeaways<\/a>/)
    // Elsewhere a generic title is named with its report, and the sentence that relates it is quoted.
    const other = await read('reports/beta-2018/build-your-own-mesh/index.html')
    expect(other).toContain('Alpha at MeshConf Lisbon › Takeaways')
    expect(other).toMatch(/<blockquote class="mention"><p><mark>Security<\/mark> reviews happen there too\.<\/p><\/blockquote>/)
    // The workshop in the other 2018 report shares service mesh and security.
    expect(page).toContain('href="../../beta-2018/build-your-own-mesh/"')
    expect(page).toContain('href="../../../topics/security/"')
  })

  it('auto-links first mentions with hrefs relative to each page, absolute in the data', async () => {
    const sectionPage = await read('reports/beta-2018/tracing-every-request/index.html')
    expect(sectionPage).toContain('<a href="../../../projects/linkerd/" class="autolink">Linkerd</a>')
    expect(sectionPage.match(/class="autolink"[^>]*>Prometheus</g)).toHaveLength(1)
    expect(sectionPage).not.toContain('data-site-path')
    expect(await read('reports/beta-2018/index.html')).toContain('<a href="../../projects/linkerd/" class="autolink">Linkerd</a>')
    const sections = (await loadData(out)).sections as unknown as SectionRecord[]
    expect(sections.find((x) => x.id === 'beta-2018/tracing-every-request')!.html).toContain('<a href="/projects/linkerd/" class="autolink">Linkerd</a>')
  })

  it('lists every session on the sessions page, and no note; the old talks page points there', async () => {
    const page = await read('sessions/index.html')
    for (const title of ['Hardening Istio in production', 'Opening keynote', 'Operators in the hallway', 'Tracing every request', 'Build your own mesh', 'Five minutes of Conduit', 'Writing a custom controller', 'Linkerd two years later']) expect(page).toContain(title)
    expect(page).not.toContain('What I will try at home')
    expect(page.match(/<li class="session-card">/g)!.length).toBe(8)
    const workshops = await read('sessions/kind/workshop/index.html')
    expect(workshops.match(/<li class="session-card">/g)!.length).toBe(1)
    expect(workshops).toContain('Build your own mesh')
    // The "All" chip counts every session on every list, the filtered ones too.
    for (const list of [page, workshops]) expect(list).toMatch(/>All <span class="count">8</)
    expect((await read('sessions/year/2019/index.html')).match(/<li class="session-card">/g)!.length).toBe(2)
    expect(await read('talks/index.html')).toContain('<meta http-equiv="refresh" content="0; url=../sessions/">')
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
    for (const f of files) expect(await read(f), f).not.toMatch(/(href|src|action)="\/(?!\/)/)
    expect(await read('404.html')).toContain('href="/assets/style.css"')
  })

  it('writes a page for every topic, project and conference, and the indexes', async () => {
    const files = new Set(await listFiles(out))
    const expected = ['index.html', '404.html', 'reports/index.html', 'sessions/index.html', 'talks/index.html', 'topics/index.html', 'projects/index.html', 'conferences/index.html', 'search/index.html', 'assets/style.css', 'assets/site.js', 'feed.xml', 'sitemap.xml']
    for (const id of ['service-mesh', 'security', 'observability', 'gitops', 'operators']) expected.push(`topics/${id}/index.html`)
    for (const id of ['kubernetes', 'istio', 'linkerd', 'conduit', 'prometheus', 'flux']) expected.push(`projects/${id}/index.html`)
    for (const id of ['meshconf-2017', 'meshconf-2018', 'meshconf-2019']) expected.push(`conferences/${id}/index.html`)
    for (const f of expected) expect(files.has(f), f).toBe(true)
  })
})

describe('build guarantees', () => {
  it('gives byte-identical output for the same content', async () => {
    const other = path.join(await tempDir(), 'site')
    await build({ contentDir: fixtureContent, outDir: other, siteUrl: 'https://example.com/' })
    const a = await listFiles(out)
    expect(await listFiles(other)).toEqual(a)
    for (const f of a) expect(await readFile(path.join(other, f)), f).toEqual(await readFile(path.join(out, f)))
    await removeDir(path.dirname(other))
  })

  it('builds again when a public file changes, and keeps the site when nothing did', async () => {
    const dir = await tempDir()
    const pub = path.join(dir, 'public')
    await mkdir(pub)
    await writeFile(path.join(pub, 'robots.txt'), 'User-agent: *\n')
    const options = { contentDir: fixtureContent, outDir: path.join(dir, 'site'), cacheDir: path.join(dir, 'cache'), publicDir: pub }
    expect((await build(options)).upToDate).toBe(false)
    const kept = await build(options)
    expect(kept.upToDate).toBe(true)
    expect(kept.counts.reports).toBe(4)
    await writeFile(path.join(pub, 'robots.txt'), 'User-agent: *\nDisallow: /drafts/\n')
    expect((await build(options)).upToDate).toBe(false)
    expect(await readFile(path.join(dir, 'site/robots.txt'), 'utf8')).toContain('Disallow')
    // Without a cache folder nothing is recorded or compared: every build builds.
    expect((await build({ ...options, cacheDir: undefined })).upToDate).toBe(false)
    expect((await build(options)).upToDate).toBe(false)
    await removeDir(dir)
  })

  it('points links and images to the site root ("/images/…") at the site, from every page and under --base', async () => {
    const content = await makeContent({
      'reports/pics.md': report(minimalFrontMatter, '## Stage photos {.talk}\n\n![The stage](/images/stage.png) and the [slides](/files/slides.pdf?v=2#p3), not [elsewhere](//cdn.example.org/x.png).'),
    })
    const out = path.join(await tempDir(), 'site')
    await build({ contentDir: content, outDir: out, base: '/recap/' })
    const reportPage = await readFile(path.join(out, 'reports/pics/index.html'), 'utf8')
    expect(reportPage).toContain('<img src="../../images/stage.png" alt="The stage">')
    expect(reportPage).toContain('<a href="../../files/slides.pdf?v=2#p3">slides</a>')
    expect(reportPage).toContain('<a href="//cdn.example.org/x.png">elsewhere</a>')
    const sectionPage = await readFile(path.join(out, 'reports/pics/stage-photos/index.html'), 'utf8')
    expect(sectionPage).toContain('<img src="../../../images/stage.png" alt="The stage">')
    const record = ((await loadData(out)).sections as unknown as SectionRecord[]).find((s) => s.id === 'pics/stage-photos')!
    expect(record.html).toContain('<img src="/recap/images/stage.png" alt="The stage">')
    expect(record.html).not.toContain('data-site-path')
    await removeDir(path.dirname(out))
    await removeDir(content)
  })

  it("counts each speaker's sessions on the topic or project, not all their sessions, under who spoke about it", async () => {
    const content = await makeContent({
      'reports/counts.md': report(
        minimalFrontMatter,
        [
          '## Mesh one {.talk speakers="Ada Quill"}\n\nAbout the service mesh and Istio.',
          '## Mesh two {.talk speakers="Ada Quill"}\n\nThe service mesh again.',
          '## Secrets {.talk speakers="Ada Quill"}\n\nAll about security.',
          '## Locks {.talk speakers="Bo Reyes"}\n\nSecurity and mutual TLS, with Istio.',
        ].join('\n\n'),
      ),
    })
    const site = path.join(await tempDir(), 'site')
    await build({ contentDir: content, outDir: site })
    const people = async (page: string) => {
      const html = await readFile(path.join(site, page), 'utf8')
      const list = html.match(/<ul class="people-list"[^>]*>([\s\S]*?)<\/ul>/)![1]!
      return [...list.matchAll(/<a class="person"[^>]*>([^<]+)<\/a> <span class="meta">\(([^)]+)\)/g)].map((m) => `${m[1]} ${m[2]}`)
    }
    expect(await people('topics/service-mesh/index.html')).toEqual(['Ada Quill 2 sessions'])
    expect(await people('topics/security/index.html')).toEqual(['Ada Quill 1 session', 'Bo Reyes 1 session'])
    expect(await people('projects/istio/index.html')).toEqual(['Ada Quill 1 session', 'Bo Reyes 1 session'])
    await removeDir(path.dirname(site))
    await removeDir(content)
  })

  it("lists a topic's projects that reports name, with their counts, and names the others without a link", async () => {
    const content = await makeContent({
      'reports/mesh.md': report(minimalFrontMatter, '## Mesh {.talk}\n\nA service mesh with Istio.\n\n## More mesh {.talk}\n\nIstio and Linkerd side by side.'),
    })
    const site = path.join(await tempDir(), 'site')
    await build({ contentDir: content, outDir: site })
    const html = await readFile(path.join(site, 'topics/service-mesh/index.html'), 'utf8')
    const section = html.match(/<h2 id="projects-title">Projects<\/h2>([\s\S]*?)<\/section>/)![1]!
    const chips = [...section.matchAll(/<a class="chip" href="([^"]+)">([^<]+) <span class="count">(\d+)/g)].map((m) => `${m[2]} ${m[3]} ${m[1]}`)
    expect(chips).toEqual(['Istio 2 ../../projects/istio/', 'Linkerd 1 ../../projects/linkerd/'])
    expect(section).toContain('Not named in any report yet: Conduit.')
    expect(section).not.toContain('projects/conduit/')
    await removeDir(path.dirname(site))
    await removeDir(content)
  })

  it('says on a project page in which years reports named it, and in which none did', async () => {
    const content = await makeContent({
      'reports/named.md': report('title: Named\nconference: meshconf-2018\nsummary: One.', '## Mesh {.talk}\n\nWe ran Istio.'),
      'reports/silent.md': report('title: Silent\nconference: meshconf-2019\nsummary: Two.', '## Other {.talk}\n\nNothing about that project.'),
    })
    const site = path.join(await tempDir(), 'site')
    await build({ contentDir: content, outDir: site })
    const html = await readFile(path.join(site, 'projects/istio/index.html'), 'utf8')
    expect(html).toContain('<p class="lead where-and-when">Discussed in 2018 by 1 of 1 reporter; no 2019 report mentions it.</p>')
    // Its trend, year by year: named, never "about it" (sections are about topics).
    const table = html.match(/<table class="trend-table">([\s\S]*?)<\/table>/)![1]!
    expect([...table.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1])).toEqual(['Conference', 'Mentioning it', 'Share'])
    expect(table).toContain('1 of 1 section, 1 of 1 report')
    expect(html).toMatch(/<svg[^>]*class="chart/)
    expect(html).not.toContain('about it')
    const focusBars = html.match(/<rect class="bar-focus"[^>]*>/g) ?? []
    for (const bar of focusBars) expect(bar).toMatch(/ (height|width)="0"/)
    expect(await readFile(path.join(site, 'projects/linkerd/index.html'), 'utf8')).toContain('<p class="lead where-and-when">No report mentions it yet.</p>')
    await removeDir(path.dirname(site))
    await removeDir(content)
  })

  it('takes links to "#a-heading" of the report to it from every page, and gives a group heading the id a reader would write', async () => {
    const body = [
      '## Day 1',
      '### First talk {.talk}',
      'See [day one](#day-1), [the second talk](#second-talk) and a note[^1].',
      '[^1]: The note.',
      '### Second talk {.talk}',
      'Back to [the first](#first-talk).',
    ].join('\n\n')
    const content = await makeContent({ 'reports/days.md': report(minimalFrontMatter, body) })
    const site = path.join(await tempDir(), 'site')
    await build({ contentDir: content, outDir: site, base: '/b/' })
    const reportPage = await readFile(path.join(site, 'reports/days/index.html'), 'utf8')
    expect(reportPage).toMatch(/<h2 class="group-heading" id="day-1">/)
    // "On this page" leads to the group as to its talks.
    expect(reportPage).toMatch(/<li><a href="#day-1">Day 1<\/a><ol><li><a href="#first-talk">/)
    expect(reportPage).toContain('<a href="#day-1">day one</a>')
    expect(reportPage).toContain('<a href="#second-talk">the second talk</a>')
    const sectionPage = await readFile(path.join(site, 'reports/days/first-talk/index.html'), 'utf8')
    expect(sectionPage).toContain('<a href="../#day-1">day one</a>')
    expect(sectionPage).toContain('<a href="../#second-talk">the second talk</a>')
    // A footnote stays on the page that shows it, and its link finds it.
    const ref = sectionPage.match(/<a href="#([^"]*)"[^>]*data-footnote-ref/)![1]!
    expect(sectionPage).toContain(`<li id="${ref}">`)
    const back = sectionPage.match(/<a href="#([^"]*)"[^>]*data-footnote-backref/)![1]!
    expect(sectionPage).toMatch(new RegExp(`<a href="#${ref}" id="${back}"`))
    const record = ((await loadData(site)).sections as unknown as SectionRecord[]).find((s) => s.id === 'days/second-talk')!
    expect(record.html).toContain('<a href="/b/reports/days/#first-talk">the first</a>')
    await removeDir(path.dirname(site))
    await removeDir(content)
  })

  it('offers on the search page only the kinds of section the reports have', async () => {
    const options = async (body: string) => {
      const content = await makeContent({ 'reports/kinds.md': report(minimalFrontMatter, body) })
      const site = path.join(await tempDir(), 'site')
      await build({ contentDir: content, outDir: site })
      const html = await readFile(path.join(site, 'search/index.html'), 'utf8')
      const select = html.match(/<select id="filter-kind"[^>]*>([\s\S]*?)<\/select>/)![1]!
      await removeDir(path.dirname(site))
      await removeDir(content)
      return [...select.matchAll(/<option value="([^"]*)">/g)].map((m) => m[1])
    }
    expect(await options('## A {.talk}\n\nText.\n\n## B {.keynote}\n\nText.\n\n## Notes\n\nText.')).toEqual(['', 'sessions', 'notes', 'talk', 'keynote'])
    // One kind of session: "Sessions" says it all.
    expect(await options('## A {.talk}\n\nText.\n\n## B {.talk}\n\nText.')).toEqual(['', 'sessions'])
  })

  it('writes absolute links under --base on the 404 page and in the data', async () => {
    const other = path.join(await tempDir(), 'site')
    await build({ contentDir: fixtureContent, outDir: other, base: 'recap' })
    expect(await readFile(path.join(other, '404.html'), 'utf8')).toContain('href="/recap/topics/"')
    const topics = (await loadData(other)).topics as unknown as { url: string }[]
    expect(topics[0]!.url).toMatch(/^\/recap\/topics\//)
    await removeDir(path.dirname(other))
  })

  it('keeps untrusted markup out of pages', async () => {
    const content = await makeContent({
      'reports/hostile.md': report(
        `title: "<script>alert('title')</script>"\nconference: meshconf-2019\nsummary: "<img src=x onerror=alert(1)>"\nauthor: "Eve <b>bold</b>"`,
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
        if (el.tagName === 'script' && !(/assets\/[a-z0-9-]+\.js$/.test(String(el.properties.src)) && el.children.length === 0)) problems.push('script')
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
    const s = await build({ contentDir: content, outDir: path.join(content, 'out') })
    expect(s.counts).toMatchObject({ reports: 1, sections: 1, sessions: 0 })
    await removeDir(content)
  })
})
