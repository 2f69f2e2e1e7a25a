/**
 * How search splits text into terms, on both sides: the index is built with this tokenizer
 * and every query is split by it too, so "node.js", "C++", "k8s" and "CI/CD" mean the same
 * thing in a report and in the search box. (lunr's default splits only on spaces and
 * hyphens, and its trimmer and stemmer turn "node.js" into "node.j" and "C++" into "c".)
 */
import lunr from 'lunr'

export interface SearchTerm {
  term: string
  start: number
  end: number
}

// Letters and digits, with inner dots (node.js, v1.10), inner apostrophes (don't) and a
// trailing + or # (c++, c#) kept as part of the term.
const termPattern = /[\p{L}\p{N}_]+(?:[.'’][\p{L}\p{N}_]+)*[+#]*/gu

export function searchTerms(text: string): SearchTerm[] {
  const out: SearchTerm[] = []
  for (const m of text.matchAll(termPattern)) {
    const term = foldTerm(m[0])
    if (term) out.push({ term, start: m.index, end: m.index + m[0].length })
  }
  return out
}

const plainTerm = /^[a-z0-9_.+#]*$/

/** Lowercase, without diacritics or a possessive 's. */
export function foldTerm(word: string): string {
  // Most words are plain lower-case ASCII already, which every step below leaves as it is.
  if (plainTerm.test(word)) return word
  return word
    .normalize('NFKD')
    // Compatibility forms can decompose into a space and marks (U+FC5E → " ٌّ"): a term has neither.
    .replace(/[\p{M}\s]+/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/’/g, "'")
}

/** Words that mean the same term. Both sides map them to the first spelling. */
const synonymGroups: string[][] = [
  ['kubernetes', 'k8s', 'kube'],
  ['observability', 'o11y'],
  ['multi-tenancy', 'multitenancy'],
  ['post mortem', 'postmortem'],
]

/** English (Porter) stem of a plain word; "node.js", "c++", "k8s" and "v1.10" stay whole. */
export function stemOf(term: string): string {
  if (!/^[a-z]+$/.test(term)) return term
  // Every token of the index is stemmed (for its synonyms): the same few thousand words over
  // and over, so stems are kept, up to a bound, rather than computed again.
  let stem = stems.get(term)
  if (stem === undefined) {
    if (stems.size >= stemsKept) stems.clear()
    stems.set(term, (stem = lunr.stemmer(new lunr.Token(term, {})).toString()))
  }
  return stem
}
const stems = new Map<string, string>()
const stemsKept = 100_000

/**
 * Synonyms by stem, so "postmortems" finds "post mortem" too; the replacement is the first
 * spelling's own words, unstemmed, since the index keeps words as written.
 */
const canonical = new Map<string, string[]>()
for (const [first, ...others] of synonymGroups) {
  for (const other of others) canonical.set(stemOf(other), searchTerms(first!).map((t) => t.term))
}

/** The words a term stands for in the index: itself, or its synonym's words. */
export function synonymOf(term: string): string[] | undefined {
  return canonical.get(stemOf(term))
}

/** lunr tokenizer: the same terms as searchTerms, as lunr tokens. */
export function tokenizer(obj: unknown): lunr.Token[] {
  if (obj === null || obj === undefined) return []
  const text = Array.isArray(obj) ? obj.map(String).join(' ') : String(obj)
  return searchTerms(text).map((t) => new lunr.Token(t.term, {}))
}

const synonyms: lunr.PipelineFunction = (token) => {
  const replacement = synonymOf(token.toString())
  if (!replacement) return token
  return replacement.map((term) => token.clone(() => term))
}

const registered = { done: false }

/**
 * Register Recap's pipeline function with lunr (lunr refuses to serialize a pipeline of
 * unregistered functions).
 */
export function registerPipeline(): void {
  if (registered.done) return
  lunr.Pipeline.registerFunction(synonyms, 'recapSynonyms')
  registered.done = true
}

/**
 * The index keeps words as written (folded, synonyms mapped), not stems: stemming happens at
 * query time over the term dictionary, where a stem that merges different words
 * ("operator", "operations") can be told apart from a plural ("operators").
 */
export function configureBuilder(builder: lunr.Builder): void {
  registerPipeline()
  builder.tokenizer = tokenizer as typeof lunr.tokenizer
  builder.pipeline.reset()
  builder.pipeline.add(lunr.stopWordFilter, synonyms)
  builder.searchPipeline.reset()
  builder.searchPipeline.add(synonyms)
}

/** Whether lunr drops this word as a stop word. Plain set lookup, no pipeline per call. */
export function isStopWord(term: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(term, {})) === undefined
}

const inflections = ['s', 'es', 'ed', 'd', 'ing', "'s"]

/**
 * Whether two words are one word inflected (operator/operators, mesh/meshes, policy/policies,
 * trace/tracing, log/logging), as opposed to two words the stemmer merges
 * (operator/operations, custom/customer, control/controller).
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  const bases = [short]
  if (short.endsWith('e')) bases.push(short.slice(0, -1))
  if (short.endsWith('y')) bases.push(short.slice(0, -1) + 'i')
  if (/[bcdfgklmnprstvz]$/.test(short)) bases.push(short + short.at(-1))
  return bases.some((base) => long.startsWith(base) && inflections.includes(long.slice(base.length)))
}
