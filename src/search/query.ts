/**
 * The query module, one for the browser (in a worker) and the command line: what a reader
 * typed → chips for a year or city named in it, quick links to topics, projects, conferences
 * and speakers, ranked sections and, for the results shown only, highlighted snippets.
 *
 * Each query word is expanded over the term dictionary into tiers: the word itself (and its
 * synonyms), its inflections (operators, meshes: same stem *and* the same word; "operations"
 * shares the stem of "operator" but is another word and is not matched), then, for the word
 * being typed, completions, and for a word of five letters or more that the dictionary does
 * not know, terms one edit away (and the query is shown corrected). Sections are ranked by
 * how many words they match, then by how many of those show in their title or text, then by
 * tier, then by lunr's own score: lunr's BM25 weights (field boosts included) summed with
 * a boost per tier, exactly lunr's similarity for such a query. What the reader typed never
 * reaches a query parser, so no input can throw.
 */
import {
  decodePostings,
  shardKey,
  type DictionaryShard,
  type FilterChunk,
  type PersonLink,
  type PostingsChunk,
  type QuickLink,
  type SectionChunk,
  type TextChunk,
} from './format.ts'
import type { ChunkSource } from './source.ts'
import { sameWord, searchTerms, stemOf, synonymOf } from './terms.ts'
import { limits, searchedText, wordsOf } from './words.ts'

export { clipQuery, limits, queryWords, searchedText } from './words.ts'

export type { QuickLink } from './format.ts'

export interface SearchDocument {
  id: string
  title: string
  /** Site path of the section page, e.g. "reports/r/s/". */
  url: string
  kind: string
  report: string
  conference: string
  conferenceName: string
  year: number
  /** Topic ids. */
  topics: string[]
  text: string
}

export interface Filters {
  /** Conference year. */
  year?: number
  /** Conference id. */
  conference?: string
  /** "sessions", "notes", or one kind ("talk", "keynote", …). */
  kind?: string
  /** Topic id. */
  topic?: string
}

/** A filter read from the query ("service mesh 2019"): the page shows it as a removable chip. */
export interface Chip {
  filter: 'year' | 'conference'
  value: string
  label: string
  /** The query word it came from; removing the chip removes the word. */
  word: string
}

export interface SnippetPart {
  text: string
  mark: boolean
}

export interface Hit {
  document: SearchDocument
  score: number
  /** How many of the query's words the section matched. */
  matchedWords: number
  snippet: SnippetPart[]
}

export interface SearchResult {
  /** The words searched for, after dropping stop words, filter words and limits. */
  words: string[]
  /** The query as searched when words were corrected ("prometheus" for "prometeus"). */
  corrected?: string
  chips: Chip[]
  links: QuickLink[]
  hits: Hit[]
  /** Matching sections with the filters (hits holds at most `limit` of them). */
  total: number
  /** Matching sections without filters: lets the page suggest dropping them. */
  unfilteredCount: number
}

export interface SearchOptions {
  limit?: number
  offset?: number
  /** Complete the last word as a prefix (as you type); off when the input ends with a space. */
  prefix?: boolean
  /** Read a year or conference city in the query as a filter (default true). */
  autoFilters?: boolean
  /** Load texts and build snippets (default true); without, hits have no text and no snippet. */
  snippets?: boolean
}


/** Tiers of a matched term, best last; the boost each adds to lunr's score. */
const tier = { typo: 0, prefix: 1, inflection: 2, exact: 3 } as const
const tierBoost = [1, 2, 6, 10]

/** A dictionary shard with lookups built once, when first used. */
class Shard {
  private position?: Map<string, number>
  private stems?: Map<string, number[]>
  private phrases?: Map<string, { link: QuickLink; phrase: string[] }[]>
  private people?: Map<string, { link: QuickLink; names: string[] }[]>
  constructor(readonly data: DictionaryShard) {}

  /** Names and aliases whose first word begins like `word` (its first two letters). */
  phrasesLike(word: string): { link: QuickLink; phrase: string[] }[] {
    this.indexLinks()
    return this.phrases!.get(linkKey(word)) ?? []
  }

  /** People with a word of their name beginning like `word`, and all their names' words. */
  peopleLike(word: string): { link: QuickLink; names: string[] }[] {
    this.indexLinks()
    return this.people!.get(linkKey(word)) ?? []
  }

  /** Quick links by the first two letters of their names' words: a query looks at a few, not all. */
  private indexLinks(): void {
    if (this.phrases) return
    const phrases = new Map<string, { link: QuickLink; phrase: string[] }[]>()
    const people = new Map<string, { link: QuickLink; names: string[] }[]>()
    const file = <T>(map: Map<string, T[]>, key: string, item: T) => {
      const list = map.get(key)
      if (!list) map.set(key, [item])
      else if (list.at(-1) !== item) list.push(item)
    }
    for (const link of [...this.data.links, ...(this.data.people ?? []).map(personLink)]) {
      for (const phrase of link.phrases) file(phrases, linkKey(phrase[0]!), { link, phrase })
      if (link.type !== 'speaker') continue
      const person = { link, names: link.phrases.flat() }
      for (const word of person.names) file(people, linkKey(word), person)
    }
    this.phrases = phrases
    this.people = people
  }

  indexOf(term: string): number {
    this.position ??= new Map(this.data.terms.map((t, i) => [t, i]))
    return this.position.get(term) ?? -1
  }

  sameStem(term: string): number[] {
    if (!this.stems) {
      this.stems = new Map()
      this.data.terms.forEach((t, i) => {
        const s = stemOf(t)
        const list = this.stems!.get(s)
        if (list) list.push(i)
        else this.stems!.set(s, [i])
      })
    }
    return this.stems.get(stemOf(term)) ?? []
  }

  /** Terms starting with `prefix`, most common first. */
  completions(prefix: string, max: number): number[] {
    const terms = this.data.terms
    let lo = 0
    let hi = terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (terms[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const found: number[] = []
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) found.push(i)
    return found.sort((a, b) => this.data.df[b]! - this.data.df[a]!).slice(0, max)
  }
}

interface Candidate {
  term: string
  tier: number
  chunk: number
}

export class Searcher {
  private readonly shards = new Map<string, Promise<Shard | undefined>>()
  /** Postings decoded once per term: typing "prom", "prome", … reuses them. */
  private readonly decoded = new Map<string, number[]>()

  constructor(readonly source: ChunkSource) {}

  get manifest() {
    return this.source.manifest
  }

  private shard(key: string): Promise<Shard | undefined> {
    let shard = this.shards.get(key)
    if (!shard) {
      const name = this.manifest.dictionary[key]
      shard = name ? this.source.load(name).then((d) => new Shard(d as DictionaryShard)) : Promise.resolve(undefined)
      this.shards.set(key, shard)
    }
    return shard
  }

  async search(input: string, filters: Filters = {}, options: SearchOptions | number = {}): Promise<SearchResult> {
    const opts = typeof options === 'number' ? { limit: options } : options
    const limit = opts.limit ?? 50
    const offset = opts.offset ?? 0
    const { text, cut } = searchedText(input)
    const prefix = (opts.prefix ?? true) && !/\s$/.test(text)
    const searched = wordsOf(text)
    let words = searched.words
    // Only the word being typed is completed: the query's last, not one before a year that
    // became a chip, a stop word ("prometheus and") or a word past the limit.
    const last = prefix ? searchTerms(text).at(-1)?.term.slice(0, limits.wordLength) : undefined
    const typing = last !== undefined && last === words.at(-1) ? last : undefined
    const activeFilters: Filters = { ...filters }
    const chips: Chip[] = []
    const typed = words
    if (opts.autoFilters !== false) words = this.readFilters(words, activeFilters, chips)
    if (words.length === 0) return { words, chips, links: [], hits: [], total: 0, unfilteredCount: 0 }

    // Expand every word over the dictionary.
    const expansions = await Promise.all(words.map((w, i) => expand(w, (key) => this.shard(key), w === typing && i === words.length - 1)))
    const correctedWords = words.map((w, i) => expansions[i]!.correction ?? w)
    const corrected = correctedWords.some((w, i) => w !== words[i]) ? correctedWords.join(' ') : undefined
    // A word that became a chip still names things: "kubecon 2019" is a conference.
    let k = 0
    const linkWords = typed.map((w) => (k < words.length && words[k] === w ? correctedWords[k++]! : w))
    // A query past what is searched (a pasted paragraph) names a thing only in full.
    const long = cut || searched.cut
    const links = await quickLinks(linkWords, (key) => this.shard(key), typing !== undefined && words.at(-1) === typing, long)

    // Postings of every candidate term, and the filter data when a filter is on.
    const filtered = Object.values(activeFilters).some((v) => v !== undefined && v !== '')
    const chunkNames = new Set(expansions.flatMap((e) => e.candidates.map((c) => `p/${c.chunk}`)))
    const [attrs, ...postingsChunks] = await Promise.all([
      filtered ? (this.source.load('attrs') as Promise<FilterChunk>) : undefined,
      ...[...chunkNames].map((n) => this.source.load(n) as Promise<PostingsChunk>),
    ])
    const postingsOf = (term: string) => {
      let decoded = this.decoded.get(term)
      if (!decoded) {
        const chunk = postingsChunks.find((c) => Object.hasOwn(c!, term))
        decoded = chunk ? decodePostings(chunk[term]!) : []
        this.decoded.set(term, decoded)
      }
      return decoded
    }

    const n = this.manifest.docCount
    const nw = words.length
    const mask = new Uint16Array(n)
    const touched: number[] = []
    // Which words each section matches, before filters (cheap: one pass over postings).
    const postingsByWord = expansions.map((e) => e.candidates.map((c) => ({ tier: c.tier, list: postingsOf(c.term) })))
    postingsByWord.forEach((lists, w) => {
      for (const { list } of lists) {
        for (let i = 1; i < list.length; i += 3) {
          const d = list[i]!
          if (mask[d] === 0) touched.push(d)
          mask[d]! |= 1 << w
        }
      }
    })
    const all = (1 << nw) - 1
    const matchingAll = touched.filter((d) => mask[d] === all)
    const unfiltered = matchingAll.length > 0 ? matchingAll : touched
    // Filters before any ranking work.
    const allowed = filtered ? this.filterTest(activeFilters, attrs!) : () => true
    const docs = unfiltered.filter(allowed)
    if (docs.length === 0) return { words, corrected, chips, links, hits: [], total: 0, unfilteredCount: unfiltered.length }

    // Score: lunr's similarity for a query of (term, boost) clauses, tiers, shown words.
    const keep = new Uint8Array(n)
    for (const d of docs) keep[d] = 1
    const score = new Float64Array(n)
    const best = new Int8Array(n * nw).fill(-1)
    const shown = new Uint16Array(n)
    const title = this.manifest.fields.indexOf('title')
    const body = this.manifest.fields.indexOf('body')
    let norm = 0
    const boostOfTerm = new Map<string, number>()
    expansions.forEach((e) => e.candidates.forEach((c) => boostOfTerm.set(c.term, (boostOfTerm.get(c.term) ?? 0) + tierBoost[c.tier]!)))
    for (const b of boostOfTerm.values()) norm += b * b
    norm = Math.sqrt(norm) || 1
    postingsByWord.forEach((lists, w) => {
      for (const { tier: t, list } of lists) {
        const boost = tierBoost[t]!
        for (let i = 0; i < list.length; i += 3) {
          const d = list[i + 1]!
          if (!keep[d]) continue
          score[d]! += (boost * list[i + 2]!) / norm
          if (best[d * nw + w]! < t) best[d * nw + w] = t
          if (list[i] === title || list[i] === body) shown[d]! |= 1 << w
        }
      }
    })
    const bits = (x: number) => {
      let c = 0
      for (; x; x &= x - 1) c++
      return c
    }
    const rank = docs.map((d) => {
      let tiers = 0
      for (let w = 0; w < nw; w++) tiers += Math.max(0, best[d * nw + w]!)
      return { d, matched: bits(mask[d]!), shown: bits(shown[d]!), tiers, score: score[d]! }
    })
    rank.sort((a, b) => b.matched - a.matched || b.shown - a.shown || b.tiers - a.tiers || b.score - a.score || a.d - b.d)

    const page = rank.slice(offset, offset + limit)
    const marked = new Set(expansions.flatMap((e) => e.candidates.map((c) => c.term)))
    const withText = opts.snippets !== false
    const hits = await Promise.all(
      page.map(async (r) => {
        const document = await this.document(r.d, withText)
        return { document, score: r.score, matchedWords: r.matched, snippet: withText ? snippet(document.text, marked) : [] }
      }),
    )
    return { words, corrected, chips, links, hits, total: rank.length, unfilteredCount: unfiltered.length }
  }

  /** The section with this number, from its chunk, and its text from another when asked. */
  async document(d: number, withText = true): Promise<SearchDocument> {
    const { sectionChunkSize, textChunks } = this.manifest
    let lo = 0
    let hi = textChunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (textChunks[mid]! <= d) lo = mid
      else hi = mid - 1
    }
    const [chunk, texts] = await Promise.all([
      this.source.load(`m/${Math.floor(d / sectionChunkSize)}`) as Promise<SectionChunk>,
      withText ? (this.source.load(`t/${lo}`) as Promise<TextChunk>) : undefined,
    ])
    const s = chunk.sections[d - chunk.first]!
    const conference = this.manifest.conferences[s.conference]!
    return { ...s, conference: conference.id, conferenceName: conference.name, year: conference.year, text: texts ? texts.texts[d - texts.first]! : '' }
  }

  /** Words naming a conference year or city become filters, unless they are all there is. */
  private readFilters(words: string[], filters: Filters, chips: Chip[]): string[] {
    const conferences = this.manifest.conferences
    const rest: string[] = []
    for (const word of words) {
      const others = words.length - 1 - chips.length
      if (others > 0 && filters.year === undefined && /^\d{4}$/.test(word) && conferences.some((c) => c.year === Number(word))) {
        filters.year = Number(word)
        chips.push({ filter: 'year', value: word, label: word, word })
        continue
      }
      const city = conferences.find((c) => searchTerms(c.city).map((t) => t.term).join(' ') === word)
      if (others > 0 && city && filters.conference === undefined && !chips.some((c) => c.filter === 'conference')) {
        const sameCity = conferences.filter((c) => c.city === city.city)
        // A city with one conference filters to it; with several, to none in particular.
        if (sameCity.length === 1) {
          filters.conference = city.id
          chips.push({ filter: 'conference', value: city.id, label: city.city, word })
          continue
        }
      }
      rest.push(word)
    }
    return rest
  }

  private filterTest(f: Filters, attrs: FilterChunk): (d: number) => boolean {
    const { conferences, kinds } = this.manifest
    const topic = f.topic ? new Set(Object.hasOwn(attrs.topics, f.topic) ? attrs.topics[f.topic] : []) : undefined
    return (d) => {
      const c = conferences[attrs.conference[d]!]!
      const kind = kinds[attrs.kind[d]!]!
      if (f.year !== undefined && c.year !== f.year) return false
      if (f.conference && c.id !== f.conference) return false
      if (topic && !topic.has(d)) return false
      if (f.kind === 'sessions') return kind !== 'note'
      if (f.kind === 'notes') return kind === 'note'
      if (f.kind && kind !== f.kind) return false
      return true
    }
  }
}

type ShardLoader = (key: string) => Promise<Shard | undefined>

async function expand(word: string, shardOf: ShardLoader, complete: boolean): Promise<{ candidates: Candidate[]; correction?: string }> {
  const found = new Map<string, Candidate>()
  const add = (shard: Shard, i: number, t: number) => {
    const term = shard.data.terms[i]!
    const seen = found.get(term)
    if (!seen || seen.tier < t) found.set(term, { term, tier: t, chunk: shard.data.chunk[i]! })
  }
  const synonyms = synonymOf(word)
  const own = await shardOf(shardKey(word))
  for (const term of synonyms ?? [word]) {
    const shard = await shardOf(shardKey(term))
    const i = shard?.indexOf(term) ?? -1
    if (shard && i >= 0) add(shard, i, tier.exact)
  }
  if (own) {
    for (const i of own.sameStem(word)) if (sameWord(own.data.terms[i]!, word)) add(own, i, tier.inflection)
    if (complete && word.length >= 2) for (const i of own.completions(word, limits.completions)) add(own, i, tier.prefix)
  }
  // Typos only for longer words the dictionary does not know: "helm" is no typo of "help".
  if (found.size > 0 || word.length < 5) return { candidates: [...found.values()] }
  let correction: { term: string; df: number } | undefined
  // A typo in the first letter is looked for only as a swap with the second ("rpometheus").
  for (const key of new Set([shardKey(word), shardKey(word.slice(1))])) {
    const shard = await shardOf(key)
    if (!shard) continue
    shard.data.terms.forEach((term, i) => {
      if (!withinOneEdit(term, word)) return
      add(shard, i, tier.typo)
      const df = shard.data.df[i]!
      if (!correction || df > correction.df) correction = { term, df }
    })
  }
  return { candidates: [...found.values()], correction: correction?.term }
}

/** How well a quick link matches the query. */
interface LinkMatch {
  link: QuickLink
  /** The query words its name accounts for, one bit each. */
  words: number
  /** A whole name or alias, as opposed to one word of a person's name ("hightower"). */
  whole: boolean
  /** Every word as written, not inflected or completed. */
  exact: boolean
}

const linkOrder = { topic: 0, project: 1, conference: 2, speaker: 3 }

/**
 * Topics, projects, conferences and speakers the (corrected) query names: by a whole name or
 * alias ("service mesh", "kubecon 2019", "kelsey hightower"), completed while typed ("kelsey
 * hig"), or, for a person, by any word of their name ("hightower", "beda", "joe"). One link per
 * page, best first: the more query words a name accounts for, whole names before a word of
 * one, exact before inflected or completed, then topics, projects, conferences and speakers,
 * and people with more sessions first. Words a longer name accounts for are not offered again
 * as a shorter name or as part of a person's name ("service mesh" is the topic, not Dee Mesh).
 * A `long` query (past what is searched: a pasted paragraph) gets links only for names it
 * writes out in full.
 */
async function quickLinks(words: string[], shardOf: ShardLoader, prefix: boolean, long = false): Promise<QuickLink[]> {
  const found = new Map<string, LinkMatch>()
  const better = (a: LinkMatch, b: LinkMatch) => bitCount(a.words) - bitCount(b.words) || Number(a.whole) - Number(b.whole) || Number(a.exact) - Number(b.exact)
  const offer = (m: LinkMatch) => {
    const seen = found.get(m.link.url)
    if (!seen || better(m, seen) > 0) found.set(m.link.url, m)
  }
  // The last word may be cut short while typed: it matches the start of a name's word.
  const typedWord = prefix ? words.length - 1 : -1
  const wordMatches = (k: number, name: string) => {
    const w = words[k]!
    // Inflections and completions share the first two letters (cheap to rule out first).
    if (w.charCodeAt(0) !== name.charCodeAt(0) || w.charCodeAt(1) !== name.charCodeAt(1)) return w === name
    return sameWord(w, name) || (k === typedWord && w.length >= 3 && name.startsWith(w))
  }
  // A name is filed under the first letter of its first word, a person's under every word's;
  // in a shard, by the first two letters (a match shares them, but for one-letter words).
  const scanned = new Set<string>()
  for (let start = 0; start < words.length; start++) {
    const key = linkKey(words[start]!)
    if (scanned.has(key)) continue
    scanned.add(key)
    const shard = await shardOf(shardKey(key))
    if (!shard) continue
    for (const { link, phrase } of shard.phrasesLike(key)) {
      for (let at = start; at < words.length; at++) {
        if (linkKey(words[at]!) !== key) continue
        const run = Math.min(phrase.length, words.length - at)
        // A whole phrase, or the words being typed that begin one ("kelsey hig").
        if (run < phrase.length && (typedWord < 0 || words.at(-1)!.length < 3)) continue
        let ok = true
        for (let k = 0; k < run && ok; k++) ok = wordMatches(at + k, phrase[k]!)
        if (!ok) continue
        let bits = 0
        for (let k = 0; k < run; k++) bits |= 1 << (at + k)
        offer({ link, words: bits, whole: true, exact: run === phrase.length && phrase.every((p, k) => p === words[at + k]) })
      }
    }
    // A person by any word of their name or aliases.
    for (const { link, names } of shard.peopleLike(key)) {
      let bits = 0
      let exact = true
      words.forEach((w, k) => {
        if (names.some((name) => wordMatches(k, name))) {
          bits |= 1 << k
          exact &&= names.includes(w)
        }
      })
      if (bits) offer({ link, words: bits, whole: false, exact })
    }
  }
  let matches = [...found.values()]
  if (long) matches = matches.filter((m) => m.whole && m.exact)
  // A name inside a longer one the query names is not offered too ("kelsey hig": not a topic
  // completing "hig"; "marlow vint": not Rosa Vint), nor a word of a person's name that a
  // whole name accounts for.
  const inside = (m: LinkMatch, w: LinkMatch) => (m.words & w.words) === m.words && (bitCount(w.words) > bitCount(m.words) || (w.whole && !m.whole))
  return matches
    .filter((m) => !matches.some((w) => w !== m && inside(m, w)))
    .sort(
      (a, b) =>
        -better(a, b) ||
        linkOrder[a.link.type] - linkOrder[b.link.type] ||
        (b.link.sessions ?? 0) - (a.link.sessions ?? 0) ||
        (a.link.name < b.link.name ? -1 : a.link.name > b.link.name ? 1 : 0),
    )
    .slice(0, limits.links)
    .map((m) => m.link)
}

/** A speaker's quick link from its compact form (see PersonLink). */
function personLink([name, url, sessions, ...aliases]: PersonLink): QuickLink {
  const phrases = [name, ...aliases].map((n) => searchTerms(n).map((t) => t.term)).filter((p) => p.length > 0)
  return { type: 'speaker', id: url.split('/').at(-2) ?? url, name, url, phrases, sessions }
}

/** Where a quick link's word is filed in a shard: its first two letters. */
function linkKey(word: string): string {
  return word.slice(0, 2)
}

function bitCount(x: number): number {
  let c = 0
  for (; x; x &= x - 1) c++
  return c
}

/** Damerau-Levenshtein distance ≤ 1, as lunr's edit distance counts it. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) // transposition
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a]
  return longer.slice(i + 1) === shorter.slice(i)
}

/** Tokens that may be a synonym's other spelling ("k8s", "postmortems"): only these need a stem. */
const synonymStarts = ['k8s', 'kub', 'o11', 'mul', 'pos']

/**
 * About 30 words around the densest run of matched terms, split into marked and unmarked
 * parts. Terms are compared as written: no stemming per token.
 */
export function snippet(text: string, terms: Set<string>, size = 30): SnippetPart[] {
  const tokens = searchTerms(text)
  if (tokens.length === 0) return [{ text: text.slice(0, 200), mark: false }]
  const isHit = tokens.map(({ term }) => terms.has(term) || (synonymStarts.some((s) => term.startsWith(s)) && (synonymOf(term) ?? []).some((t) => terms.has(t))))
  // Sliding window count of hits: linear in the text.
  let count = 0
  for (let k = 0; k < Math.min(size, tokens.length); k++) if (isHit[k]) count++
  let bestCount = count
  let bestStart = 0
  for (let i = 1; i + size <= tokens.length; i++) {
    count += (isHit[i + size - 1] ? 1 : 0) - (isHit[i - 1] ? 1 : 0)
    if (count > bestCount) {
      bestCount = count
      bestStart = i
    }
  }
  // Start a few words before the window's first hit, so the match reads in context.
  let firstHit = -1
  for (let k = bestStart; k < tokens.length; k++) {
    if (isHit[k]) {
      firstHit = k
      break
    }
  }
  const start = firstHit === -1 ? 0 : Math.max(0, Math.min(firstHit - 8, tokens.length - size))
  const end = Math.min(tokens.length, start + size)
  const from = tokens[start]!.start
  const to = tokens[end - 1]!.end
  const parts: SnippetPart[] = []
  if (start > 0) parts.push({ text: '… ', mark: false })
  let cursor = from
  for (let k = start; k < end; k++) {
    if (!isHit[k]) continue
    const t = tokens[k]!
    if (t.start > cursor) parts.push({ text: text.slice(cursor, t.start).replace(/\s+/g, ' '), mark: false })
    parts.push({ text: text.slice(t.start, t.end), mark: true })
    cursor = t.end
  }
  if (to > cursor) parts.push({ text: text.slice(cursor, to).replace(/\s+/g, ' '), mark: false })
  if (end < tokens.length) parts.push({ text: ' …', mark: false })
  return parts
}
