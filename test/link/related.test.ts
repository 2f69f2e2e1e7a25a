/**
 * Related sections (issue 12): the fast implementation over typed arrays must rank exactly as
 * the rule reads, written out plainly here: candidates from the postings of rare telling tags,
 * else from a window of the rarest telling tag's postings; scored on every telling tag shared,
 * summed in the other section's tag order; best score first, ties to the smaller id; five kept.
 * And tags computed ahead (next to the parse) give the same site as tags computed in linkSite.
 */
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../scripts/corpus.ts'
import { linkSite } from '../../src/link/graph.ts'
import { relatedLookup, relatedSections, type Related, type Tagged } from '../../src/link/related.ts'
import { loadContent } from '../../src/load/content.ts'
import { prepareReports } from '../../src/parse/workers.ts'
import { validateContent } from '../../src/validate/content.ts'
import { plainSite, removeDir, tempDir } from '../helpers.ts'

type Kind = 'topics' | 'projects' | 'speakers'
const kinds: Kind[] = ['topics', 'projects', 'speakers']

/** The ranking as the rule reads, with no care for speed. */
function plainRelated(sections: readonly Tagged[], limit: number, postingLimit: number): Map<string, Related[]> {
  const n = sections.length
  const tagsOf = sections.map((s) => kinds.flatMap((kind) => [...new Set(s[kind])].map((name) => ({ key: `${kind}:${name}`, kind, name }))))
  const postings = new Map<string, number[]>()
  tagsOf.forEach((tags, i) => tags.forEach((t) => postings.set(t.key, [...(postings.get(t.key) ?? []), i])))
  const count = (key: string) => postings.get(key)!.length
  const telling = (key: string) => count(key) * 2 <= n && count(key) > 1
  const result = new Map<string, Related[]>()
  sections.forEach((s, index) => {
    const mine = tagsOf[index]!.filter((t) => telling(t.key))
    const mineKeys = new Set(mine.map((t) => t.key))
    const candidates: number[] = []
    const consider = (other: number) => {
      if (!candidates.includes(other) && sections[other]!.report !== s.report) candidates.push(other)
    }
    for (const t of mine) if (count(t.key) <= postingLimit) postings.get(t.key)!.forEach(consider)
    if (candidates.length < limit) {
      const common = mine.filter((t) => count(t.key) > postingLimit)
      // Rarest first; at equal counts, the tag met first in the corpus.
      const firstSeen = (key: string) => [...postings.keys()].indexOf(key)
      common.sort((a, b) => count(a.key) - count(b.key) || firstSeen(a.key) - firstSeen(b.key))
      if (common.length > 0) {
        const list = postings.get(common[0]!.key)!
        const at = list.filter((i) => i < index).length
        const from = Math.max(0, Math.min(at - postingLimit / 2, list.length - postingLimit))
        list.slice(from, from + postingLimit).forEach(consider)
      }
    }
    const scored = candidates
      .map((other) => {
        const shared = tagsOf[other]!.filter((t) => mineKeys.has(t.key))
        const total = shared.reduce((sum, t) => sum + Math.log(n / count(t.key)), 0)
        const names = (kind: Kind) => shared.filter((t) => t.kind === kind).map((t) => t.name)
        return { section: sections[other]!.id, score: Math.round(total * 1000) / 1000, shared: { topics: names('topics'), projects: names('projects'), speakers: names('speakers') }, total }
      })
      .filter((r) => r.total > 0)
      .sort((a, b) => b.score - a.score || (a.section < b.section ? -1 : 1))
    result.set(
      s.id,
      scored.slice(0, limit).map(({ total: _, ...r }) => r),
    )
  })
  return result
}

const corpus = fc
  .array(
    fc.record({
      report: fc.integer({ min: 0, max: 14 }),
      topics: fc.array(fc.constantFrom('t0', 't1', 't2', 't3', 't4', 't5'), { maxLength: 4 }),
      projects: fc.array(fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'), { maxLength: 3 }),
      speakers: fc.array(fc.constantFrom('ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((rows) => rows.map((r, i) => ({ ...r, id: `r${r.report}/s${(i * 7919) % 1000}-${i}`, report: `r${r.report}` })))

describe('related sections', () => {
  it('rank exactly as the plain rule, ties, windows and the limit included', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 6 }), fc.constantFrom(2, 4, 10, 100), (sections, limit, postingLimit) => {
        expect(relatedSections(sections, { limit, postingLimit })).toEqual(plainRelated(sections, limit, postingLimit))
      }),
      { numRuns: 300, seed: 12 },
    )
  })

  it('are the same when asked for one section at a time, in any order, as when ranked all at once', () => {
    fc.assert(
      fc.property(corpus, (sections) => {
        const order = fc.sample(fc.shuffledSubarray(sections.map((s) => s.id), { minLength: sections.length }), { numRuns: 1, seed: sections.length })[0]!
        let indexed = 0
        const lookup = relatedLookup(() => (indexed++, sections), { limit: 3, postingLimit: 4 })
        const all = relatedSections(sections, { limit: 3, postingLimit: 4 })
        for (const id of [...order, ...order]) expect(lookup.get(id)).toEqual(all.get(id))
        expect(lookup.get('no/such-section')).toEqual([])
        expect(indexed).toBe(1)
      }),
      { numRuns: 200, seed: 5 },
    )
  })
})

describe('tags computed ahead', () => {
  let dir: string
  beforeAll(async () => {
    dir = await tempDir()
  })
  afterAll(async () => removeDir(dir))

  it('give the same linked site as tagging in linkSite, on a generated corpus, after a trip through JSON', async () => {
    const content = path.join(dir, 'corpus')
    await writeCorpus(content, { reports: 30, seed: 7 })
    const v = validateContent(await loadContent(content))
    const prepared = await prepareReports(v.reports, { topicIds: v.topics.map((t) => t.id), topics: v.topics, projects: v.projects }, { threads: 1 })
    // As the cache keeps them: through JSON.
    const ahead = linkSite(
      prepared.map((p) => ({ ...p.report, tags: JSON.parse(JSON.stringify(p.tags)) as typeof p.tags })),
      v,
    )
    const inLink = linkSite(
      prepared.map((p) => p.report),
      v,
    )
    expect(plainSite(ahead)).toEqual(plainSite(inLink))
    // Mentions quote their sentence, from the text or the title.
    expect(ahead.topics.flatMap((t) => t.byYear.flatMap((g) => g.mentions)).filter((m) => m.sentence !== '').length).toBeGreaterThan(0)
  })
})
