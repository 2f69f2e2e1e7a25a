/** Speakers as data: names told from companies and phrases, affiliations kept apart. */
import { describe, expect, it } from 'vitest'
import { readHeading } from '../../src/parse/structure/heading-signals.ts'
import { isPersonName, readSpeakers } from '../../src/parse/structure/speakers.ts'

describe('telling a name from other words', () => {
  it.each(['Mark McBride', 'Raymond de Jong', 'Tomasz Wiśniewski', "Aoife O'Neil", 'J. R. Smith', 'Jean-Luc Picard'])('%s is a name', (name) => {
    expect(isPersonName(name)).toBe(true)
  })
  it.each(['Red Hat', 'Turbine Labs', 'Kubernetes Is Hard', 'Technical Product Manager', 'Google', 'The Calm', 'Day Two', 'CNCF Ambassador'])('%s is not', (text) => {
    expect(isPersonName(text)).toBe(false)
  })
})

describe('reading speakers', () => {
  it('reads "Name, Company" as one speaker with an affiliation', () => {
    expect(readSpeakers('Rafael Souza, Lumen Games')).toEqual([{ name: 'Rafael Souza', affiliation: 'Lumen Games' }])
  })
  it('reads several speakers joined by &, and, ; or brackets', () => {
    expect(readSpeakers('Ada Lovelace (Engines) & Alan Turing, Bletchley')).toEqual([
      { name: 'Ada Lovelace', affiliation: 'Engines' },
      { name: 'Alan Turing', affiliation: 'Bletchley' },
    ])
    expect(readSpeakers('Ahmed Karim (Sandbar), Lucia Romero (Sandbar)')).toEqual([
      { name: 'Ahmed Karim', affiliation: 'Sandbar' },
      { name: 'Lucia Romero', affiliation: 'Sandbar' },
    ])
  })
  it('refuses text that does not start with a name', () => {
    expect(readSpeakers('And That Matters')).toBeUndefined()
    expect(readSpeakers('the end of the day')).toBeUndefined()
  })
})

describe('splitting a heading', () => {
  it.each([
    ['Moving to Envoy - Dana Whitfield, Larkspur Labs, Inc (Advanced Skill Level)', 'Moving to Envoy', ['Dana Whitfield'], undefined],
    ['Keynote: Opening Remarks - Jordan Reyes', 'Opening Remarks', ['Jordan Reyes'], 'keynote'],
    ['GitOps at a Bank by Teodor Marin', 'GitOps at a Bank', ['Teodor Marin'], undefined],
    ['1. Platform Lessons, Hugo Martens', 'Platform Lessons', ['Hugo Martens'], undefined],
    ['Operating Etcd at Scale (Tutorial)', 'Operating Etcd at Scale', [], 'workshop'],
    ['Lessons Learned - The Hard Way', 'Lessons Learned - The Hard Way', [], undefined],
    ['Tomas Lindgren - Fernbank - The Evolution of Automation', 'The Evolution of Automation', ['Tomas Lindgren'], undefined],
    ['Amara Nwosu (Cobalt) How do I run my services in production?', 'How do I run my services in production?', ['Amara Nwosu'], undefined],
    ['Marta Quillfeather - Slack - Keynote', 'Marta Quillfeather - Slack - Keynote', ['Marta Quillfeather'], 'keynote'],
    ['Piotr Zielinski - Staff Developer Advocate, Lumen', 'Piotr Zielinski - Staff Developer Advocate, Lumen', ['Piotr Zielinski'], undefined],
    ['Going Elastic - Scaling Search', 'Going Elastic - Scaling Search', [], undefined],
    ['Ignite Talks', 'Ignite Talks', [], 'lightning'],
    ['Migrating Clusters with Zero Downtime Tobias Lind & Sean Okafor', 'Migrating Clusters with Zero Downtime', ['Tobias Lind', 'Sean Okafor'], undefined],
    ['Pipelines & Policy', 'Pipelines & Policy', [], undefined],
    ['Desmond Okafor\nContinuous Testing in the World of APIs', 'Continuous Testing in the World of APIs', ['Desmond Okafor'], undefined],
    ['Scaling Queues at Night\nRosa Lindqvist', 'Scaling Queues at Night', ['Rosa Lindqvist'], undefined],
  ])('%s', (heading, title, names, kind) => {
    const signals = readHeading(heading)
    expect(signals.title).toBe(title)
    expect(signals.speakers.map((s) => s.name)).toEqual(names)
    expect(signals.kind).toBe(kind)
  })

  it('tells a person with their job from a talk', () => {
    expect(readHeading('Piotr Zielinski - Staff Developer Advocate, Lumen')).toMatchObject({ personOnly: true, speakers: [{ name: 'Piotr Zielinski', affiliation: 'Staff Developer Advocate, Lumen' }] })
    expect(readHeading('Tomas Lindgren - Fernbank - The Evolution of Automation')).toMatchObject({ personOnly: false, speakerFirst: true, speakers: [{ name: 'Tomas Lindgren', affiliation: 'Fernbank' }] })
  })
})
