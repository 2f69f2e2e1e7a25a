/**
 * A post without headings whose parts are separated by `---` (thematic breaks): each part
 * after the first becomes a section. A part that opens with a short line ("**Title**",
 * "Title - Speaker") gets that line as its heading; any other part gets its first words.
 * The first part stays the introduction unless it too opens with a title line.
 */
import type { Heading, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

export function cutAtBreaks(tree: Root): void {
  const children = tree.children
  if (children.some((n) => n.type === 'heading') || !children.some((n) => n.type === 'thematicBreak')) return
  const parts: RootContent[][] = [[]]
  for (const node of children) {
    if (node.type === 'thematicBreak') parts.push([])
    else parts.at(-1)!.push(node)
  }
  const out: RootContent[] = []
  parts.forEach((part, i) => {
    if (part.length === 0) return
    const first = part[0]!
    const titleLine = first.type === 'paragraph' && isTitleLine(first.children)
    if (titleLine) {
      out.push(heading(unwrap(first.children), first), ...part.slice(1))
    } else if (i === 0 || out.length === 0) {
      out.push(...part)
    } else {
      out.push(heading([{ type: 'text', value: firstWords(toString(part[0]!)) }], first), ...part)
    }
  })
  tree.children = out
}

function isTitleLine(inline: PhrasingContent[]): boolean {
  const text = toString({ type: 'paragraph', children: inline }).trim()
  if (text === '' || text.includes('\n') || text.length > 160) return false
  const emphasised = inline.length === 1 && (inline[0]!.type === 'strong' || inline[0]!.type === 'emphasis')
  return emphasised || (text.split(/\s+/).length <= 15 && !/[.?!:;,]$/.test(text))
}

/** "**Title**" as a heading reads "Title", not bold. */
function unwrap(inline: PhrasingContent[]): PhrasingContent[] {
  return inline.length === 1 && (inline[0]!.type === 'strong' || inline[0]!.type === 'emphasis') ? inline[0]!.children : inline
}

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const sentence = words.slice(0, 8).join(' ').replace(/[.,;:]$/, '')
  return words.length > 8 ? `${sentence}…` : sentence
}

function heading(children: PhrasingContent[], at: RootContent): Heading {
  return { type: 'heading', depth: 2, children, ...(at.position ? { position: at.position } : {}) }
}
