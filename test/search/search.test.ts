import lunr from 'lunr'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSearchIndex } from '../../src/emit/search-index.ts'
import type { Site } from '../../src/link/graph.ts'
import { readSite } from '../../src/pipeline.ts'
import { pack, unpack } from '../../src/search/pack.ts'
import { queryWords, Searcher, snippet, withinOneEdit } from '../../src/search/query.ts'
import { searchTerms } from '../../src/search/terms.ts'
import { scoreRelevance } from '../../scripts/bench-search.ts'
import { realContent } from '../helpers.ts'
import { hostileInputs } from './hostile.ts'
import { relevanceSet } from './queries.ts'

let site: Site
let built: lunr.Index
let searcher: Searcher

beforeAll(async () => {
  site = (await readSite(realContent)).site
  const { index, data } = buildSearchIndex(site)
  built = index
  // Through JSON, as the browser and the CLI get it.
  searcher = new Searcher(JSON.parse(JSON.stringify(data)))
})

const ids = (q: string, filters = {}) => searcher.search(q, filters).hits.map((h) => h.document.id)

describe('tokenizing', () => {
  it.each([
    ['node.js and C++ on k8s', ['node.js', 'and', 'c++', 'on', 'k8s']],
    ['CI/CD pipelines', ['ci', 'cd', 'pipelines']],
    ['multi-tenancy', ['multi', 'tenancy']],
    ['Istio’s sidecar', ['istio', 'sidecar']],
    ['Kubernetes 1.10.', ['kubernetes', '1.10']],
    ['Überblick café', ['uberblick', 'cafe']],
    ['title:istio~2', ['title', 'istio', '2']],
  ])('%j → %j', (text, terms) => {
    expect(searchTerms(text).map((t) => t.term)).toEqual(terms)
  })

  it('drops stop words and caps the number of words', () => {
    expect(queryWords('the service of a mesh')).toEqual(['service', 'mesh'])
    expect(queryWords(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '))).toHaveLength(12)
  })
})

describe('the serialized index', () => {
  it('packs and unpacks to exactly what lunr serialized', () => {
    const json = JSON.parse(JSON.stringify(built.toJSON()))
    expect(unpack(pack(json, site.sections.map((s) => s.id)))).toEqual(json)
  })

  it('answers exactly like the built one', () => {
    for (const { query } of relevanceSet) {
      const words = queryWords(query)
      const direct = built.query((q) => {
        for (const w of words) q.term(w, { usePipeline: true })
      })
      const loaded = lunr.Index.load(unpack(searcher.data.index)).query((q) => {
        for (const w of words) q.term(w, { usePipeline: true })
      })
      expect(loaded.map((r) => [r.ref, r.score])).toEqual(direct.map((r) => [r.ref, r.score]))
    }
  })
})

describe('queries', () => {
  it('finds talks by project name, with typos', () => {
    expect(ids('linkerd')[0]).toMatch(/linkerd/)
    expect(ids('linkrd')[0]).toMatch(/linkerd/)
    expect(ids('promethues')[0]).toMatch(/prometheus/)
  })

  it('treats node.js-like terms as whole words and k8s as kubernetes', () => {
    expect(ids('k8s 1.6')[0]).toBe('2017-berlin-personal-report/keynote-wednesday')
    expect(ids('kubernetes 1.10')[0]).toBe('2018-copenhagen-takeaways/security')
  })

  it('ranks sections matching every word above those matching some', () => {
    const hits = searcher.search('kelsey federation').hits
    expect(hits[0]!.document.id).toBe('2017-berlin-personal-report/keynote-thursday')
    expect(hits[0]!.matchedWords).toBe(2)
    expect(hits.slice(1).every((h) => h.matchedWords <= 2)).toBe(true)
  })

  it('shows topics and projects the query names as quick links, apart from the ranked list', () => {
    const result = searcher.search('istio service mesh')
    expect(result.links.map((l) => `${l.type}:${l.id}`)).toEqual(['topic:service-mesh', 'project:istio'])
    expect(result.hits.every((h) => h.document.id.includes('/'))).toBe(true)
  })

  it('filters by year, kind and topic', () => {
    expect(searcher.search('security', { year: 2019 }).hits.every((h) => h.document.year === 2019)).toBe(true)
    expect(searcher.search('security', { kind: 'sessions' }).hits.every((h) => h.document.kind !== 'note')).toBe(true)
    expect(searcher.search('security', { kind: 'notes' }).hits.every((h) => h.document.kind === 'note')).toBe(true)
    expect(searcher.search('security', { kind: 'keynote' }).hits.every((h) => h.document.kind === 'keynote')).toBe(true)
    const topical = searcher.search('kubernetes', { topic: 'gitops' })
    expect(topical.hits.length).toBeGreaterThan(0)
    expect(topical.hits.every((h) => h.document.topics.includes('gitops'))).toBe(true)
    const none = searcher.search('gvisor', { year: 2017 })
    expect(none.hits).toEqual([])
    expect(none.unfilteredCount).toBeGreaterThan(0)
  })

  it('marks the matched words in a snippet around the best match', () => {
    const hit = searcher.search('chaos engineering').hits[0]!
    const marked = hit.snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase())
    expect(marked).toEqual(expect.arrayContaining(['chaos', 'engineering']))
    expect(hit.snippet.map((p) => p.text).join('')).toContain('chaos engineering')
  })

  it('builds snippets from text alone', () => {
    const parts = snippet('One two three. Service meshes are great.', ['mesh'], ['meshes'])
    expect(parts).toEqual([
      { text: 'One two three. Service ', mark: false },
      { text: 'meshes', mark: true },
      { text: ' are great', mark: false },
    ])
  })

  it('counts edits like lunr', () => {
    expect(withinOneEdit('promethu', 'prometheu')).toBe(true)
    expect(withinOneEdit('linkrd', 'linkerd')).toBe(true)
    expect(withinOneEdit('abcd', 'abdc')).toBe(true)
    expect(withinOneEdit('abcd', 'badc')).toBe(false)
  })

  it('never throws, whatever the input', () => {
    for (const input of hostileInputs) {
      expect(() => searcher.search(input, { kind: input, topic: input }), input.slice(0, 40)).not.toThrow()
    }
    expect(searcher.search('', {}).hits).toEqual([])
  })
})

describe('relevance', () => {
  it('holds the floor on the query set (MRR and recall@5)', () => {
    expect(relevanceSet.length).toBeGreaterThanOrEqual(40)
    const score = scoreRelevance(searcher, relevanceSet)
    expect(score.mrr).toBeGreaterThanOrEqual(0.95)
    expect(score.recallAt5).toBeGreaterThanOrEqual(0.97)
  })
})
