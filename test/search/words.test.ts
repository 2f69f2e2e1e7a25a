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
import { isStopWord, stopWords } from '../../src/search/words.ts'
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
