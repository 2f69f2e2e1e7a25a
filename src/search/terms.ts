/**
 * How search splits text into terms, on both sides: the index is built with this tokenizer
 * and every query is split by it too, so "node.js", "C++", "k8s" and "CI/CD" mean the same
 * thing in a report and in the search box. (lunr's default splits only on spaces and
 * hyphens, and its trimmer and stemmer turn "node.js" into "node.j" and "C++" into "c".)
 */
import lunr from 'lunr'
import { searchTerms, stopWords } from './words.ts'

export { foldTerm, isStopWord, searchTerms, type SearchTerm } from './words.ts'

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

/** lunr's own filter, made from the same list the page uses (src/search/words.ts). */
const stopWordFilter = lunr.generateStopWordFilter([...stopWords])

const registered = { done: false }

/**
 * Register Recap's pipeline function with lunr (lunr refuses to serialize a pipeline of
 * unregistered functions).
 */
export function registerPipeline(): void {
  if (registered.done) return
  lunr.Pipeline.registerFunction(synonyms, 'recapSynonyms')
  lunr.Pipeline.registerFunction(stopWordFilter, 'recapStopWords')
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
  builder.pipeline.add(stopWordFilter, synonyms)
  builder.searchPipeline.reset()
  builder.searchPipeline.add(synonyms)
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
