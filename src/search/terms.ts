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

/** Lowercase, without diacritics or a possessive 's. */
export function foldTerm(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
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
const stem = (term: string) => (/^[a-z]+$/.test(term) ? lunr.stemmer(new lunr.Token(term, {})).toString() : term)
/** Synonyms run after stemming, so "postmortems" finds "postmortem": keys and values are stems. */
const canonical = new Map<string, string[]>()
for (const [first, ...others] of synonymGroups) {
  for (const other of others) canonical.set(stem(other), searchTerms(first!).map((t) => stem(t.term)))
}

/** lunr tokenizer: the same terms as searchTerms, as lunr tokens. */
export function tokenizer(obj: unknown): lunr.Token[] {
  if (obj === null || obj === undefined) return []
  const text = Array.isArray(obj) ? obj.map(String).join(' ') : String(obj)
  return searchTerms(text).map((t) => new lunr.Token(t.term, {}))
}

const synonyms: lunr.PipelineFunction = (token) => {
  const replacement = canonical.get(token.toString())
  if (!replacement) return token
  return replacement.map((term) => token.clone(() => term))
}

/** English stemming for plain words only: "node.js", "c++", "k8s" and "v1.10" stay whole. */
const stemmer: lunr.PipelineFunction = (token) => {
  if (!/^[a-z]+$/.test(token.toString())) return token
  return lunr.stemmer(token)
}

const registered = { done: false }

/**
 * Register Recap's pipeline functions with lunr. Must run before building an index and before
 * `lunr.Index.load`, in Node and in the browser alike, so the loaded index answers exactly
 * like the built one.
 */
export function registerPipeline(): void {
  if (registered.done) return
  lunr.Pipeline.registerFunction(synonyms, 'recapSynonyms')
  lunr.Pipeline.registerFunction(stemmer, 'recapStemmer')
  registered.done = true
}

export function configureBuilder(builder: lunr.Builder): void {
  registerPipeline()
  builder.tokenizer = tokenizer as typeof lunr.tokenizer
  builder.pipeline.reset()
  builder.pipeline.add(lunr.stopWordFilter, stemmer, synonyms)
  builder.searchPipeline.reset()
  builder.searchPipeline.add(stemmer, synonyms)
}

/** A query word as the index stores it (synonyms, stemming), or nothing for a stop word. */
export function indexTermsOf(term: string): string[] {
  registerPipeline()
  if (lunr.stopWordFilter(new lunr.Token(term, {})) === undefined) return []
  const pipeline = new lunr.Pipeline()
  pipeline.add(stemmer, synonyms)
  return pipeline.runString(term)
}
