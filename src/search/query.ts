/**
 * The query module, one for the browser and the command line: what a reader typed →
 * ranked sections, quick links to topics and projects, and highlighted snippets.
 *
 * The lunr query is built clause by clause with `index.query()`; what the reader typed is
 * never handed to lunr's query parser, so no input can throw (":", "~", "^", "-" and
 * "title:" are plain characters here). Each word gets an exact clause, a prefix clause and,
 * from five letters on, an edit-distance-1 clause, with falling boosts; sections that
 * match every word rank above those that match some.
 */
import lunr from 'lunr'
import { unpack, type PackedIndex } from './pack.ts'
import { indexTermsOf, registerPipeline, searchTerms } from './terms.ts'
import { compareCodePoints } from '../compare.ts'

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

export interface QuickLink {
  type: 'topic' | 'project'
  id: string
  name: string
  url: string
  /** Names and aliases, each as its search terms. */
  phrases: string[][]
}

export interface SearchData {
  index: PackedIndex
  documents: SearchDocument[]
  links: QuickLink[]
  topics: { id: string; name: string }[]
  conferences: { id: string; name: string; year: number }[]
}

export interface Filters {
  /** Conference year. */
  year?: number
  /** "sessions", "notes", or one kind ("talk", "keynote", …). */
  kind?: string
  /** Topic id. */
  topic?: string
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
  /** The words searched for, after dropping stop words and limits. */
  words: string[]
  links: QuickLink[]
  hits: Hit[]
  /** Matches before filters: lets the page suggest dropping filters. */
  unfilteredCount: number
}

export const limits = { words: 12, wordLength: 64, inputLength: 500 }

export class Searcher {
  private readonly index: lunr.Index
  private readonly documents: Map<string, SearchDocument>

  constructor(readonly data: SearchData) {
    registerPipeline()
    this.index = lunr.Index.load(unpack(data.index))
    this.documents = new Map(data.documents.map((d) => [d.id, d]))
  }

  search(input: string, filters: Filters = {}, limit = 50): SearchResult {
    const words = queryWords(input)
    const links = this.quickLinks(words)
    if (words.length === 0) return { words, links, hits: [], unfilteredCount: 0 }

    let raw: lunr.Index.Result[]
    try {
      raw = this.index.query((q) => {
        for (const word of words) addClauses(q, word)
      })
    } catch {
      // The clauses above cannot be malformed, but a search box must never break the page.
      raw = []
    }

    const hits = raw.map((r) => {
      const matchedTerms = Object.keys(r.matchData.metadata)
      const matchedWords = words.filter((w) => matchedTerms.some((t) => termMatchesWord(t, w))).length
      const document = this.documents.get(r.ref)!
      return { document, score: r.score, matchedWords, snippet: snippet(document.text, matchedTerms, words) }
    })
    hits.sort((a, b) => b.matchedWords - a.matchedWords || b.score - a.score || compareCodePoints(a.document.id, b.document.id))
    const filtered = hits.filter((h) => passes(h.document, filters))
    return { words, links, hits: filtered.slice(0, limit), unfilteredCount: hits.length }
  }

  /** Topics and projects whose name or alias the query names, shown apart from the ranked list. */
  private quickLinks(words: string[]): QuickLink[] {
    if (words.length === 0) return []
    const query = ` ${words.join(' ')} `
    return this.data.links.filter((link) => link.phrases.some((p) => p.length > 0 && query.includes(` ${p.join(' ')} `))).slice(0, 6)
  }
}

/** The words of a query: split like the index, stop words and over-long input dropped. */
export function queryWords(input: string): string[] {
  const seen = new Set<string>()
  for (const { term } of searchTerms(String(input ?? '').slice(0, limits.inputLength))) {
    if (term.length > limits.wordLength) continue
    if (indexTermsOf(term).length === 0) continue
    seen.add(term)
    if (seen.size >= limits.words) break
  }
  return [...seen]
}

function addClauses(q: lunr.Query, word: string): void {
  const fuzzyFrom = new Set([word, ...indexTermsOf(word)].filter((t) => t.length >= 5))
  q.term(word, { boost: 10, usePipeline: true })
  q.term(word, { boost: 3, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING })
  for (const t of fuzzyFrom) q.term(t, { boost: 1, usePipeline: false, editDistance: 1 })
}

/** Whether an index term came from this query word (exactly, as a prefix, or one edit away). */
function termMatchesWord(term: string, word: string): boolean {
  if (term.startsWith(word)) return true
  const stems = indexTermsOf(word)
  if (stems.includes(term)) return true
  if (word.length >= 5) return [word, ...stems].some((w) => w.length >= 5 && withinOneEdit(term, w))
  return false
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

function passes(d: SearchDocument, f: Filters): boolean {
  if (f.year !== undefined && d.year !== f.year) return false
  if (f.topic && !d.topics.includes(f.topic)) return false
  if (f.kind === 'sessions') return d.kind !== 'note'
  if (f.kind === 'notes') return d.kind === 'note'
  if (f.kind && d.kind !== f.kind) return false
  return true
}

/**
 * About 30 words around the densest run of matches, split into marked and unmarked parts.
 * Highlighting re-tokenizes the text, so the index needs no term positions.
 */
export function snippet(text: string, matchedTerms: string[], words: string[], size = 30): SnippetPart[] {
  const tokens = searchTerms(text)
  const matched = new Set(matchedTerms)
  const isHit = tokens.map((t) => indexTermsOf(t.term).some((s) => matched.has(s)) || words.includes(t.term))
  let bestStart = 0
  let bestCount = -1
  for (let i = 0; i < Math.max(1, tokens.length - size + 1); i++) {
    let count = 0
    for (let k = i; k < Math.min(tokens.length, i + size); k++) if (isHit[k]) count++
    if (count > bestCount) {
      bestCount = count
      bestStart = i
    }
  }
  // Start a few words before the window's first hit, so the match reads in context.
  const firstHit = isHit.findIndex((h, k) => h && k >= bestStart)
  const start = firstHit === -1 ? 0 : Math.max(0, Math.min(firstHit - 8, tokens.length - size))
  const end = Math.min(tokens.length, start + size)
  if (tokens.length === 0) return [{ text: text.slice(0, 200), mark: false }]
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
