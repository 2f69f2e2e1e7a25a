/**
 * remark plugin: read and strip heading attributes in the syntax Goldmark (Hugo),
 * Pandoc and kramdown users know:
 *
 *   ## Stories from the Playbook {.talk speakers="Ada, Alan" topics="sre" #playbook}
 *
 * The class names the session kind; `speakers` and `topics` are comma-separated.
 * A heading without a kind is a note; `{.note}` and `{.group}` say so explicitly, and keep
 * inference (structure/infer.ts) off the heading. Problems become fatal vfile messages.
 */
import type { Heading, Root, Text } from 'mdast'
import type { Plugin } from 'unified'
import type { Point, Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { catalogue } from '../problems.ts'
import { sessionKinds, type SectionKind } from '../validate/schema.ts'
import type { Speaker } from './structure/speakers.ts'

export interface SessionAttributes {
  kind: SectionKind
  speakers: Speaker[]
  topics: string[]
  /** Explicit anchor from `#id`, overriding the slug of the title. */
  id?: string
  /** `{.group}`: the heading only groups the sections beneath it. */
  group?: true
  /** The title without the parts inference took out (speakers, kind and level tags). */
  title?: string
  /** Set by inference (structure/infer.ts), not written by the author. */
  inferred?: true
}

/** Classes that say what a heading is without being a session kind. */
const roles = ['note', 'group']

declare module 'mdast' {
  interface HeadingData {
    session?: SessionAttributes
  }
}

/** `{.talk speakers="x"` with its closing brace missing. */
const unclosedBlock = /\{\s*(?:[.#][\w-]|[\w-]+=)[^{}]*$/
const token = /\s*(?:\.([\w-]+)|#([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))/y

const remarkSessionAttributes: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    // The Markdown the tree was parsed from, when the file holds it (an imported post's tree
    // comes without it): attributes are read from there, as written.
    const source = typeof file.value === 'string' && file.value !== '' ? file.value : undefined
    visit(tree, 'heading', (heading: Heading) => {
      const found = findBlock(heading, source)
      if (!found) return
      if (found.broken) {
        fail(file, found.place, 'bad-attributes', catalogue.badAttributes.message({ reason: found.broken }), found.broken)
        return
      }
      const parsed = parseAttributes(found.inner)
      if ('error' in parsed) {
        fail(file, found.place, 'bad-attributes', catalogue.badAttributes.message({ reason: parsed.error }), parsed.error)
        return
      }
      stripBlock(heading, found.text, found.cut)
      const unknown = parsed.classes.filter((c) => !(sessionKinds as readonly string[]).includes(c) && !roles.includes(c))
      for (const kind of unknown) {
        fail(file, found.place, 'unknown-session-kind', catalogue.unknownSessionKind.message({ kind, known: sessionKinds }), kind)
      }
      const kind = (parsed.classes.find((c) => (sessionKinds as readonly string[]).includes(c)) ?? 'note') as SectionKind
      const speakers = list(parsed.values.speakers, /,(?![^()]*\))/).flatMap(speaker)
      // "." or "🚀" names nobody: it would be kept in the data yet have no page (or one at
      // speakers/section/), so it is the writer's to fix, as any other broken attribute.
      for (const nameless of speakers.filter((s) => !/[\p{L}\p{N}]/u.test(s.name))) {
        const reason = `the speaker "${nameless.name}" has no letters; write the speaker's name, or take it out of speakers="…"`
        fail(file, found.place, 'bad-attributes', catalogue.badAttributes.message({ reason }), reason)
      }
      heading.data = {
        ...heading.data,
        session: {
          kind,
          speakers,
          topics: list(parsed.values.topics),
          ...(parsed.id ? { id: parsed.id } : {}),
          ...(kind === 'note' && parsed.classes.includes('group') ? { group: true as const } : {}),
        },
      }
    })
  }
}

interface Block {
  /** Why the block cannot be read (not closed, a brace inside it); undefined when it can. */
  broken?: string
  /** What is between the braces. */
  inner: string
  /** The text node holding the opening brace: the title ends there. */
  text: Text
  /** Where in `text.value` the opening brace is. */
  cut: number
  /** The opening brace, where problems are reported. */
  place: Point | Position | undefined
}

/**
 * The `{…}` block that ends a heading, if any. Read from the heading's Markdown, as written:
 * the value of `speakers="Jane <jane@example.com>"` holds what Markdown would otherwise turn
 * into a link, an e-mail address, emphasis or HTML, splitting the heading into several
 * nodes. The opening brace must be in plain text of the heading itself (not in code or a link).
 */
function findBlock(heading: Heading, source: string | undefined): Block | undefined {
  const first = heading.children[0]?.position?.start
  const end = heading.children.at(-1)?.position?.end
  if (source === undefined || first?.offset === undefined || end?.offset === undefined || end.offset > source.length) {
    // No source to read: the last text node, as the tree has it.
    const last = heading.children.at(-1)
    if (!last || last.type !== 'text') return undefined
    const match = trailingBlock(last.value)
    const open = match ? undefined : unclosedBlock.exec(last.value)
    if (!match && !open) return undefined
    const start = last.position?.start
    const brace = match ? last.value.indexOf('{', match.index) : open!.index
    return { ...(match ? {} : { broken: notClosed }), inner: match?.inner ?? '', text: last, cut: brace, place: start ? { line: start.line, column: start.column + brace } : heading.position }
  }
  const written = source.slice(first.offset, end.offset)
  const match = trailingBlock(written) ?? bracedBlock(written)
  const open = match ? undefined : unclosedBlock.exec(written)
  if (!match && !open) return undefined
  const brace = first.offset + (match ? written.indexOf('{', match.index) : open!.index)
  const holder = heading.children.find((n) => n.position?.start.offset !== undefined && n.position.start.offset <= brace && brace < n.position.end.offset!)
  if (!holder || holder.type !== 'text') return undefined
  const before = source.slice(first.offset, brace)
  const lineBreak = before.lastIndexOf('\n')
  const place = lineBreak === -1 ? { line: first.line, column: first.column + before.length } : { line: first.line + before.split('\n').length - 1, column: before.length - lineBreak }
  // The brace's place in the text node's value: the value may differ from the Markdown before
  // the block (an escape, a character reference), so it is found by the braces after it.
  const braces = source.slice(brace, holder.position!.end.offset).split('{').length - 1
  let cut = holder.value.length
  for (let n = 0; n < braces && cut > 0; n++) cut = holder.value.lastIndexOf('{', cut - 1)
  if (cut < 0) cut = holder.value.lastIndexOf('{')
  return { ...(match ? {} : { broken: notClosed }), inner: match?.inner ?? '', text: holder, cut, place }
}

const notClosed = 'the attribute block is not closed with "}"'

/**
 * A block whose quoted values hold a brace (`speakers="a}b"`), which `trailingBlock` does not
 * take: one of the last few `{.kind`, `{#id` or `{key=` after a space, from which the rest of
 * the heading reads as attributes up to a final "}". Anything else with braces (`{{.Values}}`
 * in a Helm talk's title) stays title text, as before.
 */
function bracedBlock(text: string): { inner: string; index: number } | undefined {
  if (!/\}\s*$/.test(text)) return undefined
  const openers = [...text.matchAll(/(?<=^|\s)\{\s*(?:[.#][\w-]|[\w-]+=)/g)].slice(-8)
  const close = text.trimEnd().length - 1
  for (const m of openers) {
    const inner = text.slice(m.index + 1, close)
    const parsed = parseAttributes(inner)
    if (!('error' in parsed) || parsed.readable) return { inner, index: text.slice(0, m.index).trimEnd().length }
  }
  return undefined
}

export default remarkSessionAttributes

/**
 * The `{…}` block that ends a heading's text: what is inside it, and where the spaces before
 * it start. Found from the last "{" rather than with /\s*\{…\}\s*$/, which backtracks over
 * every run of spaces and takes minutes on a heading with a long one.
 */
function trailingBlock(text: string): { inner: string; index: number } | undefined {
  const open = text.lastIndexOf('{')
  if (open === -1) return undefined
  const block = /^\{([^{}]*)\}\s*$/.exec(text.slice(open))
  if (!block) return undefined
  return { inner: block[1]!, index: text.slice(0, open).trimEnd().length }
}

/** `readable`: the block is made of attributes, one of them unknown (an error to report, not title text). */
function parseAttributes(source: string): { classes: string[]; id?: string; values: Record<string, string> } | { error: string; readable?: true } {
  const classes: string[] = []
  const values: Record<string, string> = {}
  let id: string | undefined
  let pos = 0
  // Tested in place (not on a copy of the rest) so that a long block is read in one pass.
  const blankRest = /\s*$/y
  while (pos < source.length) {
    blankRest.lastIndex = pos
    if (blankRest.test(source)) break
    token.lastIndex = pos
    const m = token.exec(source)
    if (!m) {
      const rest = source.slice(pos).trim()
      // "#../../x" or "#my id": say what an id may hold rather than only that it cannot be read.
      if (rest.startsWith('#')) return { error: `cannot read the #id "${rest.split(/\s/)[0]}": an #id holds only letters, digits, "-" and "_", as in #scaling-prometheus` }
      if (rest.startsWith('.')) return { error: `cannot read the kind "${rest.split(/\s/)[0]}": a kind is one word, as in .talk or .keynote` }
      return { error: `cannot read "${rest}"` }
    }
    if (m[1]) classes.push(m[1])
    else if (m[2]) id = m[2]
    else {
      const key = m[3]!
      if (key !== 'speakers' && key !== 'topics') return { error: `unknown attribute "${key}" (use speakers or topics)`, readable: true }
      values[key] = m[4] ?? m[5] ?? m[6] ?? ''
    }
    pos = token.lastIndex
  }
  return { classes, values, ...(id ? { id } : {}) }
}

/** Comma-separated; for speakers, a comma inside brackets belongs to the affiliation ("Ada (Engineer, Analytical)"). */
function list(value: string | undefined, separator: RegExp | string = ','): string[] {
  return (value ?? '')
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** `speakers="Ada Lovelace (Analytical Engines)"`: a name, and an affiliation in brackets. */
/**
 * "Name (Company)"; an e-mail address beside the name ("Jane <jane@example.com>") is left
 * out: it is no part of the name, and would put the address on the speaker's page and URL.
 */
function speaker(value: string): Speaker[] {
  const text = value.replace(/<[^<>\s]+@[^<>\s]+>|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, ' ').replace(/\s+/g, ' ').trim()
  if (text === '') return []
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(text)
  if (m) return [{ name: m[1]!, affiliation: m[2]!.trim() }]
  return [{ name: text }]
}

/** The title ends before the block's opening brace, in `text`: it and what follows it go. */
function stripBlock(heading: Heading, text: Text, cut: number) {
  heading.children.splice(heading.children.indexOf(text) + 1)
  text.value = text.value.slice(0, cut).trimEnd()
  if (text.value === '') heading.children.pop()
}

/** `actual` carries the offending text so the caller can build its own report of the problem. */
function fail(file: VFile, place: Point | Position | undefined, ruleId: string, reason: string, actual: string) {
  const message = file.message(reason, { place, ruleId, source: 'recap' })
  message.fatal = true
  message.actual = actual
}
