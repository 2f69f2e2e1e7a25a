/**
 * The lunr-free half of query parsing (src/search/words.ts), which the search page uses to
 * fetch a query's dictionary shards while the engine starts: it must name the shards the
 * engine will read, and drop the words lunr drops.
 */
import lunr from 'lunr'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSearchIndex, type SearchData } from '../../src/emit/search-index.ts'
import { chunkFile, shardFilesFor } from '../../src/search/format.ts'
import { Searcher } from '../../src/search/query.ts'
import { memorySource } from '../../src/search/source.ts'
import { searchTerms } from '../../src/search/terms.ts'
import { clipQuery, isStopWord, queryWords, searchedText, stopWords, wordsOf } from '../../src/search/words.ts'
import { fixtureReports, fixtureSite } from './fixture.ts'
import { relevanceSet } from './queries.ts'

let chunked: SearchData
let single: SearchData

beforeAll(async () => {
  const site = await fixtureSite()
  chunked = buildSearchIndex(site, { singleFileBytes: 0, postingsChunkBytes: 2_000, textChunkBytes: 500, sectionChunkSize: 3 }).data
  single = buildSearchIndex(site).data
})

describe('stop words without lunr', () => {
  it('are the words lunr drops, no more and no fewer', () => {
    const kept = (word: string) => lunr.stopWordFilter(new lunr.Token(word, {})) !== undefined
    for (const word of stopWords) expect(kept(word), word).toBe(false)
    const text = [...Object.values(fixtureReports), ...relevanceSet.map((c) => c.query), 'The service of a mesh, and why we would say so']
    const words = new Set(text.flatMap((t) => searchTerms(t).map((w) => w.term)))
    expect(words.size).toBeGreaterThan(100)
    for (const word of words) expect(isStopWord(word), word).toBe(!kept(word))
  })
})

describe('the dictionary shards a query reads first', () => {
  /** The dictionary shards the engine loads for a query, as files. */
  async function shardsRead(input: string): Promise<string[]> {
    const source = memorySource(chunked)
    await new Searcher(source).search(input, {}, { limit: 5, snippets: false })
    return source.loaded().filter((name) => name.startsWith('d/')).map(chunkFile)
  }

  it.each([
    ['istio'],
    ['service mesh 2019'],
    ['the service of a mesh'],
    ['Prometheus at scale with Ada Quill'],
    ['custom controll'],
    ['kubecon barcelona'],
  ])('%j: every shard named is one the engine reads', async (input) => {
    const named = shardFilesFor(chunked.manifest, input)
    expect(named.length).toBeGreaterThan(0)
    const read = await shardsRead(input)
    for (const file of named) expect(read, file).toContain(file)
  })

  it('names each shard once, and none for stop words, a letter no term starts with, or an empty query', () => {
    const named = shardFilesFor(chunked.manifest, 'mesh meshes MESH')
    expect(named).toEqual([chunkFile(chunked.manifest.dictionary.m!)])
    expect(shardFilesFor(chunked.manifest, 'the of a and with')).toEqual([])
    expect(shardFilesFor(chunked.manifest, '')).toEqual([])
    const unused = [...'qxzjw0123456789'].find((c) => !Object.hasOwn(chunked.manifest.dictionary, c))
    expect(unused).toBeDefined()
    expect(shardFilesFor(chunked.manifest, `${unused}abc`)).toEqual([])
  })

  it('names none when the manifest carries every chunk', () => {
    expect(single.manifest.inline).toBeDefined()
    expect(shardFilesFor(single.manifest, 'istio')).toEqual([])
  })
})

describe('what of a query is searched', () => {
  it('cuts a long query before a word the limit would split, and says it was cut', () => {
    const long = 'service mesh '.repeat(60)
    const { text, cut } = searchedText(long)
    expect(cut).toBe(true)
    expect(text.length).toBeLessThanOrEqual(500)
    expect(text.endsWith('mesh ')).toBe(true)
    expect(searchedText('istio')).toEqual({ text: 'istio', cut: false })
    // The limit between two words: nothing is dropped but the space.
    const exact = `${'a'.repeat(495)} mesh tail`
    expect(searchedText(exact).text).toBe(`${'a'.repeat(495)} mesh `)
    // One word past the limit is kept, not dropped.
    expect(queryWords('b'.repeat(600))).toEqual(['b'.repeat(64)])
  })

  it('counts words past the twelfth as cut, repeated words not', () => {
    const words = Array.from({ length: 13 }, (_, i) => `word${i}`)
    expect(wordsOf(words.join(' ')).cut).toBe(true)
    expect(wordsOf(words.slice(0, 12).join(' ')).cut).toBe(false)
    expect(wordsOf(`${words.slice(0, 12).join(' ')} word0 the`).cut).toBe(false)
  })

  it('completes only the last word typed, not one before a stop word', async () => {
    const searcher = new Searcher(memorySource(single))
    const titles = async (q: string) => (await searcher.search(q, {}, { prefix: true })).hits.map((h) => h.document.title)
    expect(await titles('meshw')).toEqual(['Knots three'])
    // "mesh" is finished once "and" follows it: "meshwork" is not a completion of it.
    expect(await titles('mesh and')).not.toContain('Knots three')
  })
})

describe('a query repeated in a message', () => {
  it('is cut at a space with an ellipsis, on one line', () => {
    expect(clipQuery('service mesh')).toBe('service mesh')
    expect(clipQuery('  service\n mesh ')).toBe('service mesh')
    const clipped = clipQuery('service mesh '.repeat(60))
    expect(clipped.length).toBeLessThanOrEqual(61)
    expect(clipped).toMatch(/^service mesh .*(service|mesh)…$/)
    // One very long word is cut inside it.
    expect(clipQuery('x'.repeat(100))).toBe(`${'x'.repeat(60)}…`)
  })
})
