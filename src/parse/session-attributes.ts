/**
 * remark plugin: read and strip heading attributes in the syntax Goldmark (Hugo),
 * Pandoc and kramdown users know:
 *
 *   ## Stories from the Playbook {.talk speakers="Ada, Alan" topics="sre" #playbook}
 *
 * The class names the session kind; `speakers` and `topics` are comma-separated.
 * A heading without a kind is a note. Problems become fatal vfile messages.
 */
import type { Heading, Root, Text } from 'mdast'
import type { Plugin } from 'unified'
import type { Point, Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { catalogue } from '../problems.ts'
import { sessionKinds, type SectionKind } from '../validate/schema.ts'

export interface SessionAttributes {
  kind: SectionKind
  speakers: string[]
  topics: string[]
  /** Explicit anchor from `#id`, overriding the slug of the title. */
  id?: string
}

declare module 'mdast' {
  interface HeadingData {
    session?: SessionAttributes
  }
}

const trailingBlock = /\s*\{([^{}]*)\}\s*$/
const token = /\s*(?:\.([\w-]+)|#([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))/y

const remarkSessionAttributes: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1)
      if (!last || last.type !== 'text') return
      const match = trailingBlock.exec(last.value)
      if (!match) return
      const parsed = parseAttributes(match[1]!)
      // Point at the opening brace, where the attributes start.
      const start = last.position?.start
      const place = start ? { line: start.line, column: start.column + last.value.indexOf('{', match.index) } : heading.position
      if ('error' in parsed) {
        fail(file, place, 'bad-attributes', catalogue.badAttributes.message({ reason: parsed.error }), parsed.error)
        return
      }
      stripBlock(heading, last, match.index)
      const unknown = parsed.classes.filter((c) => !(sessionKinds as readonly string[]).includes(c))
      for (const kind of unknown) {
        fail(file, place, 'unknown-session-kind', catalogue.unknownSessionKind.message({ kind, known: sessionKinds }), kind)
      }
      const kind = (parsed.classes.find((c) => !unknown.includes(c)) ?? 'note') as SectionKind
      heading.data = {
        ...heading.data,
        session: {
          kind,
          speakers: list(parsed.values.speakers),
          topics: list(parsed.values.topics),
          ...(parsed.id ? { id: parsed.id } : {}),
        },
      }
    })
  }
}

export default remarkSessionAttributes

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

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
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
