/**
 * The layout of the prebuilt search index, shared by the build (src/emit/search-index.ts) and
 * the query (src/search/query.ts). A reader loads only what a query needs:
 *
 * - the manifest (assets/search-index.js): fields, conferences, kinds, topics and where
 *   every chunk is; small at any corpus size;
 * - dictionary shards ("d/<first letter>"): the sorted terms starting with that letter, how
 *   many sections hold each, which postings chunk holds its postings, and the quick links
 *   (topics, projects, conferences) whose names start with that letter, and speakers with a
 *   word of their name starting with it;
 * - postings chunks ("p/<n>"): for each term, (field, section, lunr weight) triples;
 * - section chunks ("m/<n>"): what a result shows (title, kind, place), a fixed number of
 *   sections each;
 * - text chunks ("t/<n>"): section texts, for snippets, loaded only for the results shown
 *   with snippets (the search page, not the dropdown);
 * - the filter chunk ("attrs"): conference, kind and topics of every section, loaded only
 *   when a filter is on.
 *
 * Below a size threshold every chunk is inlined in the manifest: one file.
 * Every file is a script calling RECAP_SEARCH(name, data), so a page opened from disk
 * (file://), where fetch() is refused, can load it with a script element; a worker fetches
 * the same text and parses the JSON inside.
 */

import { queryWords } from './words.ts'

export const formatVersion = 2

export interface QuickLink {
  type: 'topic' | 'project' | 'conference' | 'speaker'
  id: string
  name: string
  /** Site path (topic, project or conference page, a speaker's talk, or the search page). */
  url: string
  /** Names and aliases, each as its search terms. */
  phrases: string[][]
  /** A speaker's sessions: people who share a name are offered most sessions first. */
  sessions?: number
}

/**
 * A speaker's quick link as a shard holds it, in the shard of every word of their name (a
 * reader may type any of them): the name their page shows, the page's site path (its last
 * segment is the person's id), their sessions, then the other spellings that search
 * differently. Compact, since a person is filed two or three times.
 */
export type PersonLink = [name: string, url: string, sessions: number, ...aliases: string[]]

export interface Manifest {
  version: number
  /** lunr fields, in the order postings number them. */
  fields: string[]
  docCount: number
  conferences: { id: string; name: string; year: number; city: string }[]
  kinds: string[]
  /** Topics that have sections, for the filter menu. */
  topics: { id: string; name: string }[]
  /** First letter → dictionary shard name. */
  dictionary: Record<string, string>
  /** Sections per section chunk: section d is in "m/<floor(d / size)>". */
  sectionChunkSize: number
  /** First section number of every text chunk, in order. */
  textChunks: number[]
  /** Chunks carried in this file (single-file index). */
  inline?: Record<string, unknown>
}

export interface DictionaryShard {
  /** Sorted. */
  terms: string[]
  /** Sections holding each term. */
  df: number[]
  /** Postings chunk number of each term. */
  chunk: number[]
  /** Topics, projects and conferences whose names start with this letter. */
  links: QuickLink[]
  /** Speakers with a word of their name starting with this letter. */
  people: PersonLink[]
}

/** Term → its postings, encoded by `encodePostings`. */
export type PostingsChunk = Record<string, number[]>

/**
 * Postings as written: per field, [field, count, first section, gaps to the next…, weights
 * × 1000…]. Gaps and whole-number weights take about half the characters of plain
 * (field, section, weight) triples; lunr rounds weights to thousandths, so nothing is lost.
 */
export function encodePostings(triples: number[]): number[] {
  const byField = new Map<number, [number, number][]>()
  for (let i = 0; i < triples.length; i += 3) {
    const list = byField.get(triples[i]!) ?? []
    list.push([triples[i + 1]!, triples[i + 2]!])
    byField.set(triples[i]!, list)
  }
  const out: number[] = []
  for (const [field, list] of [...byField].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a[0] - b[0])
    out.push(field, list.length)
    list.forEach(([doc], k) => out.push(k === 0 ? doc : doc - list[k - 1]![0]))
    for (const [, weight] of list) out.push(Math.round(weight * 1000))
  }
  return out
}

/** Flat (field number, section number, weight) triples from `encodePostings`. */
export function decodePostings(encoded: number[]): number[] {
  const out: number[] = []
  for (let i = 0; i < encoded.length; ) {
    const field = encoded[i]!
    const n = encoded[i + 1]!
    let doc = 0
    for (let k = 0; k < n; k++) {
      doc = k === 0 ? encoded[i + 2]! : doc + encoded[i + 2 + k]!
      out.push(field, doc, encoded[i + 2 + n + k]! / 1000)
    }
    i += 2 + 2 * n
  }
  return out
}

export interface SectionRecord {
  id: string
  title: string
  url: string
  kind: string
  report: string
  /** Conference number in the manifest. */
  conference: number
  topics: string[]
}

export interface SectionChunk {
  first: number
  sections: SectionRecord[]
}

export interface TextChunk {
  first: number
  /** Plain text of each section, cut at `textLimit` characters. */
  texts: string[]
}

export interface FilterChunk {
  /** Conference number per section. */
  conference: number[]
  /** Kind number per section. */
  kind: number[]
  /** Topic id → section numbers. */
  topics: Record<string, number[]>
}

/** Characters of a section's text kept for snippets: a 20 MB report must not become a 20 MB download. */
export const textLimit = 20_000

export const indexFile = 'assets/search-index.js'
export const chunkFolder = 'assets/search'
export const callbackName = 'RECAP_SEARCH'

export function chunkFile(name: string): string {
  return `${chunkFolder}/${name.replace('/', '-')}.js`
}

/** Dictionary shard key of a term: its first character. */
export function shardKey(term: string): string {
  return term.charAt(0)
}

/**
 * The files of the dictionary shards a query reads first: its words' (src/search/query.ts
 * reads one per word, for the word and its quick links). None when the manifest carries
 * every chunk. Lunr-free, for the page to fetch them while the engine starts.
 */
export function shardFilesFor(manifest: Manifest, input: string): string[] {
  if (manifest.inline) return []
  const names = new Set<string>()
  for (const word of queryWords(input)) {
    const name = Object.hasOwn(manifest.dictionary, shardKey(word)) ? manifest.dictionary[shardKey(word)] : undefined
    if (name) names.add(chunkFile(name))
  }
  return [...names]
}

export function chunkScript(name: string, data: unknown): string {
  // JSON is valid JavaScript; "<" is escaped so no text can close a script element.
  return `${callbackName}(${JSON.stringify(name)},${JSON.stringify(data).replace(/</g, '\\u003c')});\n`
}

/** The name and data inside a chunk script, read as text (never run). */
export function parseChunkScript(script: string): { name: string; data: unknown } {
  const m = /^RECAP_SEARCH\(("(?:[^"\\]|\\.)*"),/.exec(script)
  if (!m || !script.trimEnd().endsWith(');')) throw new Error('not a Recap search index file')
  return { name: JSON.parse(m[1]!) as string, data: JSON.parse(script.slice(m[0].length, script.trimEnd().length - 2)) }
}
