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
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1)
      if (!last || last.type !== 'text') return
      const match = trailingBlock(last.value)
      if (!match) {
        const open = unclosedBlock.exec(last.value)
        if (open) {
          const start = last.position?.start
          const place = start ? { line: start.line, column: start.column + open.index } : heading.position
          const reason = 'the attribute block is not closed with "}"'
          fail(file, place, 'bad-attributes', catalogue.badAttributes.message({ reason }), reason)
        }
        return
      }
      const parsed = parseAttributes(match.inner)
      // Point at the opening brace, where the attributes start.
      const start = last.position?.start
      const place = start ? { line: start.line, column: start.column + last.value.indexOf('{', match.index) } : heading.position
      if ('error' in parsed) {
        fail(file, place, 'bad-attributes', catalogue.badAttributes.message({ reason: parsed.error }), parsed.error)
        return
      }
      stripBlock(heading, last, match.index)
      const unknown = parsed.classes.filter((c) => !(sessionKinds as readonly string[]).includes(c) && !roles.includes(c))
      for (const kind of unknown) {
        fail(file, place, 'unknown-session-kind', catalogue.unknownSessionKind.message({ kind, known: sessionKinds }), kind)
      }
      const kind = (parsed.classes.find((c) => (sessionKinds as readonly string[]).includes(c)) ?? 'note') as SectionKind
      heading.data = {
        ...heading.data,
        session: {
          kind,
          speakers: list(parsed.values.speakers, /,(?![^()]*\))/).map(speaker),
          topics: list(parsed.values.topics),
          ...(parsed.id ? { id: parsed.id } : {}),
          ...(kind === 'note' && parsed.classes.includes('group') ? { group: true as const } : {}),
        },
      }
    })
  }
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

function parseAttributes(source: string): { classes: string[]; id?: string; values: Record<string, string> } | { error: string } {
  const classes: string[] = []
  const values: Record<string, string> = {}
  let id: string | undefined
  token.lastIndex = 0
  let pos = 0
  while (pos < source.length && source.slice(pos).trim() !== '') {
    token.lastIndex = pos
    const m = token.exec(source)
    if (!m) return { error: `cannot read "${source.slice(pos).trim()}"` }
    if (m[1]) classes.push(m[1])
    else if (m[2]) id = m[2]
    else {
      const key = m[3]!
      if (key !== 'speakers' && key !== 'topics') return { error: `unknown attribute "${key}" (use speakers or topics)` }
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
function speaker(text: string): Speaker {
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(text)
  if (m) return { name: m[1]!, affiliation: m[2]!.trim() }
  return { name: text }
}

function stripBlock(heading: Heading, last: Text, index: number) {
  last.value = last.value.slice(0, index).trimEnd()
  if (last.value === '') heading.children.pop()
}

/** `actual` carries the offending text so the caller can build its own report of the problem. */
function fail(file: VFile, place: Point | Position | undefined, ruleId: string, reason: string, actual: string) {
  const message = file.message(reason, { place, ruleId, source: 'recap' })
  message.fatal = true
  message.actual = actual
}
