/** The sessions list's filter chips: their hidden words say what the number counts. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { describe, expect, inject, it } from 'vitest'

const text = (el: Element) => {
  let out = ''
  visit(el, 'text', (t: { value: string }) => void (out += t.value))
  return out
}

describe('the sessions filter chips', () => {
  it('read out "sessions", the thing they count, never "sections"', async () => {
    const page = fromHtml(await readFile(path.join(inject('fixtureSite'), 'sessions/index.html'), 'utf8'))
    const chips: string[] = []
    visit(page, 'element', (el: Element) => {
      if (el.tagName === 'a' && String(el.properties.className).includes('chip')) chips.push(text(el))
    })
    // Kinds, years, conferences and topics: every chip of the first page.
    expect(chips.length).toBeGreaterThan(4)
    expect(chips.filter((c) => !/^.+ \d+ sessions?$/.test(c))).toEqual([])
    expect(chips.find((c) => c.startsWith('All '))).toMatch(/^All \d+ sessions$/)
  })
})
