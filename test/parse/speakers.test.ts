/** Speakers as data: names told from companies and phrases, affiliations kept apart. */
import { describe, expect, it } from 'vitest'
import { readHeading } from '../../src/parse/structure/heading-signals.ts'
import { isPersonName, readByline, readsAsAffiliation, readSpeakers } from '../../src/parse/structure/speakers.ts'

describe('telling a name from other words', () => {
  it.each(['Mark McBride', 'Raymond de Jong', 'Tomasz Wiśniewski', "Aoife O'Neil", 'J. R. Smith', 'Jean-Luc Picard'])('%s is a name', (name) => {
    expect(isPersonName(name)).toBe(true)
  })
  it.each(['Red Hat', 'Turbine Labs', 'Kubernetes Is Hard', 'Technical Product Manager', 'Google', 'The Calm', 'Day Two', 'CNCF Ambassador', 'Conference Profile', 'Conference Slides', "Brightwater's Lena Fischer"])('%s is not', (text) => {
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

describe('a comment after a name is no affiliation', () => {
  it.each(['Acme', 'Acme Labs', 'University of Oslo', 'Head of Platform at Acme', 'staff engineer at Cobalt', 'eBay', '@inesm, trainer', 'Director of Ecosystem, CNCF'])('%s reads as an affiliation', (text) => {
    expect(readsAsAffiliation(text)).toBe(true)
  })
  it.each(['loved the demos', 'who showed the new solver', 'which was the funniest talk', 'He kept it practical', 'Great.', 'A talk about safety and stability', 'slides online', 'Amazing!'])('%s reads as a comment', (text) => {
    expect(readsAsAffiliation(text)).toBe(false)
  })

  it('keeps the name and drops the comment, in every form a speaker is written', () => {
    expect(readSpeakers('Grace Hopper - loved the demos.')).toEqual([{ name: 'Grace Hopper' }])
    expect(readSpeakers('Barbara Liskov, who showed the new solver')).toEqual([{ name: 'Barbara Liskov' }])
    expect(readSpeakers('Yusuf Okonjo (who I met at dinner)')).toEqual([{ name: 'Yusuf Okonjo' }])
    expect(readSpeakers('Jane Doe (Acme)')).toEqual([{ name: 'Jane Doe', affiliation: 'Acme' }])
  })

  it.each(['independent', 'freelance', 'formerly at Acme', 'the Rust core team', 'PSF board'])('%s reads as an affiliation in lower case too', (text) => {
    expect(readsAsAffiliation(text)).toBe(true)
  })
  it.each(['independent consultant', 'Rust infra', 'docs team', 'Red Hat'])('(%s) in brackets after a name reads as an affiliation', (text) => {
    expect(readsAsAffiliation(text, true)).toBe(true)
  })
  it.each(['she/her', 'recorded, sadly', 'great talk', 'slides here', 'joining remotely', '2019', 'who I met at dinner', 'with live demos'])('(%s) in brackets after a name reads as a comment', (text) => {
    expect(readsAsAffiliation(text, true)).toBe(false)
  })
  it('keeps lower-case words that are no affiliation out of one outside brackets', () => {
    expect(readsAsAffiliation('independent consultant')).toBe(true)
    expect(readsAsAffiliation('rust infra')).toBe(false)
    expect(readsAsAffiliation('a small startup')).toBe(false)
  })

  it('reads "Name from Company", "of" and "at" as a name and an affiliation', () => {
    expect(readSpeakers('John Smith from Quillstone')).toEqual([{ name: 'John Smith', affiliation: 'Quillstone' }])
    expect(readSpeakers('Mary Major of Brightwater Systems')).toEqual([{ name: 'Mary Major', affiliation: 'Brightwater Systems' }])
    expect(readSpeakers('John Smith from the start')).toBeUndefined()
  })
})

describe('reading a byline that goes on with a comment', () => {
  it.each([
    ['Jorge Aparicio: a follow-up to last year.', [{ name: 'Jorge Aparicio' }], 'a follow-up to last year.'],
    ['Ada Lovelace. Great for newcomers.', [{ name: 'Ada Lovelace' }], 'Great for newcomers.'],
    ['Mateo Rossi! The best demo of the week.', [{ name: 'Mateo Rossi' }], 'The best demo of the week.'],
    ['Grace Hopper - loved the demos.', [{ name: 'Grace Hopper' }], 'loved the demos.'],
    ['Barbara Liskov, who showed the new solver, and more.', [{ name: 'Barbara Liskov' }], 'who showed the new solver, and more.'],
    ['Yusuf Okonjo (who I met at dinner)', [{ name: 'Yusuf Okonjo' }], '(who I met at dinner)'],
    ['Jane Doe (Acme) - loved it', [{ name: 'Jane Doe', affiliation: 'Acme' }], 'loved it'],
    ['Jane Roe, Acme Labs: she wrote the library.', [{ name: 'Jane Roe', affiliation: 'Acme Labs' }], 'she wrote the library.'],
    ['Soren Halvorsen where he walks through it', [{ name: 'Soren Halvorsen' }], 'where he walks through it'],
    ['Ada Lovelace & Alan Turing: a fine double act', [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }], 'a fine double act'],
    ['Ines Marchetti at the main stage, packed as ever', [{ name: 'Ines Marchetti' }], 'at the main stage, packed as ever'],
    ['John Smith from the Rust core team, who wrote it', [{ name: 'John Smith', affiliation: 'the Rust core team' }], 'who wrote it'],
  ])('%s', (text, speakers, comment) => {
    expect(readByline(text)).toEqual({ speakers, comment })
  })

  it('reads a byline without a comment as plain speakers', () => {
    expect(readByline('Rafael Souza, Lumen Games')).toEqual({ speakers: [{ name: 'Rafael Souza', affiliation: 'Lumen Games' }] })
    expect(readByline('Ines Morrow, @inesm, trainer')).toEqual({ speakers: [{ name: 'Ines Morrow', affiliation: '@inesm, trainer' }] })
  })

  it('never reads a person out of the comment or a lower-case phrase', () => {
    expect(readByline('the end of the day: Ada Lovelace')).toBeUndefined()
    expect(readByline('maddog in which both speakers remind us')).toBeUndefined()
    expect(readByline('Friday, everyone was tired')).toBeUndefined()
  })
})

describe('splitting a line that names a talk, its speaker and a comment', () => {
  it.each([
    ['Safety in Embedded Rust by Jorge Aparicio: a follow-up to last year.', 'Safety in Embedded Rust', [{ name: 'Jorge Aparicio' }], 'a follow-up to last year.'],
    ['Const Generics Today by Grace Hopper - loved the demos.', 'Const Generics Today', [{ name: 'Grace Hopper' }], 'loved the demos.'],
    ['Trait Solver News by Barbara Liskov, who showed the new solver, and a demo by Alan Turing.', 'Trait Solver News', [{ name: 'Barbara Liskov' }], 'who showed the new solver, and a demo by Alan Turing.'],
    ['Epsilon Values by Omar Haddad - Lumen Games', 'Epsilon Values', [{ name: 'Omar Haddad', affiliation: 'Lumen Games' }], undefined],
    ['Macros by Example by Ingrid Solberg', 'Macros by Example', [{ name: 'Ingrid Solberg' }], undefined],
  ])('%s', (line, title, speakers, comment) => {
    const signals = readHeading(line)
    expect(signals.title).toBe(title)
    expect(signals.speakers).toEqual(speakers)
    expect(signals.comment).toBe(comment)
  })

  it('takes no speaker after "with" when a comment follows: the words were the title\'s', () => {
    expect(readHeading('Grow with Fewer Pains - Moving from Monolith to Widgets')).toMatchObject({ title: 'Grow with Fewer Pains - Moving from Monolith to Widgets', speakers: [] })
    expect(readHeading('Pairing with Jane Doe').speakers).toEqual([{ name: 'Jane Doe' }])
  })

  it('takes no comment after "with": a dinner with someone is no talk by them', () => {
    expect(readHeading('Dinner with Jane Doe: the best part of the trip').speakers).toEqual([])
  })
})
