/**
 * The CLI against temporary folders, run in-process through `run(argv)`; one test at the
 * end runs the real `recap` process. Every describe builds what it reads in its own
 * beforeAll, so each test passes alone and in any order.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { fixtureContent, makeContent, minimalFrontMatter, removeDir, report, runCli, runProcess, tempDir } from './helpers.ts'

const cleanup: string[] = []
afterAll(async () => Promise.all(cleanup.map(removeDir)))

async function scratch(): Promise<string> {
  const dir = await tempDir()
  cleanup.push(dir)
  return dir
}

/** A duration as the CLI prints it: "538 ms" or "1.41 s". Never asserted beyond its shape. */
const duration = String.raw`\d+(?:\.\d+)? m?s`

describe('recap build', () => {
  it('builds and prints a summary timed per stage', async () => {
    const dir = await scratch()
    const result = await runCli(['build', '--content', fixtureContent, '--out', path.join(dir, 'site'), '--no-cache'], dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^Built .*site in ${duration}$`, 'm'))
    for (const stage of ['load', 'validate', 'parse', 'link', 'index', 'emit', 'write']) expect(result.stdout).toMatch(new RegExp(`^  ${stage} +${duration}$`, 'm'))
    // test/fixtures/site: 4 reports, 5 topics, 6 projects, 3 conferences (see its README).
    expect(result.stdout).toMatch(/^ {2}4 reports · \d+ sections \(\d+ sessions\) · 5 topics · 6 projects · 3 conferences · \d+ pages written$/m)
    expect(result.stdout).toMatch(/^ {2}parsed 4 reports, 0 from the cache$/m)
  })

  it('prints durations of a second or more in seconds, and shorter ones in milliseconds', async () => {
    const { formatDuration } = await import('../src/cli.ts')
    expect(formatDuration(538.4)).toBe('538 ms')
    expect(formatDuration(999.4)).toBe('999 ms')
    expect(formatDuration(1410)).toBe('1.41 s')
  })

  it('on bad content: one line per problem, exit 1, no stack trace, previous output untouched', async () => {
    const good = await makeContent({ 'reports/ok.md': report(minimalFrontMatter, 'Fine.') })
    const bad = await makeContent({
      'reports/a.md': report('title: A\nconference: nowhere\nsummary: S', 'Text.'),
      'reports/b.md': report(minimalFrontMatter, '## X {.panel}\n\nText.'),
    })
    cleanup.push(good, bad)
    const out = path.join(bad, 'site')
    expect((await runCli(['build', '--content', good, '--out', out, '--no-cache'], bad)).code).toBe(0)
    const before = await readFile(path.join(out, 'index.html'), 'utf8')

    const result = await runCli(['build', '--content', bad, '--out', out, '--no-cache'], bad)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trim().split('\n')
    expect(lines[0]).toBe('reports/a.md:3:13  conference: unknown conference id "nowhere"  Use one of: meshconf-2017, meshconf-2018, meshconf-2019; or add the conference to conferences.yml.')
    // Every problem of every file at once: the body error of b.md is not hidden behind a.md's.
    expect(lines[1]).toBe('reports/b.md:7:6  unknown session kind ".panel"  Use one of: .talk, .keynote, .bof, .workshop, .lightning; leave the heading unmarked for a note.')
    expect(lines.at(-1)).toBe('2 errors; nothing was written. Fix the lines above and run the command again.')
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/)
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(before)

    // Fix the conference: now the body error shows.
    await writeFile(path.join(bad, 'reports/a.md'), report(minimalFrontMatter, 'Text.'))
    const second = await runCli(['build', '--content', bad, '--out', out, '--no-cache'], bad)
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('reports/b.md:7:6  unknown session kind ".panel"')
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(before)
  })

  it('writes feeds only with --site-url, and says so', async () => {
    const dir = await scratch()
    const build = (...args: string[]) => runCli(['build', '--content', fixtureContent, '--no-cache', ...args], dir)
    const without = await build('--out', path.join(dir, 'a'))
    expect(without.stdout).toContain('feed.xml and sitemap.xml skipped: they need absolute URLs, pass --site-url https://…')
    const withUrl = await build('--out', path.join(dir, 'b'), '--site-url', 'https://example.com/recap')
    expect(withUrl.stdout).toContain('feed.xml and sitemap.xml written')
    const bad = await build('--out', path.join(dir, 'c'), '--site-url', 'example.com')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("option '--site-url <url>' argument 'example.com' is invalid. expected an absolute http(s) URL such as https://example.com/recap/.")
  })

  it('keeps its parse cache where --cache says, and parses only changed reports', async () => {
    const dir = await scratch()
    const content = await makeContent({}, true)
    cleanup.push(content)
    const args = ['build', '--content', content, '--out', path.join(dir, 'site'), '--cache', path.join(dir, 'cache')]
    expect((await runCli(args, dir)).stdout).toMatch(/parsed 4 reports, 0 from the cache/)
    const file = path.join(content, 'reports/gamma-2017.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('small and friendly', 'small and very friendly'))
    expect((await runCli(args, dir)).stdout).toMatch(/parsed 1 report, 3 from the cache/)
  })

  it('keeps an up-to-date site as it is, and builds again when anything it depends on changes', async () => {
    const dir = await scratch()
    // A paragraph promising a list that never comes: a warning, which must be reported again.
    const content = await makeContent({ 'reports/colon.md': report(minimalFrontMatter, '## A talk {.talk}\n\nThe three lessons were:\n') }, true)
    cleanup.push(content)
    const out = path.join(dir, 'site')
    const page = path.join(out, 'reports/gamma-2017/index.html')
    const args = ['build', '--content', content, '--out', out, '--cache', path.join(dir, 'cache')]
    const first = await runCli(args, dir)
    expect(first.stdout).toMatch(/^Built /)
    const built = (await stat(page)).mtimeMs

    const again = await runCli(args, dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(new RegExp(`^Up to date: .*site was kept, nothing changed since its last build \\(checked in ${duration}\\)$`, 'm'))
    expect(again.stdout).toMatch(/^ {2}5 reports · .* · \d+ pages kept$/m)
    expect(again.stdout).toContain('1 warning: run "npm run check" to see them')
    expect((await stat(page)).mtimeMs).toBe(built)

    // Each of these builds again: an output file edited or removed, a content edit, other options.
    await writeFile(page, 'edited by hand')
    expect((await runCli(args, dir)).stdout).toMatch(/^Built /)
    expect(await readFile(page, 'utf8')).toContain('<!doctype html>')
    await rm(path.join(out, 'topics/index.html'))
    expect((await runCli(args, dir)).stdout).toMatch(/^Built /)
    expect((await runCli(args, dir)).stdout).toMatch(/^Up to date/)
    const file = path.join(content, 'reports/gamma-2017.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('small and friendly', 'small and very friendly'))
    expect((await runCli(args, dir)).stdout).toMatch(/parsed 1 report, 4 from the cache/)
    expect((await runCli([...args, '--base', '/recap/'], dir)).stdout).toMatch(/^Built /)
    expect((await runCli([...args, '--base', '/recap/'], dir)).stdout).toMatch(/^Up to date/)
    expect((await runCli(args, dir)).stdout).toMatch(/^Built /)
  })

  it('rejects bad flags with a message, not a stack trace', async () => {
    const result = await runCli(['serve', '--port', 'abc'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("option '--port <port>' argument 'abc' is invalid. expected a port number from 0 to 65535.")
  })
})

describe('recap search', () => {
  // The fixture site, built once for the whole run by test/global-setup.ts.
  const out = inject('fixtureSite')
  const search = (...args: string[]) => runCli(['search', '--out', out, ...args])

  it('prints ranked results with report, year and URL, quick links first', async () => {
    const result = await search('istio', '--limit', '3')
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    // The fixture site is built with --site-url https://example.com/: addresses are under it.
    expect(lines[0]).toBe('→ Project: Istio  https://example.com/projects/istio/')
    expect(lines[1]).toBe(' 1. Hardening Istio in production  [talk]')
    expect(lines[2]).toBe('    Alpha at MeshConf Lisbon · 2018')
    expect(lines[3]).toBe('    https://example.com/reports/alpha-2018/hardening-istio-in-production/')
    expect(lines.filter((l) => /^ \d\. /.test(l)).length).toBeLessThanOrEqual(3)
  })

  it('prints JSON with --json, typos included', async () => {
    const result = await search('prometeus', '--json', '--limit', '2')
    const parsed = JSON.parse(result.stdout) as { words: string[]; hits: { id: string; url: string; snippet: string }[] }
    expect(parsed.words).toEqual(['prometeus'])
    expect(parsed.hits.length).toBeGreaterThan(0)
    expect(parsed.hits.length).toBeLessThanOrEqual(2)
    expect(parsed.hits.map((h) => h.id)).toContain('beta-2018/tracing-every-request')
  })

  it('prints in JSON the addresses the text prints: published ones under --site-url, else paths from the root under the base', async () => {
    // The fixture site is built with --site-url https://example.com/.
    const published = JSON.parse((await search('istio', '--json', '--limit', '1')).stdout) as { links: { url: string }[]; hits: { url: string }[] }
    expect(published.links[0]!.url).toBe('https://example.com/projects/istio/')
    expect(published.hits[0]!.url).toBe('https://example.com/reports/alpha-2018/hardening-istio-in-production/')

    // Built for a sub-path without a site URL: usable as a link on the host that serves it.
    const dir = await scratch()
    const out = path.join(dir, 'site')
    expect((await runCli(['build', '--content', fixtureContent, '--out', out, '--no-cache', '--base', '/sub/'], dir)).code).toBe(0)
    const text = await runCli(['search', '--out', out, 'istio', '--limit', '1'], dir)
    const json = await runCli(['search', '--out', out, 'istio', '--limit', '1', '--json'], dir)
    const local = JSON.parse(json.stdout) as { links: { url: string }[]; hits: { url: string }[] }
    expect(local.links[0]!.url).toBe('/sub/projects/istio/')
    expect(local.hits[0]!.url).toBe('/sub/reports/alpha-2018/hardening-istio-in-production/')
    // The same page as the text names on the preview server.
    expect(text.stdout).toContain(`http://127.0.0.1:4173${local.hits[0]!.url}`)
  })

  it('applies filters and says when they hide everything', async () => {
    // Linkerd is named in 2018 and 2019, never in 2017.
    const result = await search('linkerd', '--year', '2017')
    expect(result.stdout.trim().split('\n').at(-1)).toBe('No results for "linkerd". 2 without the filters.')
  })

  it('accepts lunr syntax characters as plain text', async () => {
    for (const q of ['foo:', '~', 'title:', '^', 'istio~2', '+mesh']) {
      const result = await search(q)
      expect(result.code, q).toBe(0)
      expect(result.stderr, q).toBe('')
    }
  })

  it('says to build first when there is no index', async () => {
    const result = await runCli(['search', '--out', '/nonexistent/site', 'istio'])
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('/nonexistent/site/assets/search-index.js not found: build the site first with "npm run build".')
  })
})

describe('the recap process', () => {
  it('runs as a real process: help, exit status, and errors on stderr', async () => {
    const help = await runProcess(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: recap \[options\] \[command\]/)
    const unknown = await runProcess(['nope'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain("error: unknown command 'nope'")
  })
})
