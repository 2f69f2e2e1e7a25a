/**
 * Quick links: a person by any word of their name, one link per page however the reports
 * spelled the name, ranked sensibly; a long pasted query gets links only for names written
 * out in full. Each case is a small site of its own, built here.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSearchIndex, type SearchData } from '../../src/emit/search-index.ts'
import { readSite } from '../../src/pipeline.ts'
import type { DictionaryShard } from '../../src/search/format.ts'
import { Searcher } from '../../src/search/query.ts'
import { memorySource } from '../../src/search/source.ts'
import { makeContent, minimalFrontMatter, report } from '../helpers.ts'

let data: SearchData
let searcher: Searcher

beforeAll(async () => {
  const content = await makeContent({
    'reports/people.md': report(
      minimalFrontMatter,
      `
## Opening keynote {.keynote speakers="Rosa Vint"}

Where the project goes next.

## Closing keynote {.keynote speakers="Rosa Vint"}

What the year brought.

## Quiet failures {.talk speakers="Rosa Kell"}

Alerts that never fire.

## Ledger design {.talk speakers="Vint Marlow"}

Append-only ledgers.

## One person, four spellings {.talk speakers="Ａｌｉｃｅ Ｓｍｉｔｈ, Alice Smith, ALICE SMITH, alice  smith"}

Spelled four ways in one schedule.

## Meshes everywhere {.talk speakers="Dee Mesh"}

A service mesh talk by someone named Mesh.
`,
    ),
  })
  data = buildSearchIndex((await readSite(content)).site).data
  searcher = new Searcher(memorySource(data))
})

/** The quick links of a query, as "type:name url". */
const links = async (q: string, prefix = false) => (await searcher.search(q, {}, { prefix })).links.map((l) => `${l.type}:${l.name} ${l.url}`)

describe('quick links to speakers', () => {
  it('match any word of a name: first name, surname, and while typing', async () => {
    expect(await links('marlow')).toEqual(['speaker:Vint Marlow speakers/vint-marlow/'])
    expect(await links('kell')).toEqual(['speaker:Rosa Kell speakers/rosa-kell/'])
    expect(await links('marl', true)).toEqual(['speaker:Vint Marlow speakers/vint-marlow/'])
    // A finished word is not a prefix.
    expect(await links('marl')).toEqual([])
    // In either order, and a whole name is that one person only.
    expect(await links('marlow vint')).toEqual(['speaker:Vint Marlow speakers/vint-marlow/'])
    expect(await links('rosa vint')).toEqual(['speaker:Rosa Vint speakers/rosa-vint/'])
  })

  it('rank people sharing a name by their sessions, and a whole name above a word of one', async () => {
    expect(await links('rosa')).toEqual(['speaker:Rosa Vint speakers/rosa-vint/', 'speaker:Rosa Kell speakers/rosa-kell/'])
    // "vint" is Rosa Vint's surname (two sessions) and Vint Marlow's first name (one).
    expect(await links('vint')).toEqual(['speaker:Rosa Vint speakers/rosa-vint/', 'speaker:Vint Marlow speakers/vint-marlow/'])
    // The topic "service mesh" accounts for "mesh": Dee Mesh is not offered for it.
    expect(await links('service mesh')).toEqual(['topic:Service mesh topics/service-mesh/'])
    expect(await links('mesh')).toContain('speaker:Dee Mesh speakers/dee-mesh/')
  })

  it('give one link per person, under the name their page shows, however it was spelled', async () => {
    const site = (await searcher.search('alice smith', {}, { prefix: false })).links
    expect(site).toHaveLength(1)
    expect(site[0]!.url).toBe('speakers/alice-smith/')
    for (const q of ['ALICE SMITH', 'Ａｌｉｃｅ', 'smith', 'alice  smith']) {
      expect((await searcher.search(q, {}, { prefix: false })).links.map((l) => [l.name, l.url]), q).toEqual([[site[0]!.name, 'speakers/alice-smith/']])
    }
    // The index holds the person once per word of the name (shards "a" and "s"), with no
    // spelling that searches the same as the name.
    const entries = [...data.chunks.values()].flatMap((c) => ((c as Partial<DictionaryShard>).people ?? []).filter((p) => p[1] === 'speakers/alice-smith/'))
    expect(entries).toHaveLength(2)
    expect(entries[0]).toEqual([site[0]!.name, 'speakers/alice-smith/', 1])
  })
})

describe('quick links for a long query', () => {
  const paragraph = 'notes from the hallway: kell and marlow on ledgers, alerts, failures, dashboards, budgets, queues, retries, timeouts and caches'

  it('are offered only for names written out in full', async () => {
    // Past twelve words: "kell" and "marlow" are words of names, not names.
    expect(await links(paragraph)).toEqual([])
    expect(await links(`${paragraph} rosa kell`)).toEqual([])
    expect(await links(`rosa kell ${paragraph}`)).toEqual(['speaker:Rosa Kell speakers/rosa-kell/'])
  })

  it('never complete a word the length limit cut', async () => {
    // 500 characters end inside "servi…": not a word being typed, so nothing completes it.
    const text = 'service mesh '.repeat(60)
    const r = await searcher.search(text.trimEnd(), {}, { prefix: true })
    expect(r.words).toEqual(['service', 'mesh'])
    expect(r.links.map((l) => l.url)).toEqual(['topics/service-mesh/'])
  })
})
