/**
 * Where a user's own site trips them on the command line: a sub-path build served, a base and
 * a site URL that disagree, search filters that match nothing, editor files in the content
 * folder, a bad --cache or --content, dates in the feed, redirects in the sitemap, and the
 * hint for an unknown conference. Each mistake gets one clear line and a non-zero exit.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { newConferenceHint } from '../src/author/new-report.ts'
import { entryDates } from '../src/emit/feeds.ts'
import { siteAddress } from '../src/emit/site-address.ts'
import { isEditorFile } from '../src/load/ignored.ts'
import { loadContent } from '../src/load/content.ts'
import { makeContent, minimalFrontMatter, report, root, runCli, tempDir } from './helpers.ts'

/** A one-line error: no stack trace, no raw error code. */
function oneLineError(stderr: string): string {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)|ENOTDIR|EPERM|ENOENT/)
  return lines[0]!
}

describe('serving a sub-path build', () => {
  const children: ReturnType<typeof spawn>[] = []
  afterAll(() => {
    for (const child of children) child.kill()
  })

  /** Starts the real `recap serve` and resolves to the address it prints. */
  const startServe = (args: string[], cwd: string) =>
    new Promise<{ url: string; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bin/recap.js'), 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } })
      children.push(child)
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const url = /^Serving .* at (http:\/\/\S+)/m.exec(out)?.[1]
        if (url) resolve({ url, out })
      })
      child.stderr.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())))
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
    })

  it('serves the site under the base it was built with, as the README says, with a styled 404 page', async () => {
    const dir = await tempDir()
    const content = await makeContent({}, true)
    // README, "Preview a sub-path build": build with --base, then serve.
    expect((await runCli(['build', '--content', content, '--out', 'dist', '--base', '/sub/', '--no-cache'], dir)).code).toBe(0)
    const { url, out } = await startServe([], dir)
    const origin = new URL(url).origin
    expect(url).toBe(`${origin}/sub/`)
    expect(out).toContain('(Ctrl+C to stop)')

    const home = await fetch(`${origin}/`, { redirect: 'manual' })
    expect(home.status).toBe(302)
    expect(home.headers.get('location')).toBe('/sub/')
    expect((await fetch(`${origin}/sub`, { redirect: 'manual' })).headers.get('location')).toBe('/sub/')
    const page = await fetch(`${origin}/sub/topics/gitops/`)
    expect(page.status).toBe(200)

    // The 404 page links under /sub/, and what it links to is there.
    for (const missing of ['/nope/', '/sub/nope/']) {
      const notFound = await fetch(`${origin}${missing}`)
      expect(notFound.status, missing).toBe(404)
      const body = await notFound.text()
      expect(body).toContain('href="/sub/assets/style.css"')
    }
    expect((await fetch(`${origin}/sub/assets/style.css`)).status).toBe(200)
    // The site is not also at the root, as it will not be on its host.
    expect((await fetch(`${origin}/topics/gitops/`)).status).toBe(404)
    for (const target of ['/sub/../../etc/passwd', '/sub/%2e%2e/%2e%2e/etc/passwd']) expect(await (await fetch(`${origin}${target}`)).text()).not.toContain('root:')
  }, 60_000)

  it('takes --base to serve a folder under another path, and says what the build used', async () => {
    const dir = await tempDir()
    const content = await makeContent({}, true)
    expect((await runCli(['build', '--content', content, '--out', 'dist', '--base', '/sub/', '--no-cache'], dir)).code).toBe(0)
    const { url, out } = await startServe(['--base', 'elsewhere'], dir)
    expect(new URL(url).pathname).toBe('/elsewhere/')
    expect(out).toMatch(/Note: the site was built with --base \/sub\//)
    expect((await fetch(new URL('topics/gitops/', url))).status).toBe(200)
  }, 60_000)
})

describe('--base and --site-url', () => {
  it('refuses a site URL whose path is not the base, before writing anything', async () => {
    const dir = await tempDir()
    const result = await runCli(['build', '--content', await makeContent({}, true), '--out', 'site', '--base', '/other/', '--site-url', 'https://example.org/sub/', '--no-cache'], dir)
    expect(result.code).toBe(1)
    expect(oneLineError(result.stderr)).toBe(
      '--base /other/ does not match --site-url https://example.org/sub/, whose path is /sub/: the feed and sitemap would link under /sub/ and the 404 page and data files under /other/. Leave out --base (it is then taken from --site-url) or give both the same path.',
    )
    expect(existsSync(path.join(dir, 'site'))).toBe(false)
  })

  it('takes the base from the site URL when --base is left out', async () => {
    const dir = await tempDir()
    const result = await runCli(['build', '--content', await makeContent({}, true), '--out', 'site', '--site-url', 'https://example.org/sub', '--no-cache'], dir)
    expect(result.code, result.stderr).toBe(0)
    const read = (f: string) => readFile(path.join(dir, 'site', f), 'utf8')
    expect(await read('404.html')).toContain('href="/sub/assets/style.css"')
    expect(await read('data/index.json')).toContain('"url":"/sub/topics/gitops/"')
    expect(await read('sitemap.xml')).toContain('<loc>https://example.org/sub/topics/gitops/</loc>')
    expect(JSON.parse(await read('.recap-site.json'))).toEqual({ base: '/sub/', siteUrl: 'https://example.org/sub/' })
  })

  it('refuses a base that is no path on the site\'s own host, in build, dev and serve alike, before anything is read or written', async () => {
    const dir = await tempDir()
    const content = await makeContent({}, true)
    for (const bad of ['//evil.example/', '/a/../b/', '/a?b/', '/a#b/', '/a\\b/', '/a//b/', '/./', '/a\u001b[31mb/']) {
      for (const command of [
        ['build', '--content', content, '--out', 'site', '--no-cache', '--base', bad],
        ['dev', '--content', content, '--out', 'site', '--cache', 'cache', '--port', '0', '--base', bad],
      ]) {
        const result = await runCli(command, dir)
        expect(result.code, `${command[0]} ${bad}`).toBe(1)
        expect(oneLineError(result.stderr), `${command[0]} ${bad}`).toMatch(/^--base ".*" is not a path the site can be served under: give the folder part of its address, such as \/recap\/ /)
        // The escape sequence never reaches the terminal.
        expect(result.stderr).not.toContain('\u001b')
      }
    }
    expect(existsSync(path.join(dir, 'site'))).toBe(false)
    expect(existsSync(path.join(dir, 'cache'))).toBe(false)
    expect((await runCli(['build', '--content', content, '--out', 'site', '--no-cache'], dir)).code).toBe(0)
    const served = await runCli(['serve', '--out', 'site', '--port', '0', '--base', '//evil.example/'], dir)
    expect(served.code).toBe(1)
    expect(served.stderr).toContain('--base "//evil.example/" is not a path the site can be served under')
    // Spaces and other characters of a folder name are fine.
    expect(siteAddress('/my trips 2019/', undefined).base).toBe('/my trips 2019/')
  }, 60_000)

  it('agrees however the two are written', () => {
    expect(siteAddress(undefined, undefined)).toEqual({ base: '/' })
    expect(siteAddress('recap', 'https://example.org/recap')).toEqual({ base: '/recap/', siteUrl: 'https://example.org/recap/' })
    expect(siteAddress('/my recap/', 'https://example.org/my%20recap/')).toEqual({ base: '/my recap/', siteUrl: 'https://example.org/my%20recap/' })
    expect(siteAddress(undefined, 'https://example.org/my%20recap/').base).toBe('/my recap/')
    expect(() => siteAddress('/', 'https://example.org/recap/')).toThrow(/--base \/ does not match/)
  })
})

describe('recap search filters and addresses', () => {
  const out = inject('fixtureSite')

  it('refuses a kind that does not exist, listing the kinds and the nearest', async () => {
    const panel = await runCli(['search', '--out', out, 'mesh', '--kind', 'panel'])
    expect(panel.code).toBe(1)
    expect(panel.stdout).toBe('')
    expect(oneLineError(panel.stderr)).toBe('--kind panel is not a kind of section. Use one of: sessions, notes, talk, keynote, bof, workshop, lightning.')
    const talks = await runCli(['search', '--out', out, 'mesh', '--kind', 'talks'])
    expect(oneLineError(talks.stderr)).toMatch(/^--kind talks is not a kind of section\. Did you mean --kind talk\?/)
  })

  it('refuses a topic id the site does not have, suggesting the nearest', async () => {
    const nope = await runCli(['search', '--out', out, 'mesh', '--topic', 'nope'])
    expect(nope.code).toBe(1)
    expect(oneLineError(nope.stderr)).toBe(`--topic nope: no topic has this id in ${out}. Known topic ids: service-mesh, security, observability, gitops, operators.`)
    const near = await runCli(['search', '--out', out, 'mesh', '--topic', 'servicemesh'])
    expect(oneLineError(near.stderr)).toContain('Did you mean --topic service-mesh?')
    expect((await runCli(['search', '--out', out, 'mesh', '--topic', 'service-mesh'])).code).toBe(0)
  })

  it('prints local preview addresses under the base when the build had no site URL, and says so', async () => {
    const dir = await tempDir()
    expect((await runCli(['build', '--content', await makeContent({}, true), '--out', 'site', '--base', '/sub/', '--no-cache'], dir)).code).toBe(0)
    const result = await runCli(['search', '--out', path.join(dir, 'site'), 'istio', '--limit', '1'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('    http://127.0.0.1:4173/sub/reports/alpha-2018/hardening-istio-in-production/')
    expect(result.stdout.trim().split('\n').at(-1)).toBe('Addresses on the local preview server: run "npm run serve" to open them. (A site built with --site-url prints its published addresses.)')
  })
})

describe('editor lock, backup and swap files', () => {
  it('knows them by name', () => {
    for (const name of ['.#x.md', 'x.md~', '#x.md#', '.x.md.swp', '.x.md.swo', 'reports/.#a.md']) expect(isEditorFile(name), name).toBe(true)
    for (const name of ['x.md', 'x#.md', 'notes.markdown', 'swp.md', '.hidden.md']) expect(isEditorFile(name), name).toBe(false)
  })

  it('leaves them out of load, check and build', async () => {
    const content = await makeContent({
      'reports/x.md': report(minimalFrontMatter, 'Text.'),
      'reports/x.md~': 'not front matter',
      'reports/#x.md#': 'not front matter',
      'reports/.x.md.swp': '\u0000\u0001binary',
    })
    // Emacs keeps a link to nowhere while a buffer has unsaved changes.
    await symlink('ada@host.4242:1700000000', path.join(content, 'reports/.#x.md'))
    expect((await loadContent(content)).reports.map((r) => path.basename(r.file))).toEqual(['x.md'])
    const check = await runCli(['check', '--content', content], content)
    expect(check.stderr).toBe('')
    // Only the fixture topics nothing mentions are warned about; no problem with a report file.
    expect(check.code).toBe(0)
    expect(check.stdout).toMatch(/^1 report, 1 section checked: no errors, \d+ warnings\.$/m)
    expect(check.stdout).not.toContain('reports/')
    const build = await runCli(['build', '--content', content, '--out', path.join(await tempDir(), 'site'), '--no-cache'], content)
    expect(build.code, build.stderr).toBe(0)
  })
})

describe('a bad --cache', () => {
  const build = async (cache: string) => {
    const content = await makeContent({}, true)
    return runCli(['build', '--content', content, '--out', path.join(await tempDir(), 'site'), '--cache', cache], content)
  }

  it('names --cache when it is a file, or inside one', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'topics.yml')
    await writeFile(file, 'x')
    const onFile = await build(file)
    expect(onFile.code).toBe(1)
    expect(oneLineError(onFile.stderr)).toBe(`--cache ${file}: ${file} is a file, not a folder. Pick a folder for the cache, e.g. --cache .recap-cache, or build with --no-cache.`)
    const under = await build(path.join(file, 'cache'))
    expect(oneLineError(under.stderr)).toBe(`--cache ${path.join(file, 'cache')}: ${file} is a file, not a folder. Pick a folder for the cache, e.g. --cache .recap-cache, or build with --no-cache.`)
  })

  it.runIf(existsSync('/proc/self'))('fails at once where no folder can be made (/proc)', async () => {
    const result = await build('/proc/nope/cache')
    expect(result.code).toBe(1)
    // As root, /proc says ENOENT ("takes no new folders"); as anyone else, permission denied.
    expect(oneLineError(result.stderr)).toMatch(
      /^--cache \/proc\/nope\/cache: cannot make the folder \/proc\/nope \((this file system takes no new folders|permission denied)\)\. Pick a folder you can write to, e\.g\. --cache \.recap-cache, or build with --no-cache\.$/,
    )
  }, 30_000)
})

describe('a missing or wrong --content', () => {
  it('says so in one line, for build, check, dev, new and import', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'topics.yml')
    await writeFile(file, 'x')
    await writeFile(path.join(dir, 'post.md'), '# A post\n\nText.\n')
    for (const command of [['build', '--no-cache'], ['check'], ['dev', '--port', '0'], ['new', 'Title', '--conference', 'x'], ['import', 'post.md']]) {
      const missing = await runCli([command[0]!, '--content', '/nope', ...command.slice(1)], dir)
      expect(missing.code, command[0]).toBe(1)
      expect(oneLineError(missing.stderr)).toBe('content folder /nope does not exist: pass the folder that holds reports/ and conferences.yml with --content.')
      const notFolder = await runCli([command[0]!, '--content', 'topics.yml', ...command.slice(1)], dir)
      expect(notFolder.code, command[0]).toBe(1)
      expect(oneLineError(notFolder.stderr)).toBe('--content topics.yml is a file, not a folder: pass the content folder, the one that holds reports/ and conferences.yml.')
    }
    expect(existsSync(path.join(dir, 'dist'))).toBe(false)
  })
})

describe('feed and sitemap', () => {
  const conferences = `- id: dated\n  name: Dated 2019\n  year: 2019\n  city: Oslo\n  dates: { start: 2019-06-10, end: 2019-06-11 }\n\n- id: undated\n  name: Undated 2030\n  year: 2030\n  city: Oslo\n`
  const reportAt = (conference: string, published?: string) => report(`title: At ${conference}\nconference: ${conference}\nsummary: S.${published ? `\npublished: ${published}` : ''}`, 'Text.')

  it('dates every entry with a date the content gives, never the last day of a year', async () => {
    const dir = await tempDir()
    const content = await makeContent({
      'conferences.yml': conferences,
      'reports/published.md': reportAt('dated', '2019-07-01'),
      'reports/after-dated.md': reportAt('dated'),
      'reports/after-undated.md': reportAt('undated'),
    })
    expect((await runCli(['build', '--content', content, '--out', 'site', '--site-url', 'https://example.org/', '--no-cache'], dir)).code).toBe(0)
    const feed = await readFile(path.join(dir, 'site/feed.xml'), 'utf8')
    const updated = (id: string) => new RegExp(`<id>https://example.org/reports/${id}/</id>.*?<updated>([^<]+)</updated>`, 's').exec(feed)?.[1]
    expect(updated('published')).toBe('2019-07-01T00:00:00Z')
    // Its conference's last day, from conferences.yml.
    expect(updated('after-dated')).toBe('2019-06-11T00:00:00Z')
    // No date of its own: the latest date the content gives.
    expect(updated('after-undated')).toBe('2019-07-01T00:00:00Z')
    expect(feed).not.toContain('-12-31')
  })

  it('falls back to the first day of the conference year only when the content gives no date at all', () => {
    const conference = new Map([['undated', { id: 'undated', year: 2030 }]]) as never
    const dates = entryDates({ reports: [{ id: 'r', conference: 'undated' }] as never, conference })
    expect(dates('r')).toBe('2030-01-01T00:00:00Z')
  })

  it('leaves redirect pages out of the sitemap', async () => {
    const sitemap = await readFile(path.join(inject('fixtureSite'), 'sitemap.xml'), 'utf8')
    expect(sitemap).toContain('<loc>https://example.com/sessions/</loc>')
    expect(sitemap).not.toContain('/talks/')
  })
})

describe('recap new with an unknown conference', () => {
  it('derives the hint from the id typed and suggests the nearest known id', async () => {
    const content = await makeContent({})
    const result = await runCli(['new', 'X', '--conference', 'meshconf-2099', '--content', content], content)
    expect(result.code).toBe(1)
    expect(oneLineError(result.stderr)).toBe(
      'Unknown conference "meshconf-2099". Did you mean --conference meshconf-2019? Known: meshconf-2017, meshconf-2018, meshconf-2019. To add it: --new-conference --name "Meshconf 2099" --year 2099 --city CITY (--city Online for an event held online)',
    )
  })

  it('guesses name and year from any id', () => {
    expect(newConferenceHint('rustconf-2099')).toBe('--new-conference --name "Rustconf 2099" --year 2099 --city CITY (--city Online for an event held online)')
    expect(newConferenceHint('strange-loop')).toBe('--new-conference --name "Strange Loop" --year YEAR --city CITY (--city Online for an event held online)')
  })
})

describe('every help example', () => {
  /** "npm run X -- args" as the argv of `recap`, from package.json's scripts. */
  const scripts = async () => (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  const words = (line: string, home: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!.replace(/^~(?=\/)/, home))

  it('runs as printed, in a folder of its own', async () => {
    const top = await tempDir()
    const home = path.join(top, 'home')
    const work = path.join(top, 'work')
    // What the examples name: a content folder where they run, ../my-reports, posts to import.
    const data = await makeContent(
      { 'reports/barcelona.md': report('title: Barcelona notes\nconference: kubecon-eu-2019\nsummary: Notes.', '## Service mesh in practice {.talk}\n\nIstio, Linkerd and Prometheus; security for every cluster.') },
      false,
      path.join(root, 'content'),
    )
    const { cp, mkdir } = await import('node:fs/promises')
    await cp(data, path.join(work, 'content'), { recursive: true })
    await cp(data, path.join(top, 'my-reports'), { recursive: true })
    await mkdir(path.join(home, 'Downloads'), { recursive: true })
    await cp(path.join(root, 'test/fixtures/seeds/000_5e19b872f874138c.txt'), path.join(home, 'Downloads/kubecon-post.txt'))
    await mkdir(path.join(top, 'blog/content/posts'), { recursive: true })
    await cp(path.join(root, 'test/fixtures/import/city-in-description/post.md'), path.join(top, 'blog/content/posts/kubecon.md'))
    await writeFile(path.join(work, 'notes.md'), '# Notes from San Diego\n\n## Opening keynote\n\nWhat the keynote said about contributors.\n')

    const recapArgs = (await scripts()) as Record<string, string>
    let ran = 0
    for (const command of ['build', 'new', 'import', 'check', 'search', 'serve', 'dev']) {
      const help = await runCli([command, '--help'], work)
      const examples = [...help.stdout.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]!.replace(/\s+#.*$/, ''))
      for (const example of examples) {
        for (const step of example.split(' && ')) {
          const [npm, run, script, dashes, ...rest] = words(step, home)
          expect([npm, run], step).toEqual(['npm', 'run'])
          const recap = recapArgs[script!]!.replace(/^node bin\/recap\.js ?/, '').split(' ').filter(Boolean)
          const args = [...recap, ...(dashes === '--' ? rest : [dashes, ...rest].filter((w): w is string => w !== undefined))]
          // npm runs a script in the project folder: an output folder there must be dist/, never public/ or content/.
          const out = args.indexOf('--out')
          if (args[0] === 'build' && out > 0) {
            const at = path.resolve(root, args[out + 1]!)
            expect(at === path.join(root, 'dist') || path.relative(root, at).startsWith('..'), `${step}: --out inside the project`).toBe(true)
          }
          if (args[0] === 'serve' || args[0] === 'dev') {
            // A server stays up: started on any free port, then stopped.
            const child = spawn(process.execPath, [path.join(root, 'bin/recap.js'), ...args, '--port', '0'], { cwd: work })
            const said = await new Promise<string>((resolve) => {
              let out = ''
              child.stdout.on('data', (c: Buffer) => (out += c.toString()) && /^Serving /m.test(out) && resolve(out))
              child.stderr.on('data', (c: Buffer) => resolve((out += c.toString())))
              child.on('exit', () => resolve(out))
            })
            child.kill()
            expect(said, step).toMatch(/^Serving /m)
          } else {
            const result = await runCli(args, work)
            expect(result.stderr, step).toBe('')
            expect(result.code, step).toBe(0)
          }
          ran++
        }
      }
    }
    expect(ran).toBeGreaterThan(10)
  }, 120_000)
})

describe('usage errors and --version', () => {
  it('shows the error and one line pointing at --help, not the whole help', async () => {
    const unknown = await runCli(['build', '--bogus'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe(`error: unknown option '--bogus'\nRun "recap build --help" to see its options and examples.\n`)
    const command = await runCli(['bogus'])
    expect(command.stderr).toBe(`error: unknown command 'bogus'\nRun "recap --help" to see the commands.\n`)
  })

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag])
      expect(result.code).toBe(0)
      expect(result.stdout).toBe(`${version}\n`)
    }
  })
})
