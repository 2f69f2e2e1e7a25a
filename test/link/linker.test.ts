/**
 * The linker on a small content folder built for it (test/fixtures/link/two-reporters):
 * two reporters at one conference, a shared topic, a group heading, a case-sensitive
 * project, a speaker at both conferences. The expected values are worked out by hand from
 * the folder, not recomputed from the code under test.
 */
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Site } from '../../src/link/graph.ts'
import { relatedSections, type Tagged } from '../../src/link/related.ts'
import { readSite } from '../../src/pipeline.ts'
import { fixturesDir } from '../helpers.ts'

let site: Site
beforeAll(async () => {
  site = (await readSite(path.join(fixturesDir, 'link/two-reporters'))).site
})
const section = (id: string) => site.section.get(id)!

describe('linking a purpose-built folder', () => {
  it('tags sections by alias and by title, and keeps case-sensitive projects to their spelling', () => {
    expect(section('ann-2018/secrets-with-vault')).toMatchObject({ topics: ['security'], projects: ['vault'], focus: [], speakers: [{ name: 'Kim Lee' }], relatedTopics: [], group: 'Day 1' })
    // "a bank vault" is an ordinary word, not the project.
    expect(section('bob-2018/threat-model-workshop')).toMatchObject({ topics: ['security', 'storage'], projects: [], focus: ['security'] })
    expect(section('ann-2018/lunch').group).toBeUndefined()
    expect(section('ann-2018/lunch').topics).toEqual([])
  })

  it('counts trends per conference, zeros included', () => {
    const trend = (topic: string) => site.topic.get(topic)!.trend.map((p) => [p.conference, p.count, p.focus, p.total, p.share])
    expect(trend('security')).toEqual([
      ['harbourconf-2018', 2, 1, 5, 0.4],
      ['harbourconf-2019', 1, 0, 3, 0.333],
    ])
    expect(trend('storage')).toEqual([
      ['harbourconf-2018', 2, 1, 5, 0.4],
      ['harbourconf-2019', 1, 0, 3, 0.333],
    ])
    expect(trend('culture')).toEqual([
      ['harbourconf-2018', 1, 1, 5, 0.2],
      ['harbourconf-2019', 0, 0, 3, 0],
    ])
    expect(site.project.get('vault')!.trend.map((p) => p.count)).toEqual([1, 1])
  })

  it('puts two reporters on one topic side by side, and only where there are two', () => {
    const reporters = site.topic.get('security')!.reporters
    expect(reporters.map((r) => [r.conference, r.reports.map((x) => [x.report, x.mentions.map((m) => m.section)])])).toEqual([
      ['harbourconf-2018', [['ann-2018', ['ann-2018/secrets-with-vault']], ['bob-2018', ['bob-2018/threat-model-workshop']]]],
    ])
    // Storage at 2018 is Bob's twice: one reporter, no side by side.
    expect(site.topic.get('storage')!.reporters).toEqual([])
    expect(site.conference.get('harbourconf-2018')!.shared.map((t) => [t.type, t.id])).toEqual([['topic', 'security']])
    expect(site.conference.get('harbourconf-2019')!.shared).toEqual([])
  })

  it('counts co-occurring topics', () => {
    expect(site.topic.get('security')!.cooccurring).toEqual([{ topic: 'storage', count: 1 }])
    expect(site.topic.get('culture')!.cooccurring).toEqual([])
  })

  it('relates sections of other reports by rare shared topics, projects and speakers', () => {
    const related = (id: string) => site.related.get(id).map((r) => [r.section, r.score, r.shared])
    // 8 sections: security and storage are on 3 (weight ln 8/3 = 0.981), vault and each
    // repeated speaker on 2 (ln 4 = 1.386); culture, Tarpit and Sam Roe on 1 relate nothing.
    expect(related('ann-2018/secrets-with-vault')).toEqual([
      ['cat-2019/vault-one-year-later', 3.753, { topics: ['security'], projects: ['vault'], speakers: ['kim-lee'] }],
      ['bob-2018/threat-model-workshop', 0.981, { topics: ['security'], projects: [], speakers: [] }],
    ])
    // Never a section of the same report, even when it shares more.
    expect(related('bob-2018/backups-that-restore')).toEqual([['cat-2019/tarpit-for-cold-data', 2.367, { topics: ['storage'], projects: [], speakers: ['eve-park'] }]])
    expect(related('bob-2018/threat-model-workshop').map((r) => r[0])).toEqual(['ann-2018/secrets-with-vault', 'cat-2019/tarpit-for-cold-data', 'cat-2019/vault-one-year-later'])
    expect(related('ann-2018/mentoring-juniors')).toEqual([])
    expect(related('cat-2019/the-venue')).toEqual([])
  })
})

describe('related sections at scale', () => {
  // 200 sections in 100 reports: "common" is on 80 of them, far above the posting limit used
  // here; "rare-<k>" pairs up sections 2k and 2k+101 across reports.
  const sections: Tagged[] = Array.from({ length: 200 }, (_, i) => ({
    id: `r${Math.floor(i / 2)}/s${i}`,
    report: `r${Math.floor(i / 2)}`,
    topics: i % 5 < 2 ? ['common'] : [],
    projects: i < 100 && i % 2 === 0 ? [`rare-${i / 2}`] : i > 100 && i % 2 === 1 ? [`rare-${(i - 101) / 2}`] : [],
    speakers: [],
  }))
  const related = relatedSections(sections, { limit: 3, postingLimit: 10 })

  it('finds the section that shares a rare tag first', () => {
    expect(related.get('r0/s0')![0]!.section).toBe('r50/s101')
    expect(related.get('r50/s101')![0]!.section).toBe('r0/s0')
    expect(related.get('r0/s0')![0]!.shared.projects).toEqual(['rare-0'])
  })

  it('still relates sections whose only tags are common, from nearby sections', () => {
    // s1 has only "common": its related sections come from near it in that tag's postings.
    const near = related.get('r0/s1')!
    expect(near).toHaveLength(3)
    for (const r of near) {
      expect(r.shared.topics).toEqual(['common'])
      expect(r.section.startsWith('r0/')).toBe(false)
      expect(Number(r.section.split('/s')[1])).toBeLessThan(40)
    }
  })
})
