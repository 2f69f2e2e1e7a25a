/**
 * Where the search index is built: lunr indexes every section (its BM25 weights, with field
 * boosts, are the scores), and what it built is split into the chunks described in
 * src/search/format.ts, so a reader downloads only what a query needs.
 */
import lunr from 'lunr'
import type { Site } from '../link/graph.ts'
import {
  chunkFile,
  chunkScript,
  encodePostings,
  formatVersion,
  indexFile,
  parseChunkScript,
  shardKey,
  textLimit,
  type DictionaryShard,
  type FilterChunk,
  type Manifest,
  type PersonLink,
  type PostingsChunk,
  type QuickLink,
  type SectionChunk,
  type SectionRecord,
  type TextChunk,
} from '../search/format.ts'
import { configureBuilder, searchTerms } from '../search/terms.ts'
import type { OutputFile } from './write.ts'

/** Field boosts, tuned on the tuning half of the relevance set in test/search/queries.ts (npm run bench:search). */
export const boosts = { title: 8, topics: 2, projects: 4, speakers: 4, body: 1 }

export const searchIndexFile = indexFile

export interface ChunkSizes {
  /** Below this many bytes in all, the whole index is one file: one request beats several. */
  singleFileBytes: number
  /** About this many raw bytes of postings per chunk. */
  postingsChunkBytes: number
  /** About this many characters of section text per chunk. */
  textChunkBytes: number
  /** Sections per section chunk. */
  sectionChunkSize: number
}

export const chunkSizes: ChunkSizes = { singleFileBytes: 300_000, postingsChunkBytes: 48_000, textChunkBytes: 16_000, sectionChunkSize: 64 }

/** The built index: the manifest and every chunk by name. */
export interface SearchData {
  manifest: Manifest
  chunks: Map<string, unknown>
}

/** lunr's index of the site (tests compare the chunked data with it) and the chunked data. */
export function buildSearchIndex(site: Site, sizes: Partial<ChunkSizes> = {}): { index: lunr.Index; data: SearchData } {
  const index = lunr(function () {
    configureBuilder(this)
    this.ref('id')
    for (const field of fields) this.field(field, { boost: boosts[field] })
    site.sections.forEach((s) => this.add(indexedDocument(site, s)))
  })
  return { index, data: searchData(site, sizes) }
}

const fields = Object.keys(boosts) as (keyof typeof boosts)[]

/** What is indexed of a section, field by field. */
function indexedDocument(site: Site, s: Site['sections'][number]): Record<'id' | keyof typeof boosts, string> {
  const namesOf = (items: { name: string; aliases: string[] }[]) => items.flatMap((i) => [i.name, ...i.aliases]).join(' · ')
  return {
    id: s.id,
    title: s.title,
    topics: namesOf(s.topics.map((t) => site.topic.get(t)!)),
    projects: namesOf(s.projects.map((p) => site.project.get(p)!)),
    speakers: s.speakers.map((p) => (p.affiliation ? `${p.name} ${p.affiliation}` : p.name)).join(' · '),
    body: s.text,
  }
}

/**
 * Every term's postings, (field, section number, score) after one another, in section and
 * field order: the scores of lunr's field vectors (BM25 with lunr's k1, b and rounding, the
 * field boosts), computed as lunr's Builder computes them but without building a lunr index.
 * That index keeps an object per term, field and section, and its token set: at 4,000
 * reports over a gigabyte, held at once. Here a section's terms are kept as two numbers
 * each (term and count) until the document frequencies are known; the scored postings are
 * then held in flat typed arrays, term after term, each term's run sized exactly (its count
 * of (section, field) pairs is known by then): 13 bytes a posting, where a list of numbers
 * per term took 24 and its spare room.
 */
function scoredPostings(site: Site): ScoredPostings {
  const builder = new lunr.Builder()
  configureBuilder(builder)
  const k1 = (builder as unknown as { _k1: number })._k1
  const b = (builder as unknown as { _b: number })._b
  const termNumber = new Map<string, number>()
  const terms: string[] = []
  /** Per term: in how many (section, field) pairs it occurs, as lunr.idf counts. */
  const pairs: number[] = []
  // Per (section, field): its length, its number of distinct terms, then (term, count) each.
  let counts = new Int32Array(1 << 16)
  let used = 0
  const push = (n: number) => {
    if (used === counts.length) {
      const grown = new Int32Array(counts.length * 2)
      grown.set(counts)
      counts = grown
    }
    counts[used++] = n
  }
  const lengthSum = fields.map(() => 0)
  for (const s of site.sections) {
    const doc = indexedDocument(site, s)
    fields.forEach((field, f) => {
      const tokens = builder.tokenizer(doc[field])
      const found = builder.pipeline.run(tokens)
      const tf = new Map<number, number>()
      for (const token of found) {
        const term = token.toString()
        let n = termNumber.get(term)
        if (n === undefined) {
          termNumber.set(term, (n = terms.length))
          terms.push(term)
          pairs.push(0)
        }
        tf.set(n, (tf.get(n) ?? 0) + 1)
      }
      lengthSum[f] = lengthSum[f]! + found.length
      push(found.length)
      push(tf.size)
      for (const [n, count] of tf) {
        pairs[n]!++
        push(n)
        push(count)
      }
    })
  }
  const documents = site.sections.length
  const averageLength = lengthSum.map((sum) => sum / documents)
  const idf = pairs.map((df) => Math.log(1 + Math.abs((documents - df + 0.5) / (df + 0.5))))
  // Term n's postings are at start[n] … start[n + 1] - 1, filled in section and field order.
  const start = new Int32Array(terms.length + 1)
  for (let n = 0; n < terms.length; n++) start[n + 1] = start[n]! + pairs[n]!
  const fieldOf = new Uint8Array(start[terms.length]!)
  const docOf = new Int32Array(start[terms.length]!)
  const scoreOf = new Float64Array(start[terms.length]!)
  const fill = start.slice(0, terms.length)
  let at = 0
  for (let doc = 0; doc < documents; doc++) {
    for (let f = 0; f < fields.length; f++) {
      const fieldLength = counts[at++]!
      const distinct = counts[at++]!
      const boost = boosts[fields[f]!] || 1
      for (let i = 0; i < distinct; i++) {
        const n = counts[at++]!
        const tf = counts[at++]!
        // The same operations in the same order as lunr.Builder#createFieldVectors: the same floats.
        let score = (idf[n]! * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / averageLength[f]!)) + tf)
        score *= boost
        const p = fill[n]!++
        fieldOf[p] = f
        docOf[p] = doc
        scoreOf[p] = Math.round(score * 1000) / 1000
      }
    }
  }
  // The answers below share this scope with `push`, and so would keep the counts.
  counts = new Int32Array(0)
  return {
    terms: termNumber,
    triples(n) {
      const out: number[] = []
      for (let p = start[n]!; p < start[n + 1]!; p++) out.push(fieldOf[p]!, docOf[p]!, scoreOf[p]!)
      return out
    },
    sectionCount(n) {
      let sections = 0
      for (let p = start[n]!; p < start[n + 1]!; p++) if (p === start[n] || docOf[p] !== docOf[p - 1]) sections++
      return sections
    },
  }
}

/** Scored postings by term number (see scoredPostings). */
interface ScoredPostings {
  /** Each term's number. */
  terms: Map<string, number>
  /** Term n's postings as (field, section number, score) triples, in section and field order. */
  triples(n: number): number[]
  /** How many sections term n's postings name. */
  sectionCount(n: number): number
}

/** The chunked search data of a site (see src/search/format.ts). */
export function searchData(site: Site, sizes: Partial<ChunkSizes> = {}): SearchData {
  const { singleFileBytes, postingsChunkBytes, textChunkBytes, sectionChunkSize } = { ...chunkSizes, ...sizes }
  const scored = scoredPostings(site)
  const docNumber = new Map(site.sections.map((s, i) => [s.id, i]))

  const chunks = new Map<string, unknown>()
  const add = (name: string, data: unknown) => chunks.set(name, data)

  // Postings, in term order, cut into chunks of about postingsChunkBytes.
  const terms = [...scored.terms.keys()].sort()
  const chunkOfTerm = new Map<string, number>()
  let current: PostingsChunk = {}
  let bytes = 0
  let chunkCount = 0
  const flush = () => {
    if (bytes === 0) return
    add(`p/${chunkCount++}`, current)
    current = {}
    bytes = 0
  }
  for (const term of terms) {
    const encoded = encodePostings(scored.triples(scored.terms.get(term)!))
    current[term] = encoded
    chunkOfTerm.set(term, chunkCount)
    bytes += term.length + encoded.reduce((n, x) => n + String(x).length + 1, 0)
    if (bytes >= postingsChunkBytes) flush()
  }
  flush()

  // Quick links: topics, projects, speakers and conferences, filed under the first letter of
  // each name. Not reports: one link per report (by its title or author) made some shards
  // two to eight times larger at 1,000 reports, and every query loads one.
  const phrases = (names: string[]) => {
    const seen = new Map<string, string[]>()
    for (const name of names) {
      const phrase = searchTerms(name).map((t) => t.term)
      if (phrase.length > 0) seen.set(phrase.join(' '), phrase)
    }
    return [...seen.values()]
  }
  const links: QuickLink[] = [
    ...site.topics.map((t) => ({ type: 'topic' as const, id: t.id, name: t.name, url: t.url, phrases: phrases([t.name, ...t.aliases]) })),
    ...site.projects.map((p) => ({ type: 'project' as const, id: p.id, name: p.name, url: p.url, phrases: phrases([p.name, ...p.aliases]) })),
    ...site.conferences.map((c) => {
      // "KubeCon Europe 2019" is also "kubecon 2019", and its city: "barcelona", "kubecon barcelona".
      const series = c.name.split(/\s+/)[0]!
      return { type: 'conference' as const, id: c.id, name: c.name, url: c.url, phrases: phrases([c.name, c.city, `${series} ${c.year}`]) }
    }),
  ]

  // Dictionary shards by first letter.
  const shards = new Map<string, DictionaryShard>()
  const shardOf = (key: string) => {
    let shard = shards.get(key)
    if (!shard) shards.set(key, (shard = { terms: [], df: [], chunk: [], links: [], people: [] }))
    return shard
  }
  for (const term of terms) {
    const shard = shardOf(shardKey(term))
    shard.terms.push(term)
    shard.df.push(scored.sectionCount(scored.terms.get(term)!))
    shard.chunk.push(chunkOfTerm.get(term)!)
  }
  for (const link of links) {
    for (const key of new Set(link.phrases.map((p) => shardKey(p[0]!)))) shardOf(key).links.push(link)
  }
  // One link per person, to their page, however the reports spelled them ("Alice Smith",
  // "ALICE SMITH", "Ａｌｉｃｅ Ｓｍｉｔｈ"): the page's name, and the spellings that search
  // differently. Found by any word of their name ("hightower"), so under each word's letter.
  for (const person of site.people) {
    const spelled = new Set([searchTerms(person.name).map((t) => t.term).join(' ')])
    const aliases = person.aliases.filter((a) => {
      const phrase = searchTerms(a).map((t) => t.term).join(' ')
      if (phrase === '' || spelled.has(phrase)) return false
      spelled.add(phrase)
      return true
    })
    const entry: PersonLink = [person.name, person.url, person.sessions.length, ...aliases]
    const keys = new Set([...spelled].flatMap((phrase) => phrase.split(' ').filter((w) => w !== '').map(shardKey)))
    for (const key of keys) shardOf(key).people.push(entry)
  }
  const dictionary: Record<string, string> = {}
  for (const [key, shard] of [...shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = `d/${key.codePointAt(0)!.toString(36)}`
    dictionary[key] = name
    add(name, shard)
  }

  // Sections: what a result shows, a fixed number per chunk; their texts, by size.
  const conferences = site.conferences.map((c) => ({ id: c.id, name: c.name, year: c.year, city: c.city }))
  const conferenceNumber = new Map(conferences.map((c, i) => [c.id, i]))
  const kinds = [...new Set(site.sections.map((s) => s.kind))].sort()
  for (let first = 0; first < site.sections.length; first += sectionChunkSize) {
    const sections: SectionRecord[] = site.sections.slice(first, first + sectionChunkSize).map((s) => ({
      id: s.id,
      title: s.title,
      url: s.url,
      kind: s.kind,
      report: site.report.get(s.report)!.title,
      conference: conferenceNumber.get(s.conference)!,
      topics: s.topics,
    }))
    add(`m/${first / sectionChunkSize}`, { first, sections } satisfies SectionChunk)
  }
  const textChunks: number[] = []
  let textChunk: TextChunk | undefined
  let textBytes = 0
  site.sections.forEach((s, i) => {
    if (!textChunk || textBytes >= textChunkBytes) {
      textChunks.push(i)
      textChunk = { first: i, texts: [] }
      add(`t/${textChunks.length - 1}`, textChunk)
      textBytes = 0
    }
    const text = s.text.length > textLimit ? s.text.slice(0, textLimit) : s.text
    textChunk.texts.push(text)
    textBytes += text.length
  })

  const filterChunk: FilterChunk = {
    conference: site.sections.map((s) => conferenceNumber.get(s.conference)!),
    kind: site.sections.map((s) => kinds.indexOf(s.kind)),
    topics: Object.fromEntries(site.topics.map((t) => [t.id, t.sections.map((id) => docNumber.get(id)!).sort((a, b) => a - b)])),
  }
  add('attrs', filterChunk)

  const manifest: Manifest = {
    version: formatVersion,
    fields,
    docCount: site.sections.length,
    conferences,
    kinds,
    topics: site.topics.filter((t) => t.sections.length > 0).map((t) => ({ id: t.id, name: t.name })),
    dictionary,
    sectionChunkSize,
    textChunks,
  }
  let total = 0
  for (const data of chunks.values()) total += JSON.stringify(data).length
  if (total < singleFileBytes) manifest.inline = Object.fromEntries(chunks)
  return { manifest, chunks }
}

export function buildSearchData(site: Site): SearchData {
  return searchData(site)
}

/** The files to write: the manifest, and every chunk unless the manifest carries them. */
export function searchIndexFiles(data: SearchData): OutputFile[] {
  const files: OutputFile[] = [{ path: indexFile, content: chunkScript('index', data.manifest) }]
  if (!data.manifest.inline) for (const [name, chunk] of data.chunks) files.push({ path: chunkFile(name), content: chunkScript(name, chunk) })
  return files
}

/**
 * For a build: the same files as `searchIndexFiles`, each as UTF-8 bytes, made one at a time,
 * and each chunk taken out of `data` as its file is made, so the chunks, their scripts and
 * their bytes are never all held at once. `data` is used up.
 */
export function takeSearchIndexFiles(data: SearchData): OutputFile[] {
  const files: OutputFile[] = [{ path: indexFile, content: Buffer.from(chunkScript('index', data.manifest)) }]
  if (data.manifest.inline) return files
  for (const [name, chunk] of data.chunks) {
    data.chunks.delete(name)
    files.push({ path: chunkFile(name), content: Buffer.from(chunkScript(name, chunk)) })
  }
  return files
}

/** Read the manifest back from its script (the command-line search uses the built output). */
export function parseSearchIndexScript(script: string): Manifest {
  const { name, data } = parseChunkScript(script)
  if (name !== 'index' || (data as Manifest).version !== formatVersion) throw new Error('not a Recap search index')
  return data as Manifest
}
