/**
 * Where talks are cut out: split a report's mdast into sections at the level a reader means.
 *
 * - Text before the first heading is the report's introduction (a note).
 * - Every heading starts a section that runs to the next heading.
 * - A session (a heading marked {.talk} etc.) also keeps the unmarked sub-headings beneath
 *   it: a talk's "Takeaways" sub-heading is part of the talk, not a record of its own.
 * - A note heading with nothing under it but deeper headings ("Day 2") is a group: it makes
 *   no section, but the sections beneath it carry its title as their `group`. `{.group}`
 *   says so explicitly; inference (structure/infer.ts) leaves a group heading a note.
 */
import type { Heading, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { SessionAttributes } from './session-attributes.ts'

export interface SectionCut {
  title: string
  attributes: SessionAttributes
  /** Heading depth in the source; 0 for the introduction. */
  depth: number
  /** Nesting under group or note headings, 0 at the top of the report. */
  level: number
  group?: string
  /** Line in the Markdown body (1-based). */
  line: number
  nodes: RootContent[]
  introduction: boolean
}

export interface GroupCut {
  title: string
  level: number
  line: number
}

export type OutlineCut = { type: 'section'; section: SectionCut } | { type: 'group'; group: GroupCut }

const noteAttributes = (): SessionAttributes => ({ kind: 'note', speakers: [], topics: [] })

export function cutSections(tree: Root): OutlineCut[] {
  const children = tree.children
  const outline: OutlineCut[] = []
  const firstHeading = children.findIndex((n) => n.type === 'heading')
  const introNodes = children.slice(0, firstHeading === -1 ? children.length : firstHeading)
  if (introNodes.some(hasText)) {
    outline.push({
      type: 'section',
      section: { title: 'Introduction', attributes: noteAttributes(), depth: 0, level: 0, line: introNodes[0]!.position?.start.line ?? 1, nodes: introNodes, introduction: true },
    })
  }

  // Headings whose sections enclose the ones that follow (groups and notes with sub-headings).
  const parents: { depth: number; title: string }[] = []
  let i = firstHeading === -1 ? children.length : firstHeading
  while (i < children.length) {
    const heading = children[i] as Heading
    while (parents.length && parents.at(-1)!.depth >= heading.depth) parents.pop()
    const attributes = heading.data?.session ?? noteAttributes()
    const isSession = attributes.kind !== 'note'
    const explicitGroup = attributes.group === true

    let j = i + 1
    while (j < children.length) {
      const node = children[j]!
      if (node.type === 'heading') {
        const absorbed = isSession && node.depth > heading.depth && (node.data?.session?.kind ?? 'note') === 'note'
        if (!absorbed) break
      }
      j++
    }
    const nodes = children.slice(i + 1, j)
    const next = children[j]
    // "### Talks:" heads a list in many posts; the colon is punctuation, not the title's.
    const title = attributes.title ?? toString(heading, { includeHtml: false }).trim().replace(/(?<=\S)\s*:$/, '')
    const line = heading.position?.start.line ?? 1
    const hasChildren = next?.type === 'heading' && next.depth > heading.depth
    const level = parents.length

    if ((explicitGroup && !nodes.some(hasText)) || (!isSession && hasChildren && !nodes.some(hasText) && attributes.topics.length === 0)) {
      outline.push({ type: 'group', group: { title, level, line } })
    } else {
      const group = parents.at(-1)?.title
      outline.push({
        type: 'section',
        section: { title, attributes, depth: heading.depth, level, ...(group ? { group } : {}), line, nodes, introduction: false },
      })
    }
    if (!isSession && (hasChildren || explicitGroup)) parents.push({ depth: heading.depth, title })
    i = j
  }
  return outline
}

function hasText(node: RootContent): boolean {
  return node.type === 'table' || toString(node).trim() !== ''
}
