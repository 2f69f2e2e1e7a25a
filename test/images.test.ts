/**
 * Images and links to files in reports: a relative path is the file beside the report, copied
 * into the site and reachable from every page that shows it and from the data files; a path
 * from the root is in public/. A missing file is a warning naming the report and the line,
 * from `check`, `build` and `dev`; nothing leads out of the content folder or public/.
 */
import { existsSync } from 'node:fs'
import { appendFile, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { dev } from '../src/dev.ts'
import { ParseCache } from '../src/parse/cache.ts'
import { readSite } from '../src/pipeline.ts'
import type { Problem } from '../src/problems.ts'
import { makeContent, minimalFrontMatter, report, runCli, tempDir } from './helpers.ts'
import { png } from './png.ts'

/** The line of a report file on which `text` first appears. */
function lineOf(fileText: string, text: string): number {
  return fileText.split('\n').findIndex((l) => l.includes(text)) + 1
}

const body = [
  '## Stage photos {.talk}',
  '',
  'The keynote stage: ![The stage](img/stage.png)',
  '',
  'The [slides](files/slides.pdf#page=2) as a PDF.',
].join('\n')

/** `src` of every `<img>` (and `href` of every link to a PDF) on a page, as written. */
function urls(html: string): string[] {
  return [...html.matchAll(/<img src="([^"]*)"|<a href="([^"]*\.pdf[^"]*)"/g)].map((m) => (m[1] ?? m[2])!.replace(/&#x26;/g, '&'))
}

describe('an image beside the report', () => {
  it('is copied into the site, and its src leads to that file from the report page, the section page and the data files', async () => {
    const stage = png(40, 20, [200, 40, 40])
    const content = await makeContent({ 'reports/pics.md': report(minimalFrontMatter, body) })
    await mkdir(path.join(content, 'reports/img'))
    await mkdir(path.join(content, 'reports/files'))
    await writeFile(path.join(content, 'reports/img/stage.png'), stage)
    await writeFile(path.join(content, 'reports/files/slides.pdf'), '%PDF-1.4 test\n')
    const out = path.join(await tempDir(), 'site')
    const summary = await build({ contentDir: content, outDir: out, base: '/recap/' })
    expect(summary.warnings.filter((w) => w.file.endsWith('pics.md'))).toEqual([])

    // Resolved against each page's own URL, as a browser does, both lead to the one copy.
    const site = 'https://example.org/recap/'
    const pages = ['reports/pics/', 'reports/pics/stage-photos/']
    for (const page of pages) {
      const found = urls(await readFile(path.join(out, page, 'index.html'), 'utf8')).map((u) => new URL(u, site + page).href)
      expect(found, page).toEqual([site + 'reports/img/stage.png', site + 'reports/files/slides.pdf#page=2'])
    }
    const sections = JSON.parse(await readFile(path.join(out, 'data/sections/meshconf-2019.json'), 'utf8')) as { id: string; html: string }[]
    const html = sections.find((s) => s.id === 'pics/stage-photos')!.html
    expect(urls(html).map((u) => new URL(u, site).href)).toEqual([site + 'reports/img/stage.png', site + 'reports/files/slides.pdf#page=2'])
    expect(html).not.toContain('data-site-path')

    expect((await readFile(path.join(out, 'reports/img/stage.png'))).equals(stage)).toBe(true)
    expect(await readFile(path.join(out, 'reports/files/slides.pdf'), 'utf8')).toBe('%PDF-1.4 test\n')
    // Only what a report points at: nothing else of the content folder.
    const copied = (await readdir(path.join(out, 'reports'), { recursive: true })).filter((f) => !f.endsWith('.html') && !(f.split(path.sep).at(-1) ?? '').match(/^[a-z0-9-]+$/))
    expect(copied.sort()).toEqual(['files/slides.pdf', 'img/stage.png'].map((f) => f.split('/').join(path.sep)))
    expect(existsSync(path.join(out, 'reports/pics.md'))).toBe(false)
  }, 60_000)

  it('gives the same site, byte for byte, on a second build', async () => {
    const content = await makeContent({ 'reports/pics.md': report(minimalFrontMatter, body) })
    await mkdir(path.join(content, 'reports/img'))
    await writeFile(path.join(content, 'reports/img/stage.png'), png(4, 4, [0, 0, 255]))
    const [a, b] = [path.join(await tempDir(), 'a'), path.join(await tempDir(), 'b')]
    await build({ contentDir: content, outDir: a })
    await build({ contentDir: content, outDir: b })
    const files = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()
    const names = await files(a)
    expect(names).toContain(path.join('reports', 'img', 'stage.png'))
    expect(await files(b)).toEqual(names)
    for (const f of names) expect((await readFile(path.join(a, f))).equals(await readFile(path.join(b, f))), f).toBe(true)
  }, 60_000)
})

describe('a srcset', () => {
  it('has each candidate resolved as src is, on an image and a picture\'s sources, from every page and under --base; a missing one is warned of', async () => {
    const text = report(
      minimalFrontMatter,
      [
        '## Stage photos {.talk}',
        '',
        'The keynote stage, sharp on every screen:',
        '',
        '<img src="img/a.png" srcset="img/a.png 1x, img/a@2x.png 2x, https://cdn.example.org/a.png 3x, javascript:alert(1) 4x" sizes="50vw" alt="raw">',
        '',
        '<img src="img/lost.png" srcset="img/lost.png 1x, img/a.png 2x" alt="">',
        '',
        '<picture>',
        '  <source srcset="img/a@2x.png 2x, img/gone.png 3x" media="(min-width: 800px)" type="image/png">',
        '  <source srcset="/images/b.png, /images/b@2x.png 2x">',
        '  <img src="/images/b.png" alt="pic">',
        '</picture>',
      ].join('\n'),
    )
    const content = await makeContent({ 'reports/pics.md': text })
    await mkdir(path.join(content, 'reports/img'))
    await writeFile(path.join(content, 'reports/img/a.png'), png(4, 4, [200, 0, 0]))
    await writeFile(path.join(content, 'reports/img/a@2x.png'), png(8, 8, [200, 0, 0]))
    const work = await tempDir()
    const pub = path.join(work, 'public')
    await mkdir(path.join(pub, 'images'), { recursive: true })
    await writeFile(path.join(pub, 'images/b.png'), png(4, 4, [0, 200, 0]))
    const out = path.join(work, 'site')
    // A base with a space: a srcset URL must carry it encoded, or the candidate splits.
    const summary = await build({ contentDir: content, outDir: out, base: '/my recap/', publicDir: pub })

    // A warning for each missing file, with its line: once for lost.png, named by both src and srcset.
    const mine = summary.warnings.filter((w) => w.file.endsWith('pics.md'))
    // The column is the element's, as for a src.
    expect(mine.map((w) => [w.code, w.line, w.column, w.message])).toEqual([
      ['missingReference', lineOf(text, 'img/lost.png'), 1, expect.stringContaining('"img/lost.png"')],
      ['missingReference', lineOf(text, 'img/gone.png'), 3, expect.stringContaining('"img/gone.png"')],
      ['missingReference', lineOf(text, '/images/b@2x.png'), 3, expect.stringContaining('"/images/b@2x.png"')],
    ])

    const site = 'https://example.org/my recap/'
    const srcsets = (html: string, base: string) =>
      [...html.matchAll(/srcset="([^"]*)"/g)].map((m) => m[1]!.split(', ').map((c) => { const [u, d] = c.split(' '); return [decodeURIComponent(new URL(u!, base).href), d ?? ''] }))
    const expected = [
      [[site + 'reports/img/a.png', '1x'], [site + 'reports/img/a@2x.png', '2x'], ['https://cdn.example.org/a.png', '3x']],
      [[site + 'reports/img/lost.png', '1x'], [site + 'reports/img/a.png', '2x']],
      [[site + 'reports/img/a@2x.png', '2x'], [site + 'reports/img/gone.png', '3x']],
      [[site + 'images/b.png', ''], [site + 'images/b@2x.png', '2x']],
    ]
    for (const page of ['reports/pics/', 'reports/pics/stage-photos/']) {
      const html = await readFile(path.join(out, page, 'index.html'), 'utf8')
      expect(srcsets(html, site + page), page).toEqual(expected)
      expect(html, page).toContain('sizes="50vw"')
      expect(html, page).toContain('type="image/png"')
      expect(html, page).not.toContain('javascript:')
      expect(html, page).not.toContain('data-site-srcset')
    }
    const sections = JSON.parse(await readFile(path.join(out, 'data/sections/meshconf-2019.json'), 'utf8')) as { id: string; html: string }[]
    expect(srcsets(sections.find((s) => s.id === 'pics/stage-photos')!.html, site)).toEqual(expected)
    // The candidates beside the report are copied, as a src is.
    expect((await readFile(path.join(out, 'reports/img/a@2x.png'))).equals(png(8, 8, [200, 0, 0]))).toBe(true)
  }, 60_000)
})

describe('a missing image', () => {
  const text = report(
    minimalFrontMatter,
    ['## Stage photos {.talk}', '', 'From the root: ![gone](/images/gone.png)', '', 'Beside the report: <img src="img/missing.png" alt="">', '', 'Fine: ![there](/images/there.png) and ![web](https://example.org/x.png)'].join('\n'),
  )

  it('is a warning with the report file, its line and where to put it; check prints it and exits 0', async () => {
    const content = await makeContent({ 'reports/pics.md': text })
    const pub = path.join(await tempDir(), 'public')
    await mkdir(path.join(pub, 'images'), { recursive: true })
    await writeFile(path.join(pub, 'images/there.png'), png(2, 2, [0, 0, 0]))
    const { warnings } = await readSite(content, undefined, undefined, { publicDir: pub })
    const mine = warnings.filter((w) => w.file.endsWith('reports/pics.md'))
    expect(mine.map((w) => [w.code, w.line, w.severity])).toEqual([
      ['missingReference', lineOf(text, '/images/gone.png'), 'warning'],
      ['missingReference', lineOf(text, 'img/missing.png'), 'warning'],
    ])
    expect(mine[0]!.message).toContain('"/images/gone.png"')
    expect(mine[0]!.hint).toMatch(new RegExp(`^Put the file at ${path.join(pub, 'images/gone.png').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} or fix the path`))
    expect(mine[1]!.hint).toMatch(/^Put the file at .*reports\/img\/missing\.png or fix the path/)

    // The CLI checks against Recap's own public/, where neither image is.
    const checked = await runCli(['check', '--content', '.'], content)
    expect(checked.code).toBe(0)
    expect(checked.stdout).toContain(`reports/pics.md:${lineOf(text, '/images/gone.png')}:`)
    expect(checked.stdout).toMatch(/reports\/pics\.md:\d+:\d+ {2}warning: image "\/images\/gone\.png" not found: .*public\/images\/gone\.png does not exist {2}Put the file at .*public\/images\/gone\.png or fix the path/)
    expect(checked.stdout).toContain(`reports/pics.md:${lineOf(text, 'img/missing.png')}:`)
    expect(checked.stdout).toContain('Put the file at reports/img/missing.png or fix the path (it is relative to the report file).')

    // The build still succeeds, and says there are warnings.
    const built = await runCli(['build', '--content', '.', '--out', path.join(await tempDir(), 'site'), '--no-cache'], content)
    expect(built.code).toBe(0)
    expect(built.stdout).toMatch(/\d+ warnings?: run "npm run check"/)
  }, 60_000)

  it('is found as soon as it is put in place: the check is never cached with the parse', async () => {
    const content = await makeContent({ 'reports/pics.md': text })
    const work = await tempDir()
    const pub = path.join(work, 'public')
    await mkdir(path.join(pub, 'images'), { recursive: true })
    const options = { contentDir: content, outDir: path.join(work, 'site'), cacheDir: path.join(work, 'cache'), publicDir: pub }
    const codes = async () => (await build(options)).warnings.filter((w) => w.file.endsWith('pics.md')).map((w) => w.message)
    expect(await codes()).toHaveLength(3)
    await writeFile(path.join(pub, 'images/gone.png'), png(2, 2, [0, 0, 0]))
    await writeFile(path.join(pub, 'images/there.png'), png(2, 2, [0, 0, 0]))
    await mkdir(path.join(content, 'reports/img'))
    await writeFile(path.join(content, 'reports/img/missing.png'), png(2, 2, [0, 0, 0]))
    expect(await codes()).toEqual([])
    expect(existsSync(path.join(work, 'site/reports/img/missing.png'))).toBe(true)
  }, 60_000)
})

describe('a link to another report\'s Markdown file', () => {
  it('leads to that report\'s page from every page, and is a warning when there is no such report', async () => {
    const text = report(minimalFrontMatter, '## Notes {.talk}\n\nSee [the other report](other.md#the-hall) and [a gone one](gone.md).')
    const content = await makeContent({ 'reports/pics.md': text, 'reports/2019/other.md': report(minimalFrontMatter, '## The hall\n\nBig.') })
    const out = path.join(await tempDir(), 'site')
    const summary = await build({ contentDir: content, outDir: out })
    const site = 'https://example.org/'
    for (const page of ['reports/pics/', 'reports/pics/notes/']) {
      const hrefs = [...(await readFile(path.join(out, page, 'index.html'), 'utf8')).matchAll(/<a href="([^"]*)">(?:the other report|a gone one)</g)].map((m) => new URL(m[1]!, site + page).href)
      expect(hrefs, page).toEqual([site + 'reports/other/#the-hall', site + 'reports/gone/'])
    }
    expect(await readFile(path.join(out, 'reports/other/index.html'), 'utf8')).toContain('id="the-hall"')
    const mine = summary.warnings.filter((w) => w.file.endsWith('pics.md'))
    expect(mine.map((w) => [w.code, w.line, w.message])).toEqual([['missingReference', lineOf(text, 'gone.md'), expect.stringContaining('link to "gone.md" not found')]])
  }, 60_000)
})

describe('the parse cache', () => {
  it('keeps what a report points at: a report read from the cache on disk is checked as a fresh parse is', async () => {
    const text = report(minimalFrontMatter, '## Photos {.talk}\n\n![gone](/images/gone.png) ![beside](img/beside.png)')
    const content = await makeContent({ 'reports/pics.md': text })
    await mkdir(path.join(content, 'reports/img'))
    await writeFile(path.join(content, 'reports/img/beside.png'), png(2, 2, [0, 0, 0]))
    const cacheDir = await tempDir()
    const publicDir = await tempDir()
    const fresh = await readSite(content, undefined, new ParseCache(cacheDir), { publicDir })
    // A new cache object over the same folder: the report comes from entries.log.
    const cached = await readSite(content, undefined, new ParseCache(cacheDir), { publicDir })
    expect([fresh.parsed, cached.parsed]).toEqual([{ fresh: 1, cached: 0 }, { fresh: 0, cached: 1 }])
    const mine = (warnings: Problem[]) => warnings.filter((w) => w.file.endsWith('pics.md'))
    expect(mine(fresh.warnings)).toHaveLength(1)
    expect(mine(cached.warnings)).toEqual(mine(fresh.warnings))
    expect(cached.files).toEqual(fresh.files)
    expect(cached.files.map((f) => f.path)).toEqual(['reports/img/beside.png'])
  })
})

describe('a path out of the content folder', () => {
  it('is neither followed nor copied, and is warned of: "../../" and a symbolic link alike', async () => {
    const text = report(minimalFrontMatter, '## Photos {.talk}\n\n![up](../../secret.png)\n\n![linked](img/linked.png)\n\n![notes](img/notes.png)\n\n![through a folder](../outer/secret.png)')
    // The content folder sits in `parent`, beside the file the report tries to reach.
    const parent = await tempDir()
    const content = path.join(parent, 'content')
    await cp(await makeContent({ 'reports/pics.md': text }), content, { recursive: true })
    await writeFile(path.join(parent, 'secret.png'), 'SECRET-BYTES')
    await mkdir(path.join(content, 'reports/img'))
    await symlink(path.join(parent, 'secret.png'), path.join(content, 'reports/img/linked.png'))
    // A link inside the folder whose name says image, to a data file.
    await symlink(path.join(content, 'topics.yml'), path.join(content, 'reports/img/notes.png'))
    // A folder inside that is a link to the folder outside (not in reports/, where it is an error).
    await symlink(parent, path.join(content, 'outer'))

    const out = path.join(parent, 'site')
    const summary = await build({ contentDir: content, outDir: out })
    const mine = summary.warnings.filter((w) => w.file.endsWith('pics.md'))
    expect(mine.map((w) => [w.code, w.line])).toEqual([
      ['referenceOutside', lineOf(text, '../../secret.png')],
      ['referenceOutside', lineOf(text, 'img/linked.png')],
      ['referenceNotCopied', lineOf(text, 'img/notes.png')],
      ['referenceOutside', lineOf(text, '../outer/secret.png')],
    ])
    expect(mine[0]!.message).toBe('image "../../secret.png" climbs out of the content folder; it is not copied into the site')
    expect(mine[1]!.message).toBe('image "img/linked.png" leads through a symbolic link out of the content folder; it is not copied into the site')
    expect(mine[2]!.message).toContain('a .yml file')
    const all = await readdir(out, { recursive: true })
    expect(all.filter((f) => f.endsWith('.png') || f.includes('secret'))).toEqual([])
    for (const f of all.filter((f) => f.endsWith('.html'))) expect(await readFile(path.join(out, f), 'utf8'), f).not.toContain('SECRET-BYTES')
  }, 60_000)
})

describe('recap dev', () => {
  let stop: (() => Promise<void>) | undefined
  afterEach(async () => {
    await stop?.()
    stop = undefined
  })

  it('serves the copied image, prints the warning for a missing one, and sees the file put in public/', async () => {
    const stage = png(8, 8, [0, 128, 0])
    const content = await makeContent({ 'reports/pics.md': report(minimalFrontMatter, '## Photos {.talk}\n\n![stage](img/stage.png) ![gone](/images/gone.png)') })
    await mkdir(path.join(content, 'reports/img'))
    await writeFile(path.join(content, 'reports/img/stage.png'), stage)
    const work = await tempDir()
    const pub = path.join(work, 'public')
    await mkdir(path.join(pub, 'images'), { recursive: true })
    const log: string[] = []
    const server = await dev({ contentDir: content, outDir: path.join(work, 'site'), cacheDir: path.join(work, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [], publicDir: pub, log: (l) => log.push(l) })
    stop = server.close
    const port = (server.server.address() as AddressInfo).port
    const until = async (what: string, ok: () => boolean) => {
      for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 100))
      if (!ok()) throw new Error(`timed out waiting for ${what}; log:\n${log.join('\n')}`)
    }

    const warning = (l: string) => l.includes('warning: image "/images/gone.png" not found')
    expect(log.some(warning)).toBe(true)
    const page = await fetch(`http://127.0.0.1:${port}/reports/pics/photos/`).then((r) => r.text())
    const src = /<img src="([^"]*stage\.png)"/.exec(page)![1]!
    const image = await fetch(new URL(src, `http://127.0.0.1:${port}/reports/pics/photos/`))
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer()).equals(stage)).toBe(true)

    // The file put in public/: the next rebuild finds it. Removed again: the warning is back.
    const rebuilt = () => log.filter((l) => l.startsWith('Rebuilt after') && l.includes('gone.png')).length
    await writeFile(path.join(pub, 'images/gone.png'), png(2, 2, [0, 0, 0]))
    await until('a rebuild after public/ changed', () => rebuilt() === 1)
    const warned = log.filter(warning).length
    await rm(path.join(pub, 'images/gone.png'))
    await until('a second rebuild', () => rebuilt() === 2)
    expect(log.filter(warning).length).toBe(warned + 1)
  }, 60_000)

  it('says there are warnings after a code change, when builds run in a fresh process with the same --public and --base', async () => {
    const content = await makeContent({ 'reports/pics.md': report(minimalFrontMatter, '## Photos {.talk}\n\n![gone](img/gone.png) ![room](/images/room.png)') })
    const work = await tempDir()
    const code = path.join(work, 'code')
    await mkdir(code)
    const pub = path.join(work, 'public')
    await mkdir(path.join(pub, 'images'), { recursive: true })
    await writeFile(path.join(pub, 'images/room.png'), png(2, 2, [0, 0, 0]))
    const log: string[] = []
    const server = await dev({ contentDir: content, outDir: path.join(work, 'site'), cacheDir: path.join(work, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [code], publicDir: pub, base: '/sub/', log: (l) => log.push(l) })
    stop = server.close
    await writeFile(path.join(code, 'layout.ts'), '// edited\n')
    for (let i = 0; i < 900 && !log.some((l) => l.endsWith('pages and the search index written.')); i++) await new Promise((r) => setTimeout(r, 100))
    const at = log.findIndex((l) => l.endsWith('pages and the search index written.'))
    expect(at, log.join('\n')).toBeGreaterThan(0)
    // As many as check gives with this --public, where /images/room.png is found.
    const { warnings } = await readSite(content, undefined, undefined, { publicDir: pub })
    expect(warnings.map((w) => w.message).join('\n')).not.toContain('room.png')
    expect(log[at - 1]).toBe(`${warnings.length} warnings (the build goes on; "npm run check" lists them)`)
    const origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`
    expect((await fetch(`${origin}/sub/images/room.png`)).status).toBe(200)
    expect((await fetch(`${origin}/sub/reports/pics/`)).status).toBe(200)
    expect((await fetch(`${origin}/`, { redirect: 'manual' })).headers.get('location')).toBe('/sub/')
    expect(await (await fetch(`${origin}/sub/no-such-page/`)).text()).toContain('href="/sub/assets/style.css"')
  }, 120_000)
})

describe('a site of its own with --public', () => {
  it('serves that folder from the site root: build copies it, check and build find its images, a missing one is one line', async () => {
    const content = await makeContent({ 'reports/own.md': report(minimalFrontMatter, '## Talk {.talk}\n\nThe room: ![Room](/images/room.png)') })
    const dir = await tempDir()
    const own = path.join(dir, 'my-public')
    await mkdir(path.join(own, 'images'), { recursive: true })
    await writeFile(path.join(own, 'images/room.png'), png(8, 8, [10, 20, 30]))
    const out = path.join(dir, 'site')

    const checked = await runCli(['check', '--content', content, '--public', own], dir)
    expect(checked.code).toBe(0)
    expect(checked.stdout).not.toContain('/images/room.png')
    // Recap's own public/ has no such image.
    expect((await runCli(['check', '--content', content], dir)).stdout).toContain('image "/images/room.png" not found')

    const warnings = (stdout: string) => Number(stdout.match(/(\d+) warnings?: run/)?.[1] ?? 0)
    const without = await runCli(['build', '--content', content, '--out', out, '--no-cache'], dir)
    const built = await runCli(['build', '--content', content, '--out', out, '--public', own, '--no-cache'], dir)
    expect(built.code).toBe(0)
    expect(warnings(built.stdout)).toBe(warnings(without.stdout) - 1)
    expect(existsSync(path.join(out, 'images/room.png'))).toBe(true)
    expect(await readFile(path.join(out, 'reports/own/talk/index.html'), 'utf8')).toContain('<img src="../../../images/room.png" alt="Room">')

    const missing = await runCli(['build', '--content', content, '--out', out, '--public', path.join(dir, 'nope'), '--no-cache'], dir)
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toEqual([`public folder ${path.join(dir, 'nope')} does not exist: create it, or leave out --public to use Recap's own.`])
  })
})

describe('a file of public/ at a path the site already has', () => {
  it('beside a report: the site carries the report\'s file, and the warning names both and where the report points at it', async () => {
    const text = report(minimalFrontMatter, '## Photos {.talk}\n\nThe stage: ![stage](img/stage.png) and the hall: ![hall](img/hall.png)')
    const content = await makeContent({ 'reports/pics.md': text })
    await mkdir(path.join(content, 'reports/img'))
    await writeFile(path.join(content, 'reports/img/stage.png'), png(4, 4, [200, 0, 0]))
    await writeFile(path.join(content, 'reports/img/hall.png'), png(4, 4, [0, 200, 0]))
    const dir = await tempDir()
    const pub = path.join(dir, 'public')
    await mkdir(path.join(pub, 'reports/img/hall.png'), { recursive: true })
    await writeFile(path.join(pub, 'reports/img/stage.png'), png(2, 2, [0, 0, 200]))
    await writeFile(path.join(pub, 'reports/img/hall.png/x.txt'), 'a folder of public/ in the way')

    const checked = await runCli(['check', '--content', content, '--public', pub], dir)
    expect(checked.code).toBe(0)
    const lines = checked.stdout.split('\n').filter((l) => l.includes('in the site, where'))
    const stage = path.join(content, 'reports/img/stage.png')
    expect(lines).toEqual([
      `${path.join(content, 'reports/pics.md')}:${lineOf(text, 'img/stage.png')}:12  warning: image "img/stage.png" (${stage}) is copied to reports/img/stage.png in the site, where public/reports/img/stage.png is too: the site carries ${stage}, and public/reports/img/stage.png is left out  Rename or move one of the two: a file beside a report is copied to its path in the content folder, and public/ to the site's root.`,
      expect.stringContaining(`warning: image "img/hall.png" (${path.join(content, 'reports/img/hall.png')}) would be copied to reports/img/hall.png in the site, where public/reports/img/hall.png is a folder; it is not copied`),
    ])

    const out = path.join(dir, 'site')
    const summary = await build({ contentDir: content, outDir: out, publicDir: pub, cacheDir: path.join(dir, 'cache') })
    expect(summary.warnings.filter((w) => w.code === 'referenceAtPublicPath')).toHaveLength(2)
    expect((await readFile(path.join(out, 'reports/img/stage.png'))).equals(png(4, 4, [200, 0, 0]))).toBe(true)
    expect(await readFile(path.join(out, 'reports/img/hall.png/x.txt'), 'utf8')).toBe('a folder of public/ in the way')
  }, 60_000)

  it('where Recap writes a page, data file or asset: build and dev refuse it, naming the file and what to do, and the site is left as it was', async () => {
    const content = await makeContent({}, true)
    const dir = await tempDir()
    const pub = path.join(dir, 'public')
    await mkdir(path.join(pub, 'reports'), { recursive: true })
    await writeFile(path.join(pub, 'robots.txt'), 'User-agent: *\n')
    const out = path.join(dir, 'site')
    const args = ['build', '--content', content, '--out', out, '--public', pub, '--no-cache']
    expect((await runCli(args, dir)).code).toBe(0)
    const before = await readFile(path.join(out, 'reports/index.html'), 'utf8')

    await writeFile(path.join(pub, 'reports/index.html'), '<p>my own list</p>')
    await mkdir(path.join(pub, 'data'))
    await writeFile(path.join(pub, 'data/index.json'), '{}')
    const refused = await runCli(args, dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toBe(
      'recap: public/data/index.json is at data/index.json in the site, where Recap writes its own data file; public/reports/index.html is at reports/index.html in the site, where Recap writes its own page. ' +
        `The site cannot carry both: rename or remove them in public/ (Recap writes its pages, data/ and its assets at these paths). Nothing at --out ${out} was replaced.`,
    )
    expect(await readFile(path.join(out, 'reports/index.html'), 'utf8')).toBe(before)

    // dev says the same, and serves again once the file is gone.
    const log: string[] = []
    const server = await dev({ contentDir: content, outDir: path.join(dir, 'dev-out'), cacheDir: path.join(dir, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [], publicDir: pub, log: (l) => log.push(l) })
    try {
      expect(log.join('\n')).toContain('public/reports/index.html is at reports/index.html in the site, where Recap writes its own page')
      expect(log.join('\n')).toContain('public/data/index.json is at data/index.json in the site')
      await rm(path.join(pub, 'reports/index.html'))
      await rm(path.join(pub, 'data'), { recursive: true })
      for (let i = 0; i < 300 && !log.at(-1)!.startsWith('Rebuilt after'); i++) await new Promise((r) => setTimeout(r, 100))
      expect(log.at(-1)).toMatch(/^Rebuilt after/)
      const port = (server.server.address() as AddressInfo).port
      expect(await (await fetch(`http://127.0.0.1:${port}/reports/`)).text()).toContain('Gamma in Oslo')
    } finally {
      await server.close()
    }
    // A file of public/ at a path of its own is copied as before.
    expect((await runCli(args, dir)).code).toBe(0)
    expect(await readFile(path.join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\n')
  }, 60_000)

  it('in dev, a clash met on a rebuild keeps serving the last good site, as it says', async () => {
    const content = await makeContent({}, true)
    const dir = await tempDir()
    const pub = path.join(dir, 'public')
    await mkdir(path.join(pub, 'reports'), { recursive: true })
    const log: string[] = []
    const server = await dev({ contentDir: content, outDir: path.join(dir, 'dev-out'), cacheDir: path.join(dir, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [], publicDir: pub, log: (l) => log.push(l) })
    const waitFor = async (start: string) => {
      for (let i = 0; i < 300 && !log.at(-1)!.startsWith(start); i++) await new Promise((r) => setTimeout(r, 100))
      expect(log.at(-1)).toMatch(new RegExp('^' + start))
    }
    try {
      const port = (server.server.address() as AddressInfo).port
      const page = async () => (await fetch(`http://127.0.0.1:${port}/reports/gamma-2017/`)).text()
      expect(await page()).not.toContain('A sentence added later')
      // The report edited and a clashing file put in public/ at once: the rebuild is refused.
      await writeFile(path.join(pub, 'reports/index.html'), '<p>my own list</p>')
      await appendFile(path.join(content, 'reports/gamma-2017.md'), '\nA sentence added later.\n')
      await waitFor('Build failed')
      expect(log.at(-1)).toContain('still serving the last good site')
      expect(await page()).not.toContain('A sentence added later')
      expect(await (await fetch(`http://127.0.0.1:${port}/reports/`)).text()).toContain('Gamma in Oslo')
      // The clash gone, the edit is served.
      await rm(path.join(pub, 'reports/index.html'))
      await waitFor('Rebuilt after')
      expect(await page()).toContain('A sentence added later')
    } finally {
      await server.close()
    }
  }, 60_000)
})
