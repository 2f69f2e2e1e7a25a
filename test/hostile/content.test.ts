/** Hostile report text: items 1, 4, 6, 7, 9, 12, 14, 15, 16, 17 of issue 10, each through the CLI a user runs. */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { loadData } from '../link/data.ts'
import { describe, expect, it } from 'vitest'
import { terminalSafe } from '../../src/terminal.ts'
import { root, runCli, tempDir } from '../helpers.ts'
import { goodFrontMatter, hostileContent, reportText } from './content.ts'

/** Runs the CLI from the folder that holds content/, so messages name content/reports/…. */
async function cli(content: string, args: string[]) {
  return runCli([...args, ...(args[0] === 'build' ? ['--no-cache'] : [])], path.dirname(content))
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

const controlCharacter = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/

describe('code in front matter (item 1)', () => {
  const evil = `---js\n{ title: (require('fs').writeFileSync('pwned.txt', 'ran'), 'x'), conference: 'devconf-2020', summary: 's' }\n---\n\nBody text.\n`
  const expected = 'content/reports/evil.md:1:4  front matter in "js" is not supported: Recap reads only YAML front matter and never runs code from a report  Start the file with a plain --- line and write the fields in YAML (title: …).\n'

  it.each([['check'], ['build', '--out', 'dist']])('%s runs nothing and names the file and line', async (...args) => {
    const content = await hostileContent({ 'reports/evil.md': evil })
    const result = await cli(content, args)
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0] + '\n').toBe(expected)
    expect(existsSync(path.join(path.dirname(content), 'pwned.txt'))).toBe(false)
    expect(existsSync(path.join(root, 'pwned.txt'))).toBe(false)
  })

  it('import runs nothing and writes no draft', async () => {
    const content = await hostileContent({})
    const post = path.join(path.dirname(content), 'post.md')
    await writeFile(post, evil)
    const result = await runCli(['import', 'post.md', '--content', 'content'], path.dirname(content))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('front matter in "js" is not supported: Recap reads only YAML front matter and never runs code from a report')
    expect(existsSync(path.join(path.dirname(content), 'pwned.txt'))).toBe(false)
    expect(readdirSync(path.join(content, 'reports'))).toEqual([])
  })
})

describe('control characters (item 6)', () => {
  it('are shown as visible escapes on the terminal', () => {
    expect(terminalSafe('\x1b[2J\x1b]0;owned\x07ok\r\u202eevil\tkept\n')).toBe('\\x1b[2J\\x1b]0;owned\\x07ok\\x0d\\u202eevil\tkept\n')
  })

  it('in a file name: check prints the name escaped', async () => {
    const content = await hostileContent({ 'reports/a\x1b[2J\x1b]0;owned\x07.md': reportText(goodFrontMatter, 'Text.') })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.code).toBe(1)
    expect(result.stderr).not.toMatch(controlCharacter)
    expect(result.stderr).toContain('content/reports/a\\x1b[2J\\x1b]0;owned\\x07.md:1:1  "a\\x1b[2J\\x1b]0;owned\\x07.md" does not give a report id')
  })

  it('a line break in a file name cannot fake a line of output', async () => {
    const content = await hostileContent({ 'reports/a\n1 report checked: no problems.md': reportText(goodFrontMatter, 'Text.') })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe(
      'content/reports/a\\n1 report checked: no problems.md:1:1  "a\\n1 report checked: no problems.md" does not give a report id (lowercase letters, digits and hyphens)  Rename the file, e.g. 2019-barcelona-notes.md; the name becomes the report URL.',
    )
  })

  it('in a query: search echoes it escaped', async () => {
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, 'Some text about security.') })
    expect((await cli(content, ['build', '--content', 'content', '--out', 'dist'])).code).toBe(0)
    const result = await cli(content, ['search', '--out', 'dist', 'zzqx\x1b[2J'])
    expect(result.stdout).toBe('No results for "zzqx\\x1b[2J".\n')
  })

  it('never reach the pages, the data or the search index', async () => {
    const content = await hostileContent({
      'reports/notes.md': reportText(
        'title: "Esc \\e[2J and bell \\a"\nconference: devconf-2020\nsummary: "C1 \\x9b31m here"',
        '## Heading \x1b]0;owned\x07 here {.talk}\n\nText with \x1b[31mred\x1b[0m and \x00 nul.\n\n<p title="&#27;[2J">raw &#27;[2J &#x9b; html</p>',
      ),
    })
    const result = await cli(content, ['build', '--content', 'content', '--out', 'dist'])
    expect(result.code).toBe(0)
    const files = allFiles(path.join(path.dirname(content), 'dist'))
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) expect(readFileSync(file, 'latin1').replace(/[\x80-\xff]/g, ''), file).not.toMatch(controlCharacter)
    const page = await readFile(path.join(path.dirname(content), 'dist/reports/notes/index.html'), 'utf8')
    expect(page).not.toMatch(controlCharacter)
    expect(page).toContain('Esc [2J and bell')
  })
})

describe('nesting a few thousand levels deep (item 7)', () => {
  const deep = 3000
  // [name, body, what, line]: the body starts on line 9 of the file, after the front matter and an introduction.
  const cases: [string, string, string, number][] = [
    ['quotes', '>'.repeat(deep) + ' x', 'lists and quotes', 9],
    ['list markers', '- '.repeat(deep) + 'x', 'lists and quotes', 9],
    // The 101st level, on the 101st line.
    ['indented lists', Array.from({ length: deep }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n'), 'lists and quotes', 109],
    ['HTML', '<div>'.repeat(deep) + 'x' + '</div>'.repeat(deep), 'HTML elements', 9],
    ['emphasis', '*a '.repeat(deep) + 'x' + ' a*'.repeat(deep), 'emphasis and links', 9],
    ['strong runs', '*'.repeat(deep) + 'x' + '*'.repeat(deep), 'emphasis and links', 9],
    ['links', '['.repeat(deep) + 'x' + '](u)'.repeat(deep), 'emphasis and links', 9],
  ]
  it.each(cases)('%s: check answers with the file and line', async (_name, body, what, line) => {
    const content = await hostileContent({ 'reports/deep.md': reportText(goodFrontMatter, `Intro.\n\n${body}`) })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe(
      `content/reports/deep.md:${line}:1  ${what} are nested more than 100 levels deep here  Flatten the nesting: nothing Recap reads needs that many levels, and it could not be read safely.`,
    )
  })

  it('build answers the same way and writes nothing', async () => {
    const content = await hostileContent({ 'reports/deep.md': reportText(goodFrontMatter, '>'.repeat(deep) + ' x') })
    const result = await cli(content, ['build', '--content', 'content', '--out', 'dist'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^content\/reports\/deep\.md:7:1 {2}lists and quotes are nested more than 100 levels deep here/)
    expect(existsSync(path.join(path.dirname(content), 'dist'))).toBe(false)
  })

  it('ordinary nesting is left alone', async () => {
    const body = '- a\n  - b\n    - c\n\n> quote\n> > inner\n\n***bold italic*** and [a [link]](u) <div><span>x</span></div> snake_case_name'
    const content = await hostileContent({ 'reports/ok.md': reportText(goodFrontMatter, body) })
    expect((await cli(content, ['check', '--content', 'content'])).code).toBe(0)
  })
})

describe('text that made a regular expression backtrack', () => {
  // Each took minutes before: a regex retried from every "<" (or every space) to the end of the text.
  it.each([
    ['raw HTML with many "<" and no ">"', `<div>\n${'<'.repeat(300_000)}`],
    ['a tag name that never ends', `Text <${'a'.repeat(300_000)}`],
  ])('%s is read at once', async (_name, body) => {
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, `Intro.\n\n${body}\n\n## Talk {.talk}\n\nText.`) })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  }, 60_000)

  it('a heading with a long run of spaces is read at once, attributes and all', async () => {
    const body = `## Ada ${' '.repeat(400_000)} talks {.talk}\n\nText.\n\n## Grace${' '.repeat(400_000)}x\n\nMore.`
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, body) })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/1 report, 2 sections checked/)
  }, 60_000)
})

describe('slugs (items 4 and 9)', () => {
  it('headings with nothing to slug or too many words get pages of their own, never the report page', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')
    const body = `## ... {.talk}\n\nFirst.\n\n## 🎉\n\nSecond.\n\n## Section\n\nThird.\n\n## ${long}\n\nFourth.\n\n## ${long} {.talk}\n\nFifth.`
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, body) })
    const result = await cli(content, ['build', '--content', 'content', '--out', 'dist'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const dist = path.join(path.dirname(content), 'dist')
    const sections = (await loadData(dist)).sections as unknown as { id: string; url: string }[]
    const ids = sections.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const s of sections) {
      const slug = s.id.split('/')[1]!
      expect(slug.length).toBeGreaterThan(0)
      expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(100)
      expect(existsSync(path.join(dist, s.url.replace(/^\//, ''), 'index.html'))).toBe(true)
    }
    expect(await readFile(path.join(dist, 'reports/notes/index.html'), 'utf8')).toContain('<h1>Notes</h1>')
  })

  it('a #id too long for a file name is an error with its line', async () => {
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, `## Talk {.talk #${'x'.repeat(300)}}\n\nText.`) })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe(
      'content/reports/notes.md:7:1  #id: malformed heading attributes: the #id is 300 characters long; use at most 100  Write them like {.talk speakers="Ada Lovelace, Alan Turing" topics="security"}.',
    )
  })

  it('a speaker with no letters is an error with its line, and nothing is built', async () => {
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, `## Talk {.talk speakers="Ada Lovelace, 🚀"}\n\nText.`) })
    const result = await cli(content, ['build', '--content', 'content', '--out', 'site'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toMatch(/^content\/reports\/notes\.md:7:\d+ .*the speaker "🚀" has no letters; write the speaker's name, or take it out of speakers="…"/)
    expect(existsSync(path.join(content, '..', 'site'))).toBe(false)
  })

  it('an id in a data file too long for a file name is an error with its line', async () => {
    const content = await hostileContent({ 'topics.yml': `- id: ${'t'.repeat(200)}\n  name: T\n  description: D.\n` })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('content/topics.yml:1:7  [0].id: expected an id of at most 100 characters')
  })
})

describe('dates, passes, links and lists (items 12, 14, 15)', () => {
  it('2019-02-30 is not a date', async () => {
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter + '\npublished: 2019-02-30', 'Text.') })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe(
      'content/reports/notes.md:5:12  published: not a real calendar date (check the month and the day)  Correct the value; the README lists every field and its format.',
    )
  })

  it('front-matter and body errors of one file come in one pass', async () => {
    const content = await hostileContent({ 'reports/notes.md': reportText('title: Notes\nconference: devconf-2020', '## Talk {.tlak}\n\nText.') })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'content/reports/notes.md:2:1  summary: required field is missing (expected text)  Add the field.',
      'content/reports/notes.md:6:9  unknown session kind ".tlak"  Use one of: .talk, .keynote, .bof, .workshop, .lightning; leave the heading unmarked for a note.',
    ])
  })

  it('a report linked from inside the content folder is read; one linked from outside is refused with its name', async () => {
    const content = await hostileContent({ 'drafts/kept.md': reportText(goodFrontMatter, 'Text.') })
    await writeFile(path.join(path.dirname(content), 'secret.md'), reportText(goodFrontMatter, 'Private.'))
    await symlink(path.join(content, 'drafts/kept.md'), path.join(content, 'reports/kept.md'))
    await symlink(path.join(path.dirname(content), 'secret.md'), path.join(content, 'reports/secret.md'))
    await mkdir(path.join(path.dirname(content), 'more'))
    await symlink(path.join(path.dirname(content), 'more'), path.join(content, 'reports/more'))
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'content/reports/more:1:1  this is a symbolic link to a folder; it is not read  Put the file itself in the content folder: links are followed only to files inside the content folder, never to folders.',
      'content/reports/secret.md:1:1  this is a symbolic link to a file outside the content folder; it is not read  Put the file itself in the content folder: links are followed only to files inside the content folder, never to folders.',
    ])
    expect(result.stderr).not.toContain('kept.md')
  })

  it('an empty conferences.yml gives a hint that helps', async () => {
    const content = await hostileContent({ 'conferences.yml': '', 'reports/notes.md': reportText(goodFrontMatter, 'Text.') })
    const result = await cli(content, ['check', '--content', 'content'])
    expect(result.stderr.split('\n')[0]).toBe(
      'content/reports/notes.md:3:13  conference: unknown conference id "devconf-2020"  conferences.yml lists no conferences yet: add this one there (id, name, year, city).',
    )
  })
})

describe('search words that start with "-" (item 16)', () => {
  it.each([[['-security']], [['--', '-security']], [['text', '-security', '--limit', '2']]])('recap search %j', async (words) => {
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, 'Some text about security.') })
    expect((await cli(content, ['build', '--content', 'content', '--out', 'dist'])).code).toBe(0)
    const result = await cli(content, ['search', '--out', 'dist', ...words])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })
})

describe('search options that are mistyped', () => {
  it('--limt is not taken for a word, and the message says how to search for it', async () => {
    const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, 'Some text about security.') })
    expect((await cli(content, ['build', '--content', 'content', '--out', 'dist'])).code).toBe(0)
    const result = await cli(content, ['search', '--out', 'dist', 'security', '--limt', '3'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('error: unknown option \'--limt\'. To search for it, put the query after --: recap search -- "--limt"\n')
    expect((await cli(content, ['search', '--out', 'dist', '--', '--limt'])).code).toBe(0)
  })
})

describe('many reports (item 8)', () => {
  it('loads 1,500 reports under a limit of 128 open files', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 1500; i++) files[`reports/r${i}.md`] = reportText(goodFrontMatter, `Text ${i}.`)
    const content = await hostileContent(files)
    const script = `
      import { loadContent } from ${JSON.stringify(path.join(root, 'src/load/content.ts'))}
      const loaded = await loadContent(${JSON.stringify(content)})
      console.log(loaded.reports.length, loaded.problems.length)
    `
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', `ulimit -n 128 && exec "${process.execPath}" --import tsx --input-type=module -e "$0"`, script], { cwd: root }).catch(
      (e: { stdout: string; stderr: string }) => e,
    )
    expect(stderr).not.toMatch(/EMFILE/)
    expect(stdout.trim()).toBe('1500 0')
  }, 30_000)
})

describe('the locale (item 17)', () => {
  it('LANG=tr_TR.UTF-8 and LANG=en_US.UTF-8 builds are byte-identical', async () => {
    const reports: Record<string, string> = {}
    const titles = ['Ib', 'ia', 'İz', 'ıy', 'Ia', 'iz', 'Äa', 'Zz', 'ch', 'Cz']
    titles.forEach((t, i) => (reports[`reports/r${i}.md`] = reportText(`title: ${t}\nconference: devconf-2020\nsummary: About ${t}.\ntopics: [security]`, `## ${t} talk {.talk}\n\nSecure ${t}.`)))
    const topics = titles.map((t, i) => `- id: t${i}\n  name: ${t}\n  description: D.\n  aliases: [${t.toLowerCase()}x]\n`).join('')
    const content = await hostileContent({ ...reports, 'topics.yml': `- id: security\n  name: Security\n  description: S.\n  aliases: [secure]\n` + topics })
    const builds: Record<string, string> = {}
    for (const lang of ['tr_TR.UTF-8', 'en_US.UTF-8']) {
      const out = path.join(await tempDir(), 'dist')
      await promisify(execFile)(process.execPath, [path.join(root, 'bin/recap.js'), 'build', '--content', content, '--out', out, '--no-cache'], {
        env: { ...process.env, LANG: lang, LC_ALL: lang },
      })
      builds[lang] = allFiles(out)
        .sort()
        .map((f) => `${path.relative(out, f)}\n${readFileSync(f, 'utf8')}`)
        .join('\n')
    }
    expect(builds['tr_TR.UTF-8']).toBe(builds['en_US.UTF-8'])
  }, 60_000)
})
