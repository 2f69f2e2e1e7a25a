import fc from 'fast-check'
import type { Element, ElementContent, Nodes, Properties, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h, s } from 'hastscript'
import { describe, expect, it, vi } from 'vitest'
import { fragmentNode, PreRendered, serializeFragment, serializeHtml } from '../../src/emit/html.ts'
import { resolveSiteLinks } from './site-links.ts'
import { parseMarkdown, sectionContent } from '../../src/parse/markdown.ts'
import { readSite } from '../../src/pipeline.ts'
import { makeContent, report } from '../helpers.ts'

// The page serializer must write what hast-util-to-html writes after resolveSiteLinks, byte for byte.
const siteHref = (path: string) => `../${path}?a&b"c`
const reference = (tree: Nodes) => toHtml(resolveSiteLinks(tree.type === 'root' || tree.type === 'element' ? tree : { type: 'root', children: [tree as ElementContent] }, siteHref))
const same = (tree: Nodes) => expect(serializeHtml(tree, { siteHref })).toBe(reference(tree))

describe('the page serializer', () => {
  it('escapes text and attribute values as hast-util-to-html does', () => {
    same(h('p', { title: `a "quoted" & 'single' \`tick\` \0 < >`, dataX: '&amp;' }, ['1 < 2 & 3 > 2 "quoted" \'s\'', h('b', '&lt;')]))
    same(h('div', [h('script', 'if (a < b && c) {}'), h('style', 'a > b { content: "&" }'), h('textarea', '</textarea>&')]))
    same({ type: 'root', children: [{ type: 'doctype' }, { type: 'comment', value: '-->x<!--y--!>z<!-' }, { type: 'comment', value: '>a' }, { type: 'comment', value: '->b' }] })
    same({ type: 'root', children: [h('p', [{ type: 'raw', value: '<b>raw</b> &' }]), h('script', [{ type: 'raw', value: '<b>' }])] })
  })

  it('writes every kind of attribute value the way the library does', () => {
    same(h('input', { type: 'checkbox', checked: true, disabled: false, value: '', tabIndex: -1, size: Number.NaN, accept: ['a/b', 'c/d'], className: ['x', 'y'], hidden: 'hidden' }))
    same(h('a', { download: '', href: 'x' }, 'd'))
    same(h('a', { download: 'file.txt', ping: ['a', 'b'] }, 'd'))
    same(h('details', { open: true, ariaHidden: 'true', ariaLabelledby: 'x', dataFooBar: 'q', dataSearchForm: 'header' }, h('summary', 'S')))
    same(h('area', { coords: [1, 2, 3], shape: 'rect' }))
    same({ type: 'element', tagName: 'td', properties: { colSpan: 2, align: 'left', weird: null, other: undefined, 'data-dash-key': 'v' } as Properties, children: [] })
    same(h('meta', { content: ['a', ''] }))
    same({ type: 'element', tagName: 'p', properties: { 'bad name"<': 'v' } as Properties, children: [] })
  })

  it('writes void elements without a closing tag unless they have children', () => {
    same(h('div', [h('br'), h('img', { src: 'a.png', alt: '' }), h('hr'), h('wbr')]))
    same({ type: 'element', tagName: 'br', properties: {}, children: [{ type: 'text', value: 'odd' }] })
    same({ type: 'element', tagName: 'BR', properties: {}, children: [] })
  })

  it('switches to SVG attribute names inside svg and back inside foreignObject', () => {
    same(
      h('figure', [
        s('svg', { viewBox: '0 0 10 10', xmlns: 'http://www.w3.org/2000/svg', role: 'img' }, [
          s('title', 'A chart & more'),
          s('path', { d: 'M0 0L10 10', strokeWidth: 2, strokeDasharray: '2 2', fill: 'none' }),
          s('foreignObject', { width: 5 }, [h('p', { className: ['x'], tabIndex: 0 }, 'html')]),
          s('g', [s('circle', { cx: 1, cy: 2, r: 3 }), s('br')]),
        ]),
      ]),
    )
  })

  it('writes a template element’s content', () => {
    const template = h('template', { id: 't' }) as Element & { content: Root }
    template.content = { type: 'root', children: [h('p', 'inside'), h('a', { href: 'x', dataSitePath: 'topics/a/' }, 'kept')] }
    same(h('div', [template]))
  })

  it('resolves site links in place of resolveSiteLinks', () => {
    same(h('p', [h('a', { href: 'topics/x/', dataSitePath: 'topics/x/', className: ['autolink'] }, 'x')]))
    same(h('p', [h('a', { dataSitePath: 'projects/y/', className: ['autolink'] }, 'y')]))
    same(h('p', [h('a', { className: ['a'], dataSitePath: 'projects/y/', title: 't', href: null as unknown as string }, 'y')]))
    same(h('p', [{ type: 'element', tagName: 'a', properties: { dataSitePath: 3, href: 'keep' } as unknown as Properties, children: [] }]))
    // An image's site path is its src, in place.
    same(h('p', [h('img', { src: '/images/a.png', alt: 'a', dataSitePath: 'images/a.png' })]))
    same(h('p', [h('img', { alt: 'b', dataSitePath: 'images/b.png' })]))
    // A srcset's candidates: each site path written for the page, in the srcset's place.
    const srcset = JSON.stringify([['reports/img/a.png', 'img/a.png', '1x'], [null, 'https://example.org/a.png', '2x'], ['images/b c.png', '/images/b c.png', '']])
    same(h('p', [h('img', { src: 'img/a.png', srcSet: 'img/a.png 1x, https://example.org/a.png 2x, /images/b c.png', dataSiteSrcset: srcset, alt: 'c', dataSitePath: 'reports/img/a.png' })]))
    same(h('picture', [h('source', { srcSet: 'x', dataSiteSrcset: srcset, media: '(min-width: 1px)' })]))
    expect(serializeHtml(h('source', { srcSet: 'x', dataSiteSrcset: srcset }), { siteHref: (p) => '../' + p })).toBe('<source srcset="../reports/img/a.png 1x, https://example.org/a.png 2x, ../images/b c.png">')
    // Without siteHref the data attribute is written as it is.
    const tree = h('a', { href: 'topics/x/', dataSitePath: 'topics/x/' }, 'x')
    expect(serializeHtml(tree)).toBe(toHtml(tree))
  })

  it('throws on an unknown node, as the library does', () => {
    const bad = { type: 'root', children: [{ type: 'mystery' }] } as unknown as Root
    expect(() => serializeHtml(bad)).toThrow(/unknown node `mystery`/)
  })

  it('matches the library on generated trees', () => {
    const chars = fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '`', '\0', '=', '/', '-', '!', 'é', '◆', '\u{1F600}', '\n')
    const str = fc.array(chars, { maxLength: 8 }).map((a) => a.join(''))
    const value = fc.oneof(str, fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.constant(Number.NaN), fc.constant(null), fc.array(str, { maxLength: 3 }))
    const keys = fc.constantFrom('className', 'id', 'href', 'title', 'hidden', 'download', 'accept', 'tabIndex', 'ariaHidden', 'dataSitePath', 'dataX', 'open', 'viewBox', 'strokeWidth', 'colSpan', 'style', 'checked', 'value')
    const tags = fc.constantFrom('p', 'a', 'div', 'br', 'img', 'script', 'style', 'svg', 'title', 'foreignObject', 'path', 'input', 'code', 'span')
    const { tree } = fc.letrec<{ tree: Nodes; node: ElementContent }>((tie) => ({
      tree: fc.record({ type: fc.constant('root' as const), children: fc.array(tie('node') as fc.Arbitrary<ElementContent>, { maxLength: 4 }) }),
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ type: fc.constant('text' as const), value: str }),
        fc.record({ type: fc.constant('comment' as const), value: str }),
        fc.record({
          type: fc.constant('element' as const),
          tagName: tags,
          properties: fc.dictionary(keys, value, { maxKeys: 4 }) as fc.Arbitrary<Properties>,
          children: fc.array(tie('node') as fc.Arbitrary<ElementContent>, { maxLength: 3 }),
        }),
      ) as fc.Arbitrary<ElementContent>,
    }))
    fc.assert(
      fc.property(tree, (t) => {
        expect(serializeHtml(t, { siteHref })).toBe(reference(t))
      }),
      { numRuns: 400 },
    )
  })

  it('matches the library on sanitized section content with raw HTML and auto-links', () => {
    const markdown = [
      'Text with <b onclick="x()">bold</b>, <a href="javascript:alert(1)">bad</a> & <img src="x.png" alt="a &quot;b&quot;"> and <svg><circle r="1"/></svg>.',
      '',
      '| a | b |\n|:--|--:|\n| 1 < 2 | `code & <x>` |',
      '',
      '- [x] done\n- [ ] todo',
      '',
      'Footnote[^1].\n\n[^1]: The note.',
      '',
      '<details open><summary>More</summary><p title="\'q\'">hidden `text`</p></details>',
    ].join('\n')
    const content = sectionContent(parseMarkdown(markdown, 'x.md').tree.children, 1)
    same(content)
  })
})

describe('fragments', () => {
  // A fragment, shown on a page, must be the bytes of its tree serialized on that page.
  const shown = (tree: Root, href: (path: string) => string) =>
    serializeHtml({ type: 'root', children: [h('div', [fragmentNode(serializeFragment(tree)!)])] }, { siteHref: href })
  const direct = (tree: Root, href: (path: string) => string) => serializeHtml({ type: 'root', children: [h('div', tree.children)] }, { siteHref: href })

  it('write the same bytes as their tree on pages at any depth, and in data files', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('p', ['See ', h('a', { dataSitePath: 'topics/x/', className: ['autolink'] }, 'x'), ' & ', h('a', { href: '/p?a"b', dataSitePath: 'p?a"b' }, 'q')]),
        h('p', [h('img', { src: '/images/a b.png', alt: 'a', dataSitePath: 'images/a b.png' }), h('template', [h('a', { dataSitePath: 'kept/' }, 't')])]),
        h('picture', [h('source', { srcSet: '/a.png, b.png 2x', dataSiteSrcset: JSON.stringify([['a.png', '/a.png', ''], ['reports/b.png', 'b.png', '2x']]) })]),
        h('p', 'No link at all: < & "'),
      ],
    }
    for (const href of [(p: string) => '../' + p, (p: string) => '../../../' + p, (p: string) => '/base/' + p, () => '']) expect(shown(tree, href)).toBe(direct(tree, href))
    expect(shown(tree, (p) => '../' + p)).toContain('href="../p?a&#x22;b"')
  })

  it('match their tree on generated trees, and are refused when the text holds the slot marks', () => {
    const chars = fc.constantFrom('a', ' ', '<', '&', '"', '\uE000', '\uE001', '0', '1')
    const str = fc.array(chars, { maxLength: 6 }).map((a) => a.join(''))
    const link = fc.record({ dataSitePath: str, href: fc.option(str, { nil: undefined }), title: fc.option(str, { nil: undefined }) })
    const node = fc.oneof(
      str.map((value) => ({ type: 'text', value }) as ElementContent),
      fc.tuple(fc.constantFrom('a', 'img'), link, str).map(([tag, props, text]) => h(tag, props as Properties, tag === 'a' ? text : [])),
    )
    const tree = fc.array(node, { maxLength: 5 }).map((children) => ({ type: 'root', children: [h('p', children)] }) as Root)
    const href = (p: string) => '../../' + p + '?"'
    fc.assert(
      fc.property(tree, (t) => {
        const fragment = serializeFragment(t)
        // Marks in a site path are fine: the path is kept apart from the HTML.
        const marked = /[\uE000\uE001]/.test(serializeHtml(t, { siteHref: () => '' }))
        expect(fragment === undefined).toBe(marked)
        if (fragment) expect(shown(t, href)).toBe(direct(t, href))
      }),
      { numRuns: 300 },
    )
  })

  it('need a page to fill their links', () => {
    const fragment = serializeFragment({ type: 'root', children: [h('a', { dataSitePath: 'topics/x/' }, 'x')] })!
    expect(() => serializeHtml(fragmentNode(fragment))).toThrow(/without siteHref/)
    expect(serializeHtml(fragmentNode(serializeFragment({ type: 'root', children: [h('b', 'x')] })!))).toBe('<b>x</b>')
  })
})

describe('pre-rendered parts', () => {
  it('are written as the serializer wrote them, once per key', () => {
    const parts = new PreRendered()
    let built = 0
    const part = (href: string) => parts.get(JSON.stringify(['nav', href]), () => (built++, [h('a', { href, title: '"<&>"' }, 'A & <B>'), h('br')]))
    const page = (href: string) => h('div', [part(href), h('p', 'after')])
    const html = serializeHtml(page('../x?a&b'))
    expect(html).toBe(toHtml(h('div', [h('a', { href: '../x?a&b', title: '"<&>"' }, 'A & <B>'), h('br'), h('p', 'after')])))
    expect(serializeHtml(page('../x?a&b'))).toBe(html)
    expect(serializeHtml(page('./y'))).toContain('href="./y"')
    expect(built).toBe(2)
  })

  it('are the only raw HTML written as it is: any other raw node is escaped', () => {
    const parts = new PreRendered()
    const trusted = parts.get('k', () => h('b', 'bold'))
    const forged = { ...trusted }
    expect(serializeHtml(h('p', [trusted]))).toBe('<p><b>bold</b></p>')
    expect(serializeHtml(h('p', [forged]))).toBe('<p>&#x3C;b>bold&#x3C;/b></p>')
  })

  it('keep at most their limit of keys', () => {
    const parts = new PreRendered(2)
    let built = 0
    const get = (k: string) => parts.get(k, () => (built++, h('i', k)))
    for (const k of ['a', 'b', 'a', 'c', 'a']) get(k)
    expect(built).toBe(4)
  })
})

describe('built pages', () => {
  it('are the bytes hast-util-to-html writes without pre-rendered parts, on every page of a small site', async () => {
    const hostile = report(
      'title: Hostile <b>"title"</b> & more\nconference: meshconf-2019\nsummary: "Summary with <script>alert(1)</script> & \'quotes\'"',
      '## Talk & <i>markup</i> {.talk speakers="A &amp; B (Acme <Corp>)"}\n\nIstio <b>bold</b> & "quotes" \u0060tick\u0060 <a href="x">link</a>.',
    )
    const content = await makeContent({ 'reports/hostile.md': hostile }, true)
    const { site } = await readSite(content)
    const { withAutolinks } = await import('../../src/emit/autolink.ts')
    const shown = withAutolinks(site).site
    const options = { base: '/sub/', feed: true }
    const fast = await import('../../src/emit/pages.ts')
    vi.resetModules()
    vi.doMock('../../src/emit/html.ts', () => ({
      serializeHtml: (tree: Root, o: { siteHref: (p: string) => string }) => toHtml(resolveSiteLinks(tree, o.siteHref)),
      // No pre-rendering: every part built on every page.
      PreRendered: class {
        get(_key: string, build: () => unknown) {
          return build()
        }
      },
    }))
    try {
      const slow = await import('../../src/emit/pages.ts')
      expect(slow.pageFiles).not.toBe(fast.pageFiles)
      const expected = slow.pageFiles(shown, options)
      const actual = fast.pageFiles(shown, options)
      expect(actual.map((p) => p.path)).toEqual(expected.map((p) => p.path))
      expect(actual.length).toBeGreaterThan(20)
      for (let i = 0; i < actual.length; i++) expect(actual[i]!.render(), actual[i]!.path).toBe(expected[i]!.render())
    } finally {
      vi.doUnmock('../../src/emit/html.ts')
      vi.resetModules()
    }
  })
})
