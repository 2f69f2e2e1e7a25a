import lunr from 'lunr'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSearchIndex, searchIndexFiles, takeSearchIndexFiles, type SearchData } from '../../src/emit/search-index.ts'
import type { Site } from '../../src/link/graph.ts'
import { readSite } from '../../src/pipeline.ts'
import { decodePostings, encodePostings, parseChunkScript, type DictionaryShard, type PostingsChunk } from '../../src/search/format.ts'
import { queryWords, Searcher, snippet, withinOneEdit, type SearchResult } from '../../src/search/query.ts'
import { chunkSource, memorySource } from '../../src/search/source.ts'
import { sameWord, searchTerms } from '../../src/search/terms.ts'
import { scoreRelevance } from '../../scripts/bench-search.ts'
import { realContent } from '../helpers.ts'
import { fixtureSite } from './fixture.ts'
import { hostileInputs } from './hostile.ts'
import { heldOutSet, tuningSet } from './queries.ts'

let site: Site
let built: lunr.Index
let data: SearchData
let searcher: Searcher

beforeAll(async () => {
  site = await fixtureSite()
  ;({ index: built, data } = buildSearchIndex(site))
  searcher = new Searcher(memorySource(data))
})

const search = (q: string, filters = {}, options = {}) => searcher.search(q, filters, { prefix: false, ...options })
const titles = (r: SearchResult) => r.hits.map((h) => h.document.title)
const marks = (r: SearchResult) => r.hits.map((h) => h.snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase()))

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

  it('cuts an over-long word rather than dropping it, so the query is not taken for common words', async () => {
    expect(queryWords('a'.repeat(500))).toEqual(['a'.repeat(64)])
    const r = await search('a'.repeat(500))
    expect(r.words).toHaveLength(1)
    expect(r.total).toBe(0)
  })

  it('tells inflections from different words that share a stem', () => {
    for (const [a, b] of [['operator', 'operators'], ['mesh', 'meshes'], ['policy', 'policies'], ['trace', 'tracing'], ['log', 'logging'], ['controller', 'controllers']]) {
      expect(sameWord(a!, b!), `${a} ${b}`).toBe(true)
    }
    for (const [a, b] of [['operator', 'operations'], ['custom', 'customer'], ['control', 'controller'], ['mesh', 'meshwork']]) {
      expect(sameWord(a!, b!), `${a} ${b}`).toBe(false)
    }
  })
})

describe('precision', () => {
  it('"operator" finds the operator talk, not "operations", and marks what it matched', async () => {
    const r = await search('operator')
    expect(titles(r)[0]).toBe('The operator pattern')
    expect(titles(r)).not.toContain('Day two operations')
    expect(marks(r).flat().every((m) => m === 'operator' || m === 'operators')).toBe(true)
    // A section that matched only through its topic's aliases ranks below every one that shows the word.
    const shows = marks(r).map((m) => m.length > 0)
    expect(shows[0]).toBe(true)
    expect(shows).toEqual([...shows].sort((a, b) => Number(b) - Number(a)))
  })

  it('"custom controller" matches neither "customer" nor "control"', async () => {
    const r = await search('custom controller')
    expect(titles(r)[0]).toBe('Writing a custom controller')
    expect(titles(r)).not.toContain('Customer stories')
    expect(marks(r).flat()).not.toContain('customers')
    expect(marks(r).flat()).not.toContain('control')
    // A finished word is not completed: "custom " is not "customer".
    expect(titles(await search('custom'))).not.toContain('Customer stories')
    expect(titles(await searcher.search('custom ', {}, { prefix: true }))).not.toContain('Customer stories')
    // While it is being typed it may be: completions rank below the word itself.
    const typing = titles(await searcher.search('custom', {}, { prefix: true }))
    expect(typing.indexOf('Writing a custom controller')).toBeLessThan(typing.indexOf('Customer stories'))
  })

  it('"istio" ranks the talk about Istio above an introduction that lists it', async () => {
    const r = await search('istio')
    expect(titles(r)[0]).toBe('Istio in production')
    expect(titles(r)).toContain('Introduction')
    expect(r.links.map((l) => `${l.type}:${l.id}`)).toContain('project:istio')
    expect(r.corrected).toBeUndefined()
  })

  it('"prometeus" is corrected to prometheus, with the project as a quick link', async () => {
    const r = await search('prometeus')
    expect(r.corrected).toBe('prometheus')
    expect(titles(r).slice(0, 2).sort()).toEqual(['Monitoring with Prometheus', 'Prometheus at scale'])
    expect(r.links.map((l) => `${l.type}:${l.id}`)).toEqual(['project:prometheus'])
    expect(marks(r)[0]).toContain('prometheus')
  })

  it('"service mesh 2019" filters to 2019 with a chip; the filter is only what the query says', async () => {
    const r = await search('service mesh 2019')
    expect(r.words).toEqual(['service', 'mesh'])
    expect(r.chips).toEqual([{ filter: 'year', value: '2019', label: '2019', word: '2019' }])
    expect(titles(r)).toContain('Service mesh adoption')
    expect(titles(r)).not.toContain('Service mesh basics')
    expect(r.hits.every((h) => h.document.year === 2019)).toBe(true)
    expect(r.unfilteredCount).toBeGreaterThan(r.total)
    // A conference city works the same way; a year alone stays a search word.
    const city = await search('service mesh copenhagen')
    expect(city.chips.map((c) => [c.filter, c.label])).toEqual([['conference', 'Copenhagen']])
    expect(titles(city)).toEqual(['Service mesh basics'])
    expect((await search('2019')).chips).toEqual([])
    expect((await search('service mesh 2019', {}, { autoFilters: false })).chips).toEqual([])
  })

  it('ranks exact words above inflections, inflections above completions, and gives short words no typos', async () => {
    const r = await searcher.search('mesh', {}, { prefix: true })
    const order = titles(r).filter((t) => t.startsWith('Knots'))
    expect(order).toEqual(['Knots one', 'Knots two', 'Knots three'])
    expect(titles(await search('mesh'))).not.toContain('Knots three')
    // "meshw" completes to meshwork as you type; as a finished word it is a typo of "mesh".
    expect(titles(await searcher.search('meshw', {}, { prefix: true }))).toEqual(['Knots three'])
    const typo = await search('meshw')
    expect(typo.corrected).toBe('mesh')
    expect(titles(typo)).toContain('Knots one')
    expect(titles(typo)).not.toContain('Knots three')
    // "hulp" is one edit from "help" but too short to be taken for a typo.
    expect((await search('hulp')).hits).toEqual([])
    expect(withinOneEdit('hulp', 'help')).toBe(true)
  })

  it('links a speaker by name, with typos and while typing', async () => {
    expect((await search('ada quill')).links.map((l) => l.type + ':' + l.name)).toEqual(['speaker:Ada Quill'])
    expect((await searcher.search('ada qui', {}, { prefix: true })).links.map((l) => l.name)).toEqual(['Ada Quill'])
    // A speaker's link is their page, with two talks or one.
    expect((await search('ada quill')).links[0]!.url).toBe('speakers/ada-quill/')
    expect((await search('dee mesh')).links.find((l) => l.type === 'speaker')!.url).toBe('speakers/dee-mesh/')
  })

  it('links conferences by name, city and year', async () => {
    const links = async (q: string) => (await search(q)).links.map((l) => `${l.type}:${l.id}`)
    expect(await links('barcelona')).toEqual(['conference:kubecon-eu-2019'])
    // "2019" becomes a filter chip, and still names the conference with "kubecon".
    const year = await search('kubecon 2019')
    expect(year.chips.map((c) => c.filter)).toEqual(['year'])
    expect(year.links.map((l) => `${l.type}:${l.id}`)).toEqual(['conference:kubecon-eu-2019'])
    expect(await links('kubecon copenhagen')).toEqual(['conference:kubecon-eu-2018'])
    expect(await links('copenhagen 2018')).toEqual(['conference:kubecon-eu-2018'])
  })

  it('sections that match every word rank first; others only when none does', async () => {
    const r = await search('operator federation')
    expect(titles(r)).toEqual(expect.arrayContaining(['The operator pattern', 'Prometheus at scale']))
    expect(r.hits.every((h) => h.matchedWords === 1)).toBe(true)
    const both = await search('prometheus federation')
    expect(titles(both)).toEqual(['Prometheus at scale'])
  })
})

describe('scores', () => {
  /** Every term's encoded postings as lunr's own index scores them (its field vectors). */
  const lunrPostings = (index: lunr.Index, on: Site): Map<string, number[]> => {
    const json = index.toJSON() as unknown as { invertedIndex: [string, { _index: number }][]; fieldVectors: [string, number[]][]; fields: string[] }
    const termOf: string[] = []
    for (const [term, posting] of json.invertedIndex) termOf[posting._index] = term
    const docNumber = new Map(on.sections.map((s, i) => [s.id, i]))
    const triples = new Map<string, number[]>()
    for (const [fieldRef, vector] of json.fieldVectors) {
      const slash = fieldRef.indexOf('/')
      const field = json.fields.indexOf(fieldRef.slice(0, slash))
      const doc = docNumber.get(fieldRef.slice(slash + 1))!
      for (let i = 0; i < vector.length; i += 2) {
        const term = termOf[vector[i]!]!
        triples.set(term, [...(triples.get(term) ?? []), field, doc, vector[i + 1]!])
      }
    }
    return new Map([...triples].map(([term, list]) => [term, encodePostings(list)]))
  }
  const chunkedPostings = (chunked: SearchData): Map<string, number[]> =>
    new Map([...chunked.chunks].filter(([name]) => name.startsWith('p/')).flatMap(([, chunk]) => Object.entries(chunk as Record<string, number[]>)))

  it('are the scores of lunr\'s index, term by term, on the fixture and the shipped content', async () => {
    for (const on of [site, (await readSite(realContent)).site]) {
      const { index, data: chunked } = buildSearchIndex(on)
      const ours = chunkedPostings(chunked)
      const theirs = lunrPostings(index, on)
      expect(ours.size).toBeGreaterThan(100)
      expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort())
      for (const [term, list] of theirs) expect(ours.get(term), term).toEqual(list)
    }
  })
})

describe('loading only what a query needs', () => {
  const small = { singleFileBytes: 0, postingsChunkBytes: 1, textChunkBytes: 1, sectionChunkSize: 1 }

  it('splits the index into chunks below the single-file size, and inlines them above it', () => {
    const chunked = buildSearchIndex(site, small).data
    expect(chunked.manifest.inline).toBeUndefined()
    expect(searchIndexFiles(chunked).length).toBe(chunked.chunks.size + 1)
    expect(searchIndexFiles(data)).toHaveLength(1)
    expect(Object.keys(data.manifest.inline!).sort()).toEqual([...data.chunks.keys()].sort())
    // Every file is a script whose data reads back as written.
    for (const file of searchIndexFiles(chunked)) expect(parseChunkScript(String(file.content)).data).toBeDefined()
  })

  it('gives a build the same files as bytes, taking each chunk out of the data as its file is made', () => {
    for (const sizes of [small, {}]) {
      const expected = searchIndexFiles(buildSearchIndex(site, sizes).data)
      const taken = buildSearchIndex(site, sizes).data
      const files = takeSearchIndexFiles(taken)
      expect(files.map((f) => f.path)).toEqual(expected.map((f) => f.path))
      files.forEach((f, i) => {
        expect(f.content).toBeInstanceOf(Uint8Array)
        expect(Buffer.from(f.content).toString('utf8')).toBe(expected[i]!.content)
      })
      if (!taken.manifest.inline) expect(taken.chunks.size).toBe(0)
    }
  })

  it("counts in the dictionary the sections each term's postings name", () => {
    const chunked = buildSearchIndex(site, small).data
    const postings = new Map<string, number[]>()
    const shards: DictionaryShard[] = []
    for (const [name, chunk] of chunked.chunks) {
      if (name.startsWith('p/')) for (const [term, list] of Object.entries(chunk as PostingsChunk)) postings.set(term, list)
      if (name.startsWith('d/')) shards.push(chunk as DictionaryShard)
    }
    let terms = 0
    for (const shard of shards) {
      shard.terms.forEach((term, i) => {
        const docs = new Set(decodePostings(postings.get(term)!).filter((_, k) => k % 3 === 1))
        expect(shard.df[i], term).toBe(docs.size)
        terms++
      })
    }
    expect(terms).toBe(postings.size)
    expect(terms).toBeGreaterThan(100)
  })

  it('fetches one dictionary shard, the postings it needs, and the sections shown', async () => {
    const chunked = buildSearchIndex(site, small).data
    const source = memorySource(chunked)
    const r = await new Searcher(source).search('prometheus', {}, { limit: 1, prefix: false })
    expect(r.total).toBe(3)
    expect(r.hits).toHaveLength(1)
    const loaded = source.loaded()
    expect(loaded.filter((n) => n.startsWith('d/'))).toEqual([chunked.manifest.dictionary['p']])
    expect(loaded.filter((n) => n.startsWith('p/'))).toHaveLength(1)
    expect(loaded.filter((n) => n.startsWith('m/'))).toHaveLength(1)
    expect(loaded.filter((n) => n.startsWith('t/'))).toHaveLength(1)
    expect(loaded).not.toContain('attrs')
    // Without snippets (the dropdown), no text at all.
    const bare = memorySource(chunked)
    const titleOnly = await new Searcher(bare).search('prometheus', {}, { limit: 2, snippets: false })
    expect(titleOnly.hits.map((h) => h.snippet)).toEqual([[], []])
    expect(bare.loaded().filter((n) => n.startsWith('t/'))).toEqual([])
    await new Searcher(source).search('prometheus', { year: 2018 })
    expect(source.loaded()).toContain('attrs')
  })

  it('answers the same from chunks as from one file', async () => {
    const chunked = new Searcher(memorySource(buildSearchIndex(site, small).data))
    for (const q of ['operator', 'service mesh 2019', 'prometeus', 'custom controller', 'ada']) {
      const a = await chunked.search(q)
      const b = await searcher.search(q)
      expect(a).toEqual(b)
    }
  })

  it('writes postings as gaps and whole-number weights, and reads them back', () => {
    const triples = [4, 7, 0.25, 0, 3, 1.5, 4, 2, 0.125, 0, 9, 2]
    const encoded = encodePostings(triples)
    expect(encoded).toEqual([0, 2, 3, 6, 1500, 2000, 4, 2, 2, 5, 125, 250])
    expect(decodePostings(encoded)).toEqual([0, 3, 1.5, 0, 9, 2, 4, 2, 0.125, 4, 7, 0.25])
  })

  it('retries a chunk that failed to load', async () => {
    const chunked = buildSearchIndex(site, small).data
    let fail = true
    const source = chunkSource(chunked.manifest, async (name) => {
      if (fail) throw new Error('offline')
      return chunked.chunks.get(name)
    })
    await expect(new Searcher(source).search('istio')).rejects.toThrow('offline')
    fail = false
    expect((await new Searcher(source).search('istio')).hits.length).toBeGreaterThan(0)
  })

  it('scores exactly as lunr does for the same clauses', async () => {
    for (const word of ['istio', 'prometheus', 'retries', 'quill']) {
      const direct = built.query((q) => q.term(word, { usePipeline: false, boost: 10 }))
      const ours = (await search(word, {}, { autoFilters: false })).hits
      expect(new Map(ours.map((h) => [h.document.id, h.score]))).toEqual(new Map(direct.map((r) => [r.ref, expect.closeTo(r.score, 6)])))
    }
  })
})

describe('snippets and filters', () => {
  it('builds snippets from text alone, marking the matched terms', () => {
    const parts = snippet('One two three. Service meshes are great.', new Set(['meshes']))
    expect(parts).toEqual([
      { text: 'One two three. Service ', mark: false },
      { text: 'meshes', mark: true },
      { text: ' are great', mark: false },
    ])
    // "k8s" is kubernetes in the index, so it is marked for kubernetes.
    expect(snippet('Running k8s today', new Set(['kubernetes'])).filter((p) => p.mark)).toEqual([{ text: 'k8s', mark: true }])
  })

  it('filters by year, conference, kind and topic', async () => {
    const years = async (filters: object) => (await search('service', filters)).hits.map((h) => h.document.year)
    expect(new Set(await years({ year: 2018 }))).toEqual(new Set([2018]))
    expect(new Set(await years({ conference: 'kubecon-eu-2019' }))).toEqual(new Set([2019]))
    expect((await search('istio', { kind: 'notes' })).hits.map((h) => h.document.title)).toEqual(['Introduction'])
    expect((await search('istio', { kind: 'sessions' })).hits.map((h) => h.document.title)).toEqual(['Istio in production'])
    const topical = await search('service', { topic: 'service-mesh' })
    expect(topical.hits.length).toBeGreaterThan(0)
    expect(topical.hits.every((h) => h.document.topics.includes('service-mesh'))).toBe(true)
    const none = await search('istio', { year: 2017 })
    expect(none.hits).toEqual([])
    expect(none.unfilteredCount).toBeGreaterThan(0)
  })

  it('counts edits like lunr', () => {
    expect(withinOneEdit('promethu', 'prometheu')).toBe(true)
    expect(withinOneEdit('linkrd', 'linkerd')).toBe(true)
    expect(withinOneEdit('abcd', 'abdc')).toBe(true)
    expect(withinOneEdit('abcd', 'badc')).toBe(false)
  })

  it('never throws, whatever the input', async () => {
    for (const input of hostileInputs) {
      await expect(searcher.search(input, { kind: input, topic: input }), input.slice(0, 40)).resolves.toBeDefined()
    }
    expect((await searcher.search('', {})).hits).toEqual([])
  })
})

describe('relevance on the shipped content', () => {
  let real: Searcher
  beforeAll(async () => {
    real = new Searcher(memorySource(buildSearchIndex((await readSite(realContent)).site).data))
  })

  it.each([
    ['tuning', tuningSet],
    ['held-out', heldOutSet],
  ])('holds the floor on the %s half (MRR and recall@5)', async (_, set) => {
    expect(set.length).toBeGreaterThanOrEqual(20)
    const score = await scoreRelevance(real, set)
    expect(score.mrr).toBeGreaterThanOrEqual(0.95)
    expect(score.recallAt5).toBeGreaterThanOrEqual(0.97)
  })
})

describe('query words', () => {
  it('never holds a space, even where a compatibility form decomposes into one (found by the fuzz test)', () => {
    // U+FC5E, an Arabic ligature, decomposes (NFKD) into a space and two marks.
    expect(queryWords('\uFC5E istio')).toEqual(['istio'])
  })
})
