import fc from 'fast-check'
import { h as hastscript } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { h } from '../../templates/h.ts'

// Same nodes, and the same order of properties (the order of the attributes on the page).
const same = (...args: unknown[]) => {
  const call = (f: (...a: unknown[]) => unknown) => {
    try {
      return JSON.stringify(f(...structuredClone(args)))
    } catch (error) {
      return `throws ${(error as Error).message}`
    }
  }
  expect(call(h as (...a: unknown[]) => unknown)).toBe(call(hastscript as (...a: unknown[]) => unknown))
}

describe("the templates' h", () => {
  it('parses selectors as hastscript does, every time', () => {
    for (const selector of ['a.chip', 'main#main', 'div.x#y.z', 'A.Chip', '#only', '.only', '', 'li', 'h2#same-report-title', 'a..b', 'a#', 'span.kind.kind-talk']) {
      same(selector)
      same(selector, { className: ['extra'], id: 'own' })
      same(selector, 'text')
    }
    // The cached selector is not shared: changing one node leaves the next as new.
    const first = h('a.chip')
    ;(first.properties.className as string[]).push('changed')
    expect(h('a.chip').properties.className).toEqual(['chip'])
  })

  it('turns properties and children into hast as hastscript does', () => {
    same('input', { type: 'checkbox', checked: true, disabled: 'disabled', value: '', tabIndex: '-1', size: Number.NaN, hidden: '', open: 'OPEN' })
    same('a', { download: '', href: 'x', rel: 'external nofollow', ping: 'a b', accept: 'a, b', coords: '1,2' }, 'd')
    same('meta', { content: 'a, b', httpEquiv: 'x', ariaHidden: 'true', ariaLabelledby: 'a b', dataFooBar: 'q', 'data-x-y': 1, dataSearchForm: 'header' })
    same('p', { style: { color: 'red', 'font-size': '2px' }, className: 'a b  c', title: 3 })
    same('td', { colSpan: '2', rowSpan: 'x', width: '10' })
    same('div', null, ['a', 1, null, undefined, [h('b'), ['c']], { type: 'root', children: [{ type: 'text', value: 'r' }] }])
    same('div', { type: 'text', value: 'a node, not properties' })
    same('div', { type: 'x', props: ['a', 1] })
    same('div', { type: 'x', children: [] })
    same('template', { id: 't' }, h('p', 'inside'))
    same('div', {}, true)
    same('div', {}, { notANode: true })
  })

  it('matches hastscript on generated calls', () => {
    const text = fc.constantFrom('', 'a', 'x y', ' a  b ', '1', '-1', 'true', 'hidden', 'a, b', 'NaN')
    const value = fc.oneof(text, fc.boolean(), fc.integer({ min: -2, max: 2 }), fc.constant(Number.NaN), fc.constant(null), fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }))
    const key = fc.constantFrom('className', 'id', 'href', 'hidden', 'download', 'accept', 'tabIndex', 'ariaHidden', 'ariaLabelledby', 'dataSitePath', 'dataX', 'data-a-b', 'open', 'colSpan', 'checked', 'value', 'rel', 'for', 'htmlFor', 'content')
    const selector = fc.array(fc.constantFrom('a', 'div', 'LI', '.c', '.d', '#i', '#j', '.'), { maxLength: 4 }).map((parts) => parts.join(''))
    const child = fc.oneof(text, fc.integer(), fc.constant(null), fc.constant({ type: 'text', value: 't' }))
    fc.assert(
      fc.property(selector, fc.dictionary(key, value, { maxKeys: 5 }), fc.array(child, { maxLength: 3 }), (sel, props, children) => {
        same(sel, props, ...children)
      }),
      { numRuns: 1000 },
    )
  })
})
