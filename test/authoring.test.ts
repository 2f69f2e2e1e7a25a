/** The authoring workflow with the real CLI: check, new, and the dev server. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { httpGet, makeContent, minimalFrontMatter, rawGet, realContent, removeDir, report, root, runCli } from './helpers.ts'

const cleanup: string[] = []
afterAll(async () => Promise.all(cleanup.map(removeDir)))

async function content(files: Record<string, string> = {}, withFixtureReports = false, dataFrom?: string) {
  const dir = await makeContent(files, withFixtureReports, dataFrom)
  cleanup.push(dir)
  return dir
}

describe('recap check', () => {
  it('reports errors and warnings compiler style, writes nothing, exits 1 on errors', async () => {
    const dir = await content({
      'reports/a.md': report('title: A\nconference: nowhere\nsummary: S', 'Text.'),
      'reports/b.md': report(minimalFrontMatter, '## A {.talk}\n\n## B {.workshop}\n\nText.'),
    })
    const result = await runCli(['check', '--content', dir], dir)
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe('reports/a.md:3:13  conference: unknown conference id "nowhere"  Use one of: meshconf-2017, meshconf-2018, meshconf-2019; or add the conference to conferences.yml.')
    expect(result.stderr).toContain('1 error. Fix the lines above and run the command again.')
    expect(result.stderr).not.toContain('nothing was written')
  })

  it('passes with warnings: an empty section, a topic nothing mentions; none for a report of notes only', async () => {
    const dir = await content({
      'reports/b.md': report(minimalFrontMatter, '## A {.talk}\n\n## B {.workshop}\n\nText.'),
      'reports/c.md': report(minimalFrontMatter, 'Only notes.'),
    })
    const result = await runCli(['check', '--content', dir], dir)
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toContain('reports/b.md:7:1  warning: section "A" has no text  Write something under the heading or remove it.')
    expect(lines.some((l) => l.startsWith('reports/c.md'))).toBe(false)
    expect(lines.some((l) => /^topics\.yml:\d+:\d+ {2}warning: no section mentions topic "gitops"/.test(l))).toBe(true)
    expect(lines.at(-1)).toMatch(/^2 reports, 3 sections checked: no errors, \d+ warnings\.$/)
  })
})

describe('recap new', () => {
  it('creates a report that passes check, and refuses to overwrite it', async () => {
    const dir = await content()
    const first = await runCli(['new', 'My MeshConf 2019', '--conference', 'meshconf-2019', '--author', 'Ada Lovelace', '--content', dir], dir)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Created reports/my-meshconf-2019.md.')
    const text = await readFile(path.join(dir, 'reports/my-meshconf-2019.md'), 'utf8')
    expect(text).toMatch(/^---\ntitle: My MeshConf 2019\nauthor: Ada Lovelace\nconference: meshconf-2019\n/)
    expect(text).toContain('{.talk speakers="Speaker Name"}')
    const check = await runCli(['check', '--content', dir], dir)
    expect(check.code).toBe(0)
    // The skeleton's placeholders are flagged until the author replaces them.
    expect(check.stdout).toMatch(/reports\/my-meshconf-2019\.md:\d+:\d+ {2}warning: placeholder text from the report skeleton: "Start with an introduction/)
    // The summary's warning points at the summary, where the author replaces it.
    const summaryLine = text.split('\n').findIndex((l) => l.startsWith('summary: ')) + 1
    expect(check.stdout).toContain(`reports/my-meshconf-2019.md:${summaryLine}:10  warning: summary: placeholder text from the report skeleton`)
    const again = await runCli(['new', 'My MeshConf 2019', '--conference', 'meshconf-2019', '--content', dir], dir)
    expect(again.code).toBe(1)
    expect(again.stderr.trim()).toBe('reports/my-meshconf-2019.md already exists; pick another title or edit that report.')
  })

  it('names the file from any title: letters transliterated, else the conference and author', async () => {
    const dir = await content()
    const accented = await runCli(['new', 'Café notes from Łódź', '--conference', 'meshconf-2019', '--content', dir], dir)
    expect(accented.code).toBe(0)
    expect(accented.stdout).toContain('Created reports/cafe-notes-from-lodz.md.')
    expect(await readFile(path.join(dir, 'reports/cafe-notes-from-lodz.md'), 'utf8')).toMatch(/^---\ntitle: Café notes from Łódź\n/)
    const unspellable = await runCli(['new', '東京', '--conference', 'meshconf-2019', '--author', 'Ada Lovelace', '--content', dir], dir)
    expect(unspellable.code).toBe(0)
    expect(unspellable.stdout).toContain('Created reports/meshconf-2019-ada-lovelace.md.')
    expect((await runCli(['check', '--content', dir], dir)).code).toBe(0)
  })

  it('lists the known conferences for an unknown id, and adds one with --new-conference', async () => {
    const dir = await content()
    const unknown = await runCli(['new', 'Notes', '--conference', 'meshconf-2020', '--content', dir], dir)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Unknown conference "meshconf-2020". Known: meshconf-2017, meshconf-2018, meshconf-2019.')
    const added = await runCli(['new', 'Notes', '--conference', 'meshconf-2020', '--new-conference', '--name', 'MeshConf 2020', '--year', '2020', '--city', 'Amsterdam', '--content', dir], dir)
    expect(added.code).toBe(0)
    expect(await readFile(path.join(dir, 'conferences.yml'), 'utf8')).toMatch(/\n- id: meshconf-2020\n {2}name: MeshConf 2020\n {2}year: 2020\n {2}city: Amsterdam\n$/)
    expect((await runCli(['build', '--content', dir, '--out', path.join(dir, 'site'), '--no-cache'], dir)).code).toBe(0)
    expect(await readFile(path.join(dir, 'site/conferences/meshconf-2020/index.html'), 'utf8')).toContain('<h1>MeshConf 2020</h1>')
  })
})

describe('recap dev', () => {
  let child: ChildProcess | undefined
  afterAll(() => child?.kill())

  it('rebuilds on edit, add and remove, shows errors without stopping, and recovers', async () => {
    const dir = await content({}, true)
    const out = path.join(dir, 'site')
    const port = 43000 + Math.floor(Math.random() * 2000)
    child = spawn(process.execPath, [path.join(root, 'bin/recap.js'), 'dev', '--content', dir, '--out', out, '--cache', path.join(dir, 'cache'), '--port', String(port)], { cwd: root })
    let log = ''
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()))
    const waitFor = async (pattern: RegExp, from: number) => {
      for (let i = 0; i < 300; i++) {
        if (pattern.test(log.slice(from))) return
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`timed out waiting for ${pattern} in:\n${log}`)
    }
    const get = (p: string) => httpGet(`http://127.0.0.1:${port}${p}`)
    // Server-sent events as a tab receives them.
    const events: string[] = []
    const eventually = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 100; i++) {
        if (check()) return
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`timed out waiting for ${what}; events so far:\n${events.join('')}`)
    }
    const listen = () =>
      http.get(`http://127.0.0.1:${port}/__recap/events`, (res) => res.on('data', (c: Buffer) => events.push(c.toString())))

    await waitFor(/Serving .* and watching/, 0)
    expect(log).toMatch(/Rebuilt after start in \d+(\.\d+)? m?s: parsed 4 reports, 0 from the cache/)
    listen()
    const page = await get('/')
    expect(page.body).toContain('<script src="/__recap/client.js"></script></body>')

    // Edit: only that report is parsed again, the page and the search index change.
    const file = path.join(dir, 'reports/gamma-2017.md')
    const original = await readFile(file, 'utf8')
    let mark = log.length
    await writeFile(file, original.replace('the coffee was excellent.', 'the coffee was excellent, said the zebrafish.'))
    await waitFor(/Rebuilt after .*gamma-2017\.md in \d+(\.\d+)? m?s: parsed 1 report, 3 from the cache/, mark)
    expect((await get('/reports/gamma-2017/the-venue/')).body).toContain('zebrafish')
    expect((await get('/assets/search-index.js')).body).toContain('zebrafish')
    await eventually(() => events.join('').includes('event: reload'), 'a reload event')

    // Add a report: its page appears.
    mark = log.length
    await writeFile(path.join(dir, 'reports/new-one.md'), report(minimalFrontMatter, '## Hello {.talk}\n\nA brand new axolotl talk.'))
    await waitFor(/Rebuilt after .*new-one\.md/, mark)
    expect((await get('/reports/new-one/hello/')).status).toBe(200)
    expect((await get('/assets/search-index.js')).body).toContain('axolotl')

    // A bad edit: the error is printed and sent to tabs; the last good site is still served.
    mark = log.length
    await writeFile(path.join(dir, 'reports/new-one.md'), report(minimalFrontMatter, '## Hello {.panel}\n\nA brand new talk.'))
    await waitFor(/Build failed after .*still serving the last good site:\n {2}.*new-one\.md:7:10 {2}unknown session kind "\.panel"/, mark)
    await eventually(() => /event: problems\ndata: \[".*new-one\.md:7:10 {2}unknown session kind/.test(events.join('')), 'a problems event')
    expect((await get('/reports/new-one/hello/')).status).toBe(200)

    // Remove the report: the site builds again and its page is gone.
    mark = log.length
    await rm(path.join(dir, 'reports/new-one.md'))
    await waitFor(/Rebuilt after .*new-one\.md/, mark)
    expect((await get('/reports/new-one/hello/')).status).toBe(404)
    await eventually(() => events.join('').trim().endsWith('event: reload\ndata: {}'), 'a reload event after the fix')
    // Files outside the output folder are never served, even when the path is sent raw.
    for (const target of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) expect((await rawGet(port, target)).body, target).not.toContain('root:')
  }, 120_000)

  it('says clearly when the port is taken', async () => {
    const blocker = http.createServer().listen(0, '127.0.0.1')
    await new Promise((r) => blocker.once('listening', r))
    const port = (blocker.address() as { port: number }).port
    const dir = await content({}, true)
    const result = await runCli(['dev', '--content', dir, '--out', path.join(dir, 'site'), '--cache', path.join(dir, 'cache'), '--port', String(port)], dir)
    blocker.close()
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(`Port ${port} is already in use. Stop the other server or pick another port with --port.`)
    // Said before any build: nothing was read or made.
    expect(result.stdout).not.toMatch(/Rebuilt|Build failed/)
  }, 60_000)
})

describe('recap import', () => {
  it('writes drafts of the five seeds that pass check, and says what it guessed', async () => {
    // The seeds are KubeCon posts: import guesses among the shipped KubeCon conferences.
    const dir = await content({}, false, realContent)
    const seeds = path.join(root, 'test/fixtures/seeds')
    for (const seed of (await import('node:fs')).readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
      const result = await runCli(['import', path.join(seeds, seed), '--content', dir], dir)
      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout).toMatch(/^Wrote the draft reports\/[a-z0-9-]+\.md\. Check these guesses:\n {2}- /)
      expect(result.stdout).toMatch(/Chose the conference kubecon-eu-201[789]: /)
    }
    const check = await runCli(['check', '--content', dir], dir)
    expect(check.code).toBe(0)
    expect(check.stdout).toMatch(/5 reports, \d+ sections checked: no errors/)
  })

  it('asks for the conference when it cannot tell, and refuses to overwrite', async () => {
    // The seeds are KubeCon posts: import guesses among the shipped KubeCon conferences.
    const dir = await content({}, false, realContent)
    const post = path.join(dir, 'post.txt')
    await writeFile(post, 'Notes from a meetup\n\nWe talked about things.\n')
    const unknown = await runCli(['import', post, '--content', dir], dir)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.trim()).toBe(
      'Could not tell which conference "Notes from a meetup" is about: cannot tell which year the post is about (no year in its title or date). Pass --conference with one of: kubecon-eu-2017, kubecon-eu-2018, kubecon-eu-2019; or add it with --new-conference --name NAME --year YEAR --city CITY.',
    )
    expect((await runCli(['import', post, '--conference', 'kubecon-eu-2019', '--content', dir], dir)).code).toBe(0)
    const again = await runCli(['import', post, '--conference', 'kubecon-eu-2019', '--content', dir], dir)
    expect(again.code).toBe(1)
    expect(again.stderr.trim()).toBe('reports/notes-from-a-meetup.md already exists; pass --out with another path.')
  })

  it('records where the post came from, so a report without an author names its site', async () => {
    const dir = await content({}, false, realContent)
    const post = path.join(dir, 'post.txt')
    await writeFile(post, 'Notes from Barcelona 2019\n\nWe talked about things.\n')
    const bad = await runCli(['import', post, '--conference', 'kubecon-eu-2019', '--source', 'javascript:alert(1)', '--content', dir], dir)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--source must be the post\'s http or https address')
    const noSource = await runCli(['import', post, '--conference', 'kubecon-eu-2019', '--out', path.join(dir, 'reports/a.md'), '--content', dir], dir)
    expect(noSource.stdout).toContain('The post names no author')
    const result = await runCli(['import', post, '--conference', 'kubecon-eu-2019', '--source', 'https://blog.example.org/2019/barcelona/', '--content', dir], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).not.toContain('The post names no author')
    const draft = await readFile(path.join(dir, 'reports/notes-from-barcelona-2019.md'), 'utf8')
    expect(draft).toContain('\nsource: https://blog.example.org/2019/barcelona/\n')
    await rm(path.join(dir, 'reports/a.md'))
    const out = path.join(dir, 'site')
    expect((await runCli(['build', '--content', dir, '--out', out, '--no-cache'], dir)).code).toBe(0)
    const page = await readFile(path.join(out, 'reports/notes-from-barcelona-2019/index.html'), 'utf8')
    expect(page).toContain('<dt>Reporter</dt><dd>blog.example.org</dd>')
  })

  it('takes the source from a Markdown post\'s canonical address', async () => {
    const dir = await content({}, false, realContent)
    const post = path.join(dir, 'post.md')
    await writeFile(post, '---\ntitle: Barcelona 2019 notes\ncanonical_url: https://notes.example.net/barcelona\n---\n\n## A talk\n\nText.\n')
    const result = await runCli(['import', post, '--conference', 'kubecon-eu-2019', '--content', dir], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Took the source https://notes.example.net/barcelona from the post’s front matter.')
    expect(await readFile(path.join(dir, 'reports/barcelona-2019-notes.md'), 'utf8')).toContain('\nsource: https://notes.example.net/barcelona\n')
  })
})
