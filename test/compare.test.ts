/**
 * TextOrder ranks texts as compareText orders them, whatever it was asked about before: a dev
 * server's second link must list speakers exactly as a fresh build does.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareText, TextOrder } from '../src/compare.ts'

const name = fc.oneof(fc.constantFrom('Ada', 'ada', 'Åsa', 'Zoë', 'zoe', 'Émile', 'Łukasz', 'Ib', 'ia', 'Ö', 'O'), fc.string({ maxLength: 6 }))

describe('TextOrder', () => {
  it('sorts every list as compareText does, across a sequence of lists sharing names', () => {
    fc.assert(
      fc.property(fc.array(fc.array(name, { maxLength: 12 }), { minLength: 1, maxLength: 6 }), (lists) => {
        const order = new TextOrder()
        for (const list of lists) {
          const rank = order.of(list)
          expect([...list].sort((a, b) => rank(a) - rank(b))).toEqual([...list].sort(compareText))
          for (const a of list) for (const b of list) expect(Math.sign(rank(a) - rank(b))).toBe(Math.sign(compareText(a, b)))
        }
      }),
      { numRuns: 300, seed: 3 },
    )
  })
})
