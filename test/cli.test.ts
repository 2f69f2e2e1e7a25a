/** The real CLI against temporary folders. */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { httpGet, makeContent, minimalFrontMatter, realContent, removeDir, report, root, runCli, tempDir } from './helpers.ts'

const cleanup: string[] = []
afterAll(async () => Promise.all(cleanup.map(removeDir)))

describe('recap build', () => {
  it('builds and prints a summary timed per stage', async () => {
    const dir = await tempDir()
    cleanup.push(dir)
    const result = await runCli(['build', '--content', realContent, '--out', path.join(dir, 'site')])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Built .*site in \d+ ms/m)
    for (const stage of ['load', 'validate', 'parse', 'link', 'index', 'emit', 'write']) expect(result.stdout).toMatch(new RegExp(`^  ${stage} +\\d+ ms`, 'm'))
    expect(result.stdout).toMatch(/5 reports · \d+ sections \(\d+ sessions\) · 18 topics · \d+ projects · 3 conferences · \d+ pages written/)
  })

  it('on bad content: one line per problem, exit 1, no stack trace, previous output untouched', async () => {
    const content = await makeContent({
      'reports/a.md': report('title: A\nconference: nowhere\nsummary: S', 'Text.'),
      'reports/b.md': report(minimalFrontMatter, '## X {.panel}\n\nText.'),
    })
    cleanup.push(content)
    const out = path.join(content, 'site')
    // A previous good build in the output folder.
    const good = await makeContent({ 'reports/ok.md': report(minimalFrontMatter, 'Fine.') })
    cleanup.push(good)
    expect((await runCli(['build', '--content', good, '--out', out])).code).toBe(0)
    const before = await readFile(path.join(out, 'index.html'), 'utf8')

    const result = await runCli(['build', '--content', content, '--out', out], content)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trim().split('\n')
    expect(lines[0]).toBe('reports/a.md:3:13  conference: unknown conference id "nowhere"  Use one of: kubecon-eu-2017, kubecon-eu-2018, kubecon-eu-2019; or add the conference to conferences.yml.')
    expect(lines.at(-1)).toBe('1 error; nothing was written. Fix the lines above and run the command again.')
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/)
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(before)

    // Fix the conference: now the body error shows.
    await writeFile(path.join(content, 'reports/a.md'), report(minimalFrontMatter, 'Text.'))
    const second = await runCli(['build', '--content', content, '--out', out], content)
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('reports/b.md:7:6  unknown session kind ".panel"')
  })

  it('writes feeds only with --site-url, and says so', async () => {
    const dir = await tempDir()
    cleanup.push(dir)
    const without = await runCli(['build', '--out', path.join(dir, 'a')])
    expect(without.stdout).toContain('feed.xml and sitemap.xml skipped: they need absolute URLs, pass --site-url https://…')
    const withUrl = await runCli(['build', '--out', path.join(dir, 'b'), '--site-url', 'https://example.com/recap'])
    expect(withUrl.stdout).toContain('feed.xml and sitemap.xml written')
    const bad = await runCli(['build', '--out', path.join(dir, 'c'), '--site-url', 'example.com'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("option '--site-url <url>' argument 'example.com' is invalid. expected an absolute http(s) URL such as https://example.com/recap/.")
  })

  it('rejects bad flags with a message, not a stack trace', async () => {
    const result = await runCli(['serve', '--port', 'abc'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("option '--port <port>' argument 'abc' is invalid. expected a port number from 0 to 65535.")
  })
})

describe('recap search', () => {
  let out: string
  const search = (...args: string[]) => runCli(['search', '--out', out, ...args])

  it('builds once for the searches below', async () => {
    const dir = await tempDir()
    cleanup.push(dir)
    out = path.join(dir, 'site')
    expect((await runCli(['build', '--out', out])).code).toBe(0)
  })

  it('prints ranked results with report, year and URL, quick links first', async () => {
    const result = await search('service mesh', '--limit', '3')
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toBe('→ Topic: Service mesh  http://127.0.0.1:4173/topics/service-mesh/')
    expect(lines[1]).toBe(' 1. Service mesh  [note]')
    expect(lines[2]).toBe('    KubeCon and CloudNativeCon 2018 EU – short and delayed summary · 2018')
    expect(lines[3]).toBe('    http://127.0.0.1:4173/reports/2018-copenhagen-short-summary/service-mesh/')
    expect(lines.filter((l) => /^ \d\. /.test(l))).toHaveLength(3)
  })

  it('prints JSON with --json', async () => {
    const result = await search('promethues', '--json', '--limit', '2')
    const parsed = JSON.parse(result.stdout) as { words: string[]; hits: { id: string; url: string; snippet: string }[] }
    expect(parsed.words).toEqual(['promethues'])
    expect(parsed.hits).toHaveLength(2)
    expect(parsed.hits[0]!.id).toMatch(/prometheus/)
  })

  it('applies filters and says when they hide everything', async () => {
    const result = await search('gvisor', '--year', '2017')
    expect(result.stdout.trim().split("\n").at(-1)).toMatch(/^No results for "gvisor"\. \d+ without the filters\.$/)
  })

  it('accepts lunr syntax characters as plain text', async () => {
    for (const q of ['foo:', '~', 'title:', '-', '^']) {
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

describe('recap serve', () => {
  it('serves the built site and the 404 page on 127.0.0.1', async () => {
    const dir = await tempDir()
    cleanup.push(dir)
    const out = path.join(dir, 'site')
    expect((await runCli(['build', '--out', out])).code).toBe(0)
    const port = 41000 + Math.floor(Math.random() * 2000)
    const child = spawn(process.execPath, [path.join(root, 'bin/recap.js'), 'serve', '--out', out, '--port', String(port)], { cwd: root })
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => (d.toString().includes('Serving') ? resolve() : undefined))
        child.once('exit', () => reject(new Error('server exited')))
      })
      const get = (p: string) => httpGet(`http://127.0.0.1:${port}${p}`)
      const home = await get('/')
      expect(home.status).toBe(200)
      expect(home.body).toContain('Conference trip reports, linked')
      expect((await get('/topics/gitops/')).status).toBe(200)
      const missing = await get('/no/such/page/')
      expect(missing.status).toBe(404)
      expect(missing.body).toContain('Page not found')
      expect((await get('/../../etc/passwd')).status).toBe(404)
    } finally {
      child.kill()
    }
  })
})
