/**
 * Terms are folded and stemmed the same way for the index and for a query. Plain words take a
 * short path and stems are remembered: both must give exactly what the full rule gives.
 */
import fc from 'fast-check'
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'
import { foldTerm, stemOf } from '../../src/search/terms.ts'

/** The rule in full, with no short path. */
const fullFold = (word: string) =>
  word
    .normalize('NFKD')
    .replace(/[\p{M}\s]+/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/’/g, "'")

const word = fc.oneof(
  fc.stringMatching(/^[a-z0-9_.+#]{0,10}$/),
  fc.stringMatching(/^[A-Za-zé’'0-9.+#-]{0,10}$/),
  fc.constantFrom("Kubernetes's", 'café', 'Ünïcödé', 'node.js', 'c++', 'k8s', 'v1.10', 'operators', "team’s", 'ﱞ'),
)

describe('terms', () => {
  it('fold every word as the full rule does', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(foldTerm(w)).toBe(fullFold(w))
      }),
      { numRuns: 2000, seed: 9 },
    )
  })

  it('stem plain words as lunr does, asked once or many times', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 20 }), (words) => {
        for (const w of [...words, ...words]) expect(stemOf(w)).toBe(lunr.stemmer(new lunr.Token(w, {})).toString())
      }),
      { numRuns: 300, seed: 4 },
    )
    expect(stemOf('node.js')).toBe('node.js')
  })
})
