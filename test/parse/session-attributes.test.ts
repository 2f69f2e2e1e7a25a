import type { Heading } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/parse/markdown.ts'

function headings(markdown: string) {
  const { tree, file } = parseMarkdown(markdown, 'test.md')
  const hs = tree.children.filter((n): n is Heading => n.type === 'heading')
  return { hs, messages: file.messages }
}

describe('session attributes plugin', () => {
  it('reads the kind and strips the attribute block from the title', () => {
    const { hs, messages } = headings('## Stories from the Playbook {.talk}')
    expect(toString(hs[0]!)).toBe('Stories from the Playbook')
    expect(hs[0]!.data?.session).toEqual({ kind: 'talk', speakers: [], topics: [] })
    expect(messages).toHaveLength(0)
  })

  it.each(['talk', 'keynote', 'bof', 'workshop', 'lightning'])('accepts .%s', (kind) => {
    const { hs } = headings(`### Title {.${kind}}`)
    expect(hs[0]!.data?.session?.kind).toBe(kind)
  })

  it('reads speakers and topics as comma-separated lists, in any quoting', () => {
    const { hs } = headings(`## Keynote {.keynote speakers="Aparna Sinha, Clayton Coleman" topics='security,storage'}`)
    expect(hs[0]!.data?.session).toMatchObject({ kind: 'keynote', speakers: [{ name: 'Aparna Sinha' }, { name: 'Clayton Coleman' }], topics: ['security', 'storage'] })
    const { hs: bare } = headings('## T {.talk topics=gitops}')
    expect(bare[0]!.data?.session?.topics).toEqual(['gitops'])
  })

  it('reads an affiliation in brackets after a speaker', () => {
    const { hs } = headings(`## T {.talk speakers="Ada Lovelace (Analytical Engines), Alan Turing"}`)
    expect(hs[0]!.data?.session?.speakers).toEqual([{ name: 'Ada Lovelace', affiliation: 'Analytical Engines' }, { name: 'Alan Turing' }])
  })

  it('keeps a comma inside the brackets with the affiliation', () => {
    const { hs } = headings(`## T {.talk speakers="Ada Lovelace (Engineer, Analytical Engines), Alan Turing"}`)
    expect(hs[0]!.data?.session?.speakers).toEqual([{ name: 'Ada Lovelace', affiliation: 'Engineer, Analytical Engines' }, { name: 'Alan Turing' }])
  })

  it('reads {.note} and {.group} as explicit roles, not unknown kinds', () => {
    const { hs, messages } = headings('## Keynote: Hello - Ada Lovelace {.note}\n\n## Tuesday {.group}')
    expect(messages).toHaveLength(0)
    expect(hs[0]!.data?.session).toEqual({ kind: 'note', speakers: [], topics: [] })
    expect(hs[1]!.data?.session).toEqual({ kind: 'note', speakers: [], topics: [], group: true })
  })

  it('reports an attribute block without its closing brace at the brace', () => {
    const { messages } = headings('\n## A talk {.talk speakers="x"')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: 'bad-attributes', line: 2, column: 11 })
    expect(messages[0]!.reason).toContain('not closed')
  })

  it('reads an explicit #id', () => {
    const { hs } = headings('## A long title {#short .talk}')
    expect(hs[0]!.data?.session).toMatchObject({ kind: 'talk', id: 'short' })
  })

  it('makes an unmarked heading with attributes a note', () => {
    const { hs } = headings('## Takeaways {topics="security"}')
    expect(hs[0]!.data?.session).toMatchObject({ kind: 'note', topics: ['security'] })
  })

  it('leaves headings without a trailing block alone, braces elsewhere included', () => {
    const { hs } = headings('## Using {braces} in a title\n\n## Plain')
    expect(toString(hs[0]!)).toBe('Using {braces} in a title')
    expect(hs[0]!.data?.session).toBeUndefined()
    expect(hs[1]!.data?.session).toBeUndefined()
  })

  it('keeps inline markup before the block', () => {
    const { hs } = headings('## Using *Jsonnet* {.talk}')
    expect(toString(hs[0]!)).toBe('Using Jsonnet')
  })

  it('reports an unknown kind as a fatal message at the brace', () => {
    const { messages } = headings('\n## Panel on things {.panel}')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: 'unknown-session-kind', actual: 'panel', line: 2, column: 20 })
    expect(messages[0]!.reason).toContain('unknown session kind ".panel"')
  })

  it('reports unknown attributes and unreadable blocks', () => {
    const { messages } = headings('## A {.talk room="B"}\n\n## B {.talk speakers="unterminated}')
    expect(messages.map((m) => m.ruleId)).toEqual(['bad-attributes', 'bad-attributes'])
    expect(messages[0]!.actual).toContain('unknown attribute "room"')
  })
  it('reports a speaker with no letters at the brace, and names each one', () => {
    const { messages } = headings('## T {.talk speakers="Ada Lovelace, ., .., 🚀"}')
    expect(messages.map((m) => [m.ruleId, m.fatal, /the speaker "(.*?)" has no letters/.exec(String(m.actual))?.[1]])).toEqual([
      ['bad-attributes', true, '.'],
      ['bad-attributes', true, '..'],
      ['bad-attributes', true, '🚀'],
    ])
    expect(headings('## T {.talk speakers="Ø, 张伟, R2"}').messages).toHaveLength(0)
  })

  it('says what an #id or a kind may hold when it cannot be read', () => {
    const id = headings('## T {.talk #../../escape}').messages
    expect(id.map((m) => m.actual)).toEqual(['cannot read the #id "#../../escape": an #id holds only letters, digits, "-" and "_", as in #scaling-prometheus'])
    const kind = headings('## T {.talk .✓}').messages
    expect(kind.map((m) => m.actual)).toEqual(['cannot read the kind ".✓": a kind is one word, as in .talk or .keynote'])
  })

  it('reads values that Markdown would turn into links, e-mail addresses, emphasis or HTML as written', () => {
    const { hs, messages } = headings('## Other talk {.talk speakers="Jane <jane@example.com>"}')
    expect(messages).toHaveLength(0)
    expect(toString(hs[0]!)).toBe('Other talk')
    expect(hs[0]!.children).toEqual([expect.objectContaining({ type: 'text', value: 'Other talk' })])
    expect(hs[0]!.data?.session).toEqual({ kind: 'talk', speakers: [{ name: 'Jane' }], topics: [] })

    const { hs: more, messages: none } = headings('## *Mesh* day {.keynote speakers="Ada *the first* Lovelace, <b>Bob</b>, bob@example.com, https://example.com/x" topics="security"}')
    expect(none).toHaveLength(0)
    expect(toString(more[0]!)).toBe('Mesh day')
    expect(more[0]!.data?.session).toMatchObject({
      kind: 'keynote',
      // A bare address is no name: it is left out, as is one beside a name.
      speakers: [{ name: 'Ada *the first* Lovelace' }, { name: '<b>Bob</b>' }, { name: 'https://example.com/x' }],
      topics: ['security'],
    })
  })

  it('leaves e-mail addresses out of speaker names', () => {
    const { hs } = headings('## Mesh day {.talk speakers="Jane Roe <jane@example.com> (Acme), sam.poe@example.org, Li Wei"}')
    expect(hs[0]!.data?.session?.speakers).toEqual([{ name: 'Jane Roe', affiliation: 'Acme' }, { name: 'Li Wei' }])
  })

  it('keeps markup of the title before a block that Markdown split', () => {
    const { hs } = headings('## Using `kubectl` and *Jsonnet* {.talk speakers="Jane <jane@example.com>"}')
    expect(hs[0]!.children.map((n) => n.type)).toEqual(['text', 'inlineCode', 'text', 'emphasis'])
    expect(toString(hs[0]!)).toBe('Using kubectl and Jsonnet')
    expect(hs[0]!.data?.session?.kind).toBe('talk')
  })

  it('never reads a block inside code or a link as attributes', () => {
    const { hs } = headings('## Writing `{.talk speakers="x"}`\n\n## See [the docs {.talk}](https://example.com)\n\n## Open `{.talk` in code')
    expect(hs.map((h) => h.data?.session)).toEqual([undefined, undefined, undefined])
    expect(toString(hs[0]!)).toBe('Writing {.talk speakers="x"}')
  })

  it('reports a split block left open at its brace, never a half-read title', () => {
    const { messages } = headings('\n## Other talk {.talk speakers="Jane <jane@example.com>"')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: 'bad-attributes', line: 2, column: 15 })
    const { messages: setext } = headings('Intro.\n\nA long\ntitle {.panel speakers="<x@example.com>"}\n======')
    expect(setext).toHaveLength(1)
    expect(setext[0]).toMatchObject({ ruleId: 'unknown-session-kind', line: 4, column: 7 })
  })
  it('reads a brace inside a quoted value, and leaves template braces in a title alone', () => {
    const { hs, messages } = headings('## Using {.class} selectors {.talk speakers="Ada {Lovelace}, Jane <jane@example.com>"}\n\n## Templates: {{.Values.image}}\n\n## A \\{b} &#123; c {.talk speakers="x}"}')
    expect(messages).toHaveLength(0)
    expect(hs.map((h) => toString(h))).toEqual(['Using {.class} selectors', 'Templates: {{.Values.image}}', 'A {b} { c'])
    expect(hs[0]!.data?.session?.speakers).toEqual([{ name: 'Ada {Lovelace}' }, { name: 'Jane' }])
    expect(hs[1]!.data?.session).toBeUndefined()
    expect(hs[2]!.data?.session?.speakers).toEqual([{ name: 'x}' }])
    const { messages: unknown } = headings('## T {.talk room="a}"}')
    expect(unknown.map((m) => m.ruleId)).toEqual(['bad-attributes'])
  })
})
