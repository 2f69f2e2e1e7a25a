/**
 * A query's words and how any text splits into terms, without lunr: the search page uses
 * them too (to fetch the index files a query will need while the engine starts), and lunr
 * would more than double what it loads. src/search/terms.ts builds lunr's pipeline on them.
 */

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

/**
 * Words too common to search for, dropped from the index and from queries: lunr's English
 * list (lunr.stopWordFilter), kept here so that a page can tell them without lunr.
 */
export const stopWords: readonly string[] = [
  'a', 'able', 'about', 'across', 'after', 'all', 'almost', 'also', 'am', 'among', 'an', 'and',
  'any', 'are', 'as', 'at', 'be', 'because', 'been', 'but', 'by', 'can', 'cannot', 'could', 'dear',
  'did', 'do', 'does', 'either', 'else', 'ever', 'every', 'for', 'from', 'get', 'got', 'had',
  'has', 'have', 'he', 'her', 'hers', 'him', 'his', 'how', 'however', 'i', 'if', 'in', 'into',
  'is', 'it', 'its', 'just', 'least', 'let', 'like', 'likely', 'may', 'me', 'might', 'most',
  'must', 'my', 'neither', 'no', 'nor', 'not', 'of', 'off', 'often', 'on', 'only', 'or', 'other',
  'our', 'own', 'rather', 'said', 'say', 'says', 'she', 'should', 'since', 'so', 'some', 'than',
  'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'tis', 'to', 'too',
  'twas', 'us', 'wants', 'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who',
  'whom', 'why', 'will', 'with', 'would', 'yet', 'you', 'your',
]
const stopWordSet = new Set(stopWords)

/** Whether a term is a stop word. */
export function isStopWord(term: string): boolean {
  return stopWordSet.has(term)
}

export const limits = { words: 12, wordLength: 64, inputLength: 500, completions: 20, links: 6 }

/**
 * What of a query is searched: its first `limits.inputLength` characters, cut before a word
 * the limit would split (the tail of "… service mesh servic" is no word being typed), and
 * whether anything was left out.
 */
export function searchedText(input: string): { text: string; cut: boolean } {
  const text = String(input ?? '')
  if (text.length <= limits.inputLength) return { text, cut: false }
  const head = text.slice(0, limits.inputLength)
  // The limit falls inside a word when letters or digits go on past it.
  const inWord = /[\p{L}\p{N}_]$/u.test(head) && /^[\p{L}\p{N}_.'’+#]/u.test(text.slice(limits.inputLength))
  // Ends in a space either way: what is left is finished, not being typed.
  const whole = inWord ? head.replace(/[\p{L}\p{N}_.'’+#]+$/u, '') : head
  // One word longer than the limit is kept, cut (queryWords cuts it shorter still).
  const kept = searchTerms(whole).length > 0 ? whole : head
  return { text: `${kept.trimEnd()} `, cut: true }
}

/** The words of a query: split like the index, stop words and over-long words dropped. */
export function queryWords(input: string): string[] {
  return wordsOf(input).words
}

/** The query's words, and whether the query went past what is searched (more words, or more text). */
export function wordsOf(input: string): { words: string[]; cut: boolean } {
  const { text, cut } = searchedText(input)
  const seen = new Set<string>()
  const terms = searchTerms(text)
  for (let i = 0; i < terms.length; i++) {
    const { term } = terms[i]!
    if (isStopWord(term)) continue
    // No word is this long: cut it, so the query is searched (and finds nothing) rather than
    // emptied and taken for common words.
    seen.add(term.slice(0, limits.wordLength))
    if (seen.size >= limits.words) {
      const rest = terms.slice(i + 1).some((t) => !isStopWord(t.term) && !seen.has(t.term.slice(0, limits.wordLength)))
      return { words: [...seen], cut: cut || rest }
    }
  }
  return { words: [...seen], cut }
}

/**
 * A query as a message repeats it ("12 results for “…”"): at most `max` characters, cut at
 * a space with an ellipsis, on one line. A pasted page would otherwise fill a phone's screen
 * before the first result, and only its first words were searched anyway.
 */
export function clipQuery(query: string, max = 60): string {
  const text = String(query ?? '').replace(/\s+/g, ' ').trim()
  if (text.length <= max) return text
  const head = text.slice(0, max)
  const space = head.lastIndexOf(' ')
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`
}
