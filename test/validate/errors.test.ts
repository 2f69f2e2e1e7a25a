/**
 * Every error a user can cause, and the exact line they get: file:line:col, the field,
 * what is wrong, what to do.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readSite } from '../../src/pipeline.ts'
import { ContentError, formatProblem } from '../../src/problems.ts'
import { makeContent, minimalFrontMatter, removeDir, report } from '../helpers.ts'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir))
})

async function errorsFor(files: Record<string, string>): Promise<string[]> {
  const dir = await makeContent(files)
  dirs.push(dir)
  try {
    await readSite(dir)
  } catch (error) {
    if (!(error instanceof ContentError)) throw error
    // Paths are shown relative to the working directory; strip the temp folder for the assertions.
    return error.problems.map((p) => formatProblem(p).replace(/^.*?(reports\/|conferences\.yml|topics\.yml|projects\.yml)/, '$1'))
  }
  return []
}

describe('content errors', () => {
  it('malformed YAML in front matter', async () => {
    expect(await errorsFor({ 'reports/a.md': '---\ntitle: A: B\nconference: kubecon-eu-2019\n---\n\nText.' })).toEqual([
      'reports/a.md:2:8  malformed YAML: Nested mappings are not allowed in compact mappings  Fix the YAML syntax; quote values that contain ": " or start with a special character.',
    ])
  })

  it('front matter that is never closed', async () => {
    expect(await errorsFor({ 'reports/a.md': '---\ntitle: A\n\nText.' })).toEqual([
      "reports/a.md:1:1  the front matter is not closed by a --- line  End the front matter with a line of --- before the report's text.",
    ])
  })

  it('a missing and a mistyped field, reported together', async () => {
    expect(await errorsFor({ 'reports/a.md': report('title: 2019\nconference: kubecon-eu-2019', 'Text.') })).toEqual([
      'reports/a.md:2:1  summary: required field is missing (expected string)  Add the field.',
      'reports/a.md:2:8  title: expected string, got number 2019  Correct the value; the README lists every field and its format.',
    ])
  })

  it('an unknown field, with the known ones as a hint', async () => {
    expect(await errorsFor({ 'reports/a.md': report(minimalFrontMatter + '\ntags: [x]', 'Text.') })).toEqual([
      'reports/a.md:5:1  tags: unknown field  Remove it or use one of: title, author, conference, published, source, summary, topics.',
    ])
  })

  it('a bad date and a bad URL', async () => {
    expect(await errorsFor({ 'reports/a.md': report(minimalFrontMatter + '\npublished: 11/05/2018\nsource: ftp://x', 'Text.') })).toEqual([
      'reports/a.md:5:12  published: expected a date like 2018-05-11  Correct the value; the README lists every field and its format.',
      'reports/a.md:6:9  source: expected an http(s) URL  Correct the value; the README lists every field and its format.',
    ])
  })

  it('an unknown conference id', async () => {
    const [line] = await errorsFor({ 'reports/a.md': report('title: A\nconference: kubecon-eu-2020\nsummary: S', 'Text.') })
    expect(line).toBe(
      'reports/a.md:3:13  conference: unknown conference id "kubecon-eu-2020"  Use one of: kubecon-eu-2017, kubecon-eu-2018, kubecon-eu-2019; or add the conference to conferences.yml.',
    )
  })

  it('an unknown topic id in front matter and in a session attribute', async () => {
    const lines = await errorsFor({ 'reports/a.md': report(minimalFrontMatter + '\ntopics: [security, blockchain]', '## T {.talk topics="quantum"}\n\nText.') })
    // Both in one pass: a front-matter error does not hide the body's.
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^reports\/a\.md:5:20 {2}topics\[1\]: unknown topic id "blockchain" {2}Use one of: service-mesh, security, .*; or add the topic to topics\.yml\.$/)
    expect(lines[1]).toMatch(/^reports\/a\.md:8:1 {2}topics: unknown topic id "quantum"/)
  })

  it('an unknown topic id in projects.yml', async () => {
    const [line] = await errorsFor({ 'projects.yml': '- id: x\n  name: X\n  topics: [nope]\n' })
    expect(line).toMatch(/^projects\.yml:3:12 {2}\[0\]\.topics\[0\]: unknown topic id "nope"/)
  })

  it('two reports with the same id', async () => {
    const lines = await errorsFor({
      'reports/2018/notes.md': report(minimalFrontMatter, 'Text.'),
      'reports/2019/notes.md': report(minimalFrontMatter, 'Text.'),
    })
    expect(lines).toEqual([
      expect.stringMatching(/^reports\/2019\/notes\.md:1:1 {2}duplicate report id "notes" {2}Ids must be unique; the first one is at .*reports\/2018\/notes\.md\. Rename one of them\.$/),
    ])
  })

  it('a duplicate id in a data file', async () => {
    const lines = await errorsFor({ 'topics.yml': '- id: a\n  name: A\n  description: D\n- id: a\n  name: B\n  description: D\n' })
    expect(lines).toEqual([expect.stringMatching(/^topics\.yml:4:3 {2}\[1\]\.id: duplicate topic id "a" {2}Ids must be unique; the first one is at .*topics\.yml:1\. Rename one of them\.$/)])
  })

  it('an empty report', async () => {
    expect(await errorsFor({ 'reports/a.md': report(minimalFrontMatter, '') })).toEqual([
      'reports/a.md:6:1  the report has no text after its front matter  Write the report below the closing --- of the front matter.',
    ])
  })

  it('a file that is not UTF-8', async () => {
    const dir = await makeContent({})
    dirs.push(dir)
    await writeFile(path.join(dir, 'reports/latin1.md'), Buffer.concat([Buffer.from(report(minimalFrontMatter, 'Caf')), Buffer.from([0xe9, 0x0a])]))
    await expect(readSite(dir)).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'notUtf8', line: 8, column: 1, message: 'the file is not valid UTF-8 text' })],
    })
  })

  it('an unknown session kind', async () => {
    expect(await errorsFor({ 'reports/a.md': report(minimalFrontMatter, 'Intro.\n\n## A panel {.panel}\n\nText.') })).toEqual([
      'reports/a.md:9:12  unknown session kind ".panel"  Use one of: .talk, .keynote, .bof, .workshop, .lightning; leave the heading unmarked for a note.',
    ])
  })

  it('a report file name that is not an id', async () => {
    expect(await errorsFor({ 'reports/My Report.md': report(minimalFrontMatter, 'Text.') })).toEqual([
      'reports/My Report.md:1:1  "My Report.md" does not give a report id (lowercase letters, digits and hyphens)  Rename the file, e.g. 2019-barcelona-notes.md; the name becomes the report URL.',
    ])
  })

  it('malformed YAML in a data file', async () => {
    const [line] = await errorsFor({ 'conferences.yml': '- id: x\n  name: [unclosed\n' })
    expect(line).toMatch(/^conferences\.yml:\d+:\d+ {2}malformed YAML: /)
  })

  it('reports every problem of every file at once', async () => {
    const lines = await errorsFor({
      'reports/a.md': report('title: A\nconference: nowhere\nsummary: S', 'Text.'),
      'reports/b.md': report('conference: kubecon-eu-2019\nsummary: S', 'Text.'),
    })
    expect(lines.map((l) => l.split('  ')[0] + ' ' + l.split('  ')[1]!.split(':')[0])).toEqual(['reports/a.md:3:13 conference', 'reports/b.md:2:1 title'])
  })
})
