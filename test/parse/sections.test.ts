import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import type { ParsedSection } from '../../src/parse/report.ts'
import { parseReport } from '../../src/parse/report.ts'
import { parseMarkdown, sectionContent } from '../../src/parse/markdown.ts'
import type { ValidatedReport } from '../../src/validate/content.ts'

const html = (s: ParsedSection) => toHtml(s.content)

function parse(body: string) {
  const report: ValidatedReport = {
    id: 'r',
    file: 'content/reports/r.md',
    frontMatter: { title: 'R', conference: 'c', summary: 's', topics: [] },
    body,
    bodyLine: 5,
  }
  return parseReport(report, ['security', 'gitops'])
}

describe('cutting a report into sections', () => {
  it('makes text before the first heading the introduction, a note', () => {
    const { report } = parse('Hello there.\n\n## First\n\nText.')
    expect(report.sections.map((s) => [s.slug, s.kind, s.text])).toEqual([
      ['introduction', 'note', 'Hello there.'],
      ['first', 'note', 'Text.'],
    ])
  })

  it('gives a grouping heading ("Day 2") no record but passes its title down', () => {
    const { report } = parse('## Day 2\n\n### Talk A {.talk}\n\nA.\n\n### Talk B {.keynote}\n\nB.\n\n## After\n\nDone.')
    expect(report.sections.map((s) => [s.title, s.kind, s.group ?? null, s.level])).toEqual([
      ['Talk A', 'talk', 'Day 2', 1],
      ['Talk B', 'keynote', 'Day 2', 1],
      ['After', 'note', null, 0],
    ])
    expect(report.outline).toEqual([
      { type: 'group', title: 'Day 2', level: 0, id: 'day-2' },
      { type: 'section', slug: 'talk-a', level: 1 },
      { type: 'section', slug: 'talk-b', level: 1 },
      { type: 'section', slug: 'after', level: 0 },
    ])
  })

  it('keeps unmarked sub-headings inside the session they belong to', () => {
    const { report } = parse('## The talk {.talk}\n\nIntro.\n\n### Takeaways\n\n- one\n- two\n\n## Next\n\nX.')
    expect(report.sections.map((s) => s.title)).toEqual(['The talk', 'Next'])
    const talk = report.sections[0]!
    expect(talk.text).toBe('Intro.\nTakeaways\none\ntwo')
    expect(html(talk)).toContain('<h3>Takeaways</h3>')
  })

  it('ends a session at a marked sub-heading, which is a session of its own', () => {
    const { report } = parse('## Keynotes {.keynote}\n\nOpening.\n\n### Demo {.talk}\n\nShown.')
    expect(report.sections.map((s) => [s.title, s.kind, s.text])).toEqual([
      ['Keynotes', 'keynote', 'Opening.'],
      ['Demo', 'talk', 'Shown.'],
    ])
  })

  it('makes a note heading with its own text a record, and its children records too', () => {
    const { report } = parse('## Breakouts\n\nSome notes.\n\n### A {.talk}\n\nA.')
    expect(report.sections.map((s) => [s.title, s.group ?? null])).toEqual([
      ['Breakouts', null],
      ['A', 'Breakouts'],
    ])
  })

  it('keeps list items apart in the plain text and counts words', () => {
    const { report } = parse('## L\n\n- alpha beta\n- gamma')
    expect(report.sections[0]!.text).toBe('alpha beta\ngamma')
    expect(report.sections[0]!.wordCount).toBe(3)
  })

  it('gives duplicate titles distinct slugs', () => {
    const { report } = parse('## Keynote\n\nA.\n\n## Keynote\n\nB.')
    expect(report.sections.map((s) => s.slug)).toEqual(['keynote', 'keynote-1'])
  })

  it('reports unknown kinds and topics with the file line', () => {
    const { problems } = parse('Intro.\n\n## Panel {.panel}\n\nText.\n\n## T {.talk topics="nope"}\n\nText.')
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['unknownSessionKind', 7],
      ['unknownTopic', 11],
    ])
  })

  it('warns about a section with no text', () => {
    const { problems } = parse('## Empty\n\n## Full\n\nText.')
    expect(problems).toMatchObject([{ code: 'emptySection', severity: 'warning', line: 5 }])
  })
})

describe('ranking sub-headings below the section heading', () => {
  it('ranks every heading of a section, nested ones too, and leaves the parsed tree as it was', () => {
    const { tree } = parseMarkdown('#### Deep\n\nText.\n\n> ##### In a quote\n\n- item\n\n  ###### In a list\n\n###### Deepest', 'x.md')
    const before = JSON.stringify(tree)
    const content = toHtml(sectionContent(tree.children, 3))
    expect(content).toContain('<h3>Deep</h3>')
    expect(content).toContain('<blockquote>\n<h4>In a quote</h4>')
    expect(content).toContain('<h5>In a list</h5>')
    expect(content).toContain('<h5>Deepest</h5>')
    expect(JSON.stringify(tree)).toBe(before)
  })
})

describe('links to a heading of the same report', () => {
  it('warn where a link names an id no heading or element has, with the nearest heading id', () => {
    const { problems } = parse(
      [
        'See [the first talk](#talk-1-1-scaling-prometheus) and [day one](#day-1).', // 5
        '',
        '## Day 1', // 7
        '',
        '### Talk 1.1: Scaling Prometheus {.talk}', // 9
        '',
        'Text with a note[^1] and <a name="slides"></a>slides.', // 11
        '',
        '[^1]: The note.', // 13
        '',
        '## Wrap-up', // 15
        '',
        'Back to [the talk](#talk-11-scaling-prometheus), [the slides](#slides), [the top](#main) and [nothing](#Wrap-up).', // 17
      ].join('\n'),
    )
    expect(problems.map((p) => [p.code, p.line, p.column, p.message, p.hint.split('?')[0]])).toEqual([
      ['missingAnchor', 5, 5, 'link to "#talk-1-1-scaling-prometheus": no heading or element of this report has that id', 'Did you mean "#talk-11-scaling-prometheus"'],
      ['missingAnchor', 17, 94, 'link to "#Wrap-up": no heading or element of this report has that id', 'Did you mean "#wrap-up"'],
    ])
  })

  it('point a link to an element of another section at the report page', () => {
    const { report } = parse('## A\n\n<a name="slides"></a>Slides.\n\n## B\n\nSee [them](#slides).')
    expect(html(report.sections[1]!)).toContain('<a href="#slides" data-site-path="reports/r/#user-content-slides">them</a>')
  })
})

describe('sanitizing report HTML', () => {
  it('drops scripts, event handlers and javascript: URLs', () => {
    const { report } = parse(
      '## X\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="javascript:alert(4)">a</a>',
    )
    const out = html(report.sections[0]!)
    expect(out).not.toMatch(/<script|onerror|javascript:/i)
    // The image stays, as a site link to the file beside the report (see test/parse/references.test.ts).
    expect(out).toContain('<img src="x.png" data-site-path="reports/x.png" alt="">')
  })

  it('drops what sanitizing left that a reader would see: style sheets, templates, form controls, links to nowhere', () => {
    const { report } = parse(
      [
        '## X',
        '',
        'Text <a href="javascript:alert(1)">click</a>, [md](javascript:alert(2)) and <a name="here">Here</a>.[]() [ ](https://example.com/)',
        '',
        '<style>body{display:none}</style>',
        '',
        '<template><p>later</p></template>',
        '',
        '<form action="https://evil.example/"><input name=q><textarea>typed</textarea><select><option>One</option></select><button>go</button></form>',
        '',
        '<noscript>Enable JavaScript</noscript>',
        '',
        '- [x] done',
        '- [ ] to do',
      ].join('\n'),
    )
    const out = html(report.sections[0]!)
    expect(out).not.toMatch(/display:none|later|typed|One|Enable JavaScript|<input name|<a>|<a |<form|<button|<template|<style/)
    // The link's text and the button's text stay, as text; the named anchor stays a target.
    expect(out).toContain('<p>Text click, md and <span id="user-content-here">Here</span>.')
    expect(out).toContain('go')
    // The task list keeps its checkboxes.
    expect(out.match(/<input type="checkbox"[^>]*disabled>/g)).toHaveLength(2)
  })

  it('gives a raw <img> without alt an empty one and warns where it is', () => {
    const { report, problems } = parse('## X\n\nSee <img src="a.png"> and <img src="b.png" alt="B">.\n\n![](c.png)')
    const out = html(report.sections[0]!)
    expect(out.match(/<img[^>]*>/g)!.map((img) => /alt="[^"]*"/.exec(img)?.[0])).toEqual(['alt=""', 'alt="B"', 'alt=""'])
    expect(problems.map((p) => [p.code, p.line, p.column, p.severity])).toEqual([['imageWithoutAlt', 7, 5, 'warning']])
  })

  it('makes code blocks and tables scroll in their own box, reachable by keyboard', () => {
    const { report } = parse('## X\n\n```\nlong line\n```\n\n| Talk | Room |\n|---|---|\n| A | 1 |\n\n<pre>raw</pre>')
    const out = html(report.sections[0]!)
    expect(out.match(/<pre[^>]*>/g)).toEqual(['<pre tabindex="0">', '<pre tabindex="0">'])
    expect(out).toContain('<div class="table-scroll" tabindex="0" role="group" aria-label="Table: Talk, Room"><table>')
  })

  it('keeps ordinary Markdown: links, lists, tables, code', () => {
    const { report } = parse('## X\n\nSee [site](https://example.com).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode <here>\n```')
    const out = html(report.sections[0]!)
    expect(out).toContain('<a href="https://example.com">site</a>')
    expect(out).toContain('<table>')
    expect(out).toContain('code &#x3C;here>')
  })
  it('makes a heading whose speakers hold an e-mail address a talk, titled and slugged without its attributes', () => {
    const { report, problems } = parse('## Other talk {.talk speakers="Jane <jane@example.com>"}\n\nText.')
    expect(problems).toEqual([])
    expect(report.sections.map((s) => [s.slug, s.title, s.kind, s.speakers])).toEqual([['other-talk', 'Other talk', 'talk', [{ name: 'Jane' }]]])
  })
})
