/**
 * People: one record per person however the reports spell them, people.yml merging what a
 * spelling cannot tell, and its mistakes reported with file, line and field.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { linkPeople, personKey, type SpokenSection } from '../../src/link/people.ts'
import { readSite } from '../../src/pipeline.ts'
import { makeContent, minimalFrontMatter, removeDir, report, runCli } from '../helpers.ts'

const session = (id: string, speakers: string[], topics: string[] = [], projects: string[] = []): SpokenSection => ({
  id,
  speakers: speakers.map((s) => {
    const m = /^(.+?) \((.+)\)$/.exec(s)
    return m ? { name: m[1]!, affiliation: m[2]! } : { name: s }
  }),
  topics,
  projects,
})

describe('people', () => {
  it('reads one person from spellings that differ in case, accents, dots and spacing', () => {
    expect(personKey('Jane  Roe')).toBe(personKey('jane roe'))
    expect(personKey('Jané Roe')).toBe(personKey('Jane Roe'))
    expect(personKey('J. R. Tolkien')).toBe(personKey('J R Tolkien'))
    expect(personKey('Łukasz Nowak')).toBe(personKey('Lukasz Nowak'))
    expect(personKey('Jane Roe')).not.toBe(personKey('Jane Rowe'))
  })

  it('merges the sessions of one person, counts their topics and projects, and gives stable unique ids', () => {
    const result = linkPeople(
      [
        session('a/one', ['Jane Roe (Acme)', 'Łukasz Nowak'], ['mesh'], ['istio']),
        session('b/two', ['jane roe (Beta Corp)'], ['mesh', 'security']),
        session('c/three', ['Łukasz  Nowak', 'Lukasz Nowak']),
        session('d/four', ['Lukasz-Nowak']),
        session('e/five', ['Jane Rowe']),
      ],
      [],
    )
    expect(result.people.map((p) => [p.id, p.name, p.sessions])).toEqual([
      ['jane-roe', 'Jane Roe', ['a/one', 'b/two']],
      // Named twice on c/three, once per spelling: one speaker of it.
      ['jane-rowe', 'Jane Rowe', ['e/five']],
      ['lukasz-nowak', 'Łukasz Nowak', ['a/one', 'c/three', 'd/four']],
    ])
    // Two people whose names give one slug get two pages.
    const twins = linkPeople([session('a/one', ['Jo Ann']), session('b/two', ['Jo-Ann'])], [{ id: 'jo-ann', name: 'Someone Else', aliases: [] }])
    expect(twins.people.map((p) => p.id)).toEqual(['jo-ann-2'])
    const jane = result.people[0]!
    expect(jane.affiliations).toEqual(['Acme', 'Beta Corp'])
    expect(jane.topics).toEqual([{ id: 'mesh', count: 2 }, { id: 'security', count: 1 }])
    expect(jane.projects).toEqual([{ id: 'istio', count: 1 }])
    expect(result.ofSection.get('b/two')).toEqual([{ person: 'jane-roe', affiliation: 'Beta Corp' }])
    // Each with their sessions on the topic or project, most first.
    expect(result.ofTopic.get('mesh')).toEqual([{ person: 'jane-roe', count: 2 }, { person: 'lukasz-nowak', count: 1 }])
    expect(result.ofTopic.get('security')).toEqual([{ person: 'jane-roe', count: 1 }])
    expect(result.ofProject.get('istio')).toEqual([{ person: 'jane-roe', count: 1 }, { person: 'lukasz-nowak', count: 1 }])
  })

  it('takes the name, id and aliases people.yml declares, and lists nobody without a session', () => {
    const result = linkPeople([session('a/one', ['J. Roe']), session('b/two', ['Jane Roe'])], [
      { id: 'jroe', name: 'Jane Roe', aliases: ['J. Roe'] },
      { id: 'nobody', name: 'No Body', aliases: [] },
    ])
    expect(result.people.map((p) => [p.id, p.name, p.sessions, p.aliases])).toEqual([['jroe', 'Jane Roe', ['a/one', 'b/two'], ['J. Roe']]])
    expect(result.people[0]!.url).toBe('speakers/jroe/')
  })

  it('links the speakers of a built site to one page per person, with people.yml', async () => {
    const dir = await makeContent({
      'people.yml': '- id: ana\n  name: Ana Lind\n  aliases: [A. Lind]\n',
      'reports/one.md': report(minimalFrontMatter, '## Custom controllers {.talk speakers="A. Lind"}\n\nThe operator pattern, step by step.'),
      'reports/two.md': report(minimalFrontMatter.replace('A test report', 'Another'), '## More controllers {.talk speakers="Ana Lind"}\n\nAgain.'),
    })
    const { site } = await readSite(dir)
    expect(site.people.map((p) => [p.id, p.sessions.length])).toEqual([['ana', 2]])
    expect(site.section.get('one/custom-controllers')!.people).toEqual([{ person: 'ana' }])
    expect(site.topic.get('operators')!.speakers).toEqual([{ person: 'ana', count: 1 }])
    await removeDir(dir)
  })

  it('reports a people.yml name given to two people, and a bad entry, with file, line and field', async () => {
    const dir = await makeContent({
      'people.yml': '- id: jane\n  name: Jane Roe\n- id: other\n  name: Other Person\n  aliases: [jane roe]\n',
      'reports/one.md': report(minimalFrontMatter, 'Text.'),
    })
    const result = await runCli(['check', '--content', dir], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/people\.yml:5:\d+\s+\[1\]\.aliases\[0\]: "jane roe" is already a name of jane/)
    expect(result.stderr).not.toMatch(/\n\s+at /)

    await writeFile(path.join(dir, 'people.yml'), '- id: Bad Id\n  name: X Y\n')
    const bad = await runCli(['check', '--content', dir], dir)
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/people\.yml:1:\d+\s+\[0\]\.id: expected an id/)
    await removeDir(dir)
  })
})
