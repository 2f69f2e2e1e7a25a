/**
 * Talks listed rather than headed. A list of talks ("- Keynote: Title - Speaker, Company", "1. **Title** by Speaker") under
 * a heading, or at the top of a post, becomes one section per talk: each item is turned
 * into a heading one level below, followed by the rest of the item and the blocks up to
 * the next item (a video link, a screenshot). A list converts only when nearly all of its
 * items read as talks by their own words: kind labels or speakers.
 *
 * Paragraphs that name a talk in a link ("🌳 [Title - Speaker, Company](recording)", or a
 * sentence about it ending in such a link) become a section each too, headed by the link's
 * text, when a section has at least two of them.
 */
import type { Heading, Link, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { readHeading } from './heading-signals.ts'

export function liftTalkLists(tree: Root): void {
  const out: RootContent[] = []
  let section: RootContent[] = []
  let depth = 1
  for (const node of tree.children) {
    if (node.type !== 'heading') {
      section.push(node)
      continue
    }
    out.push(...liftSection(section, depth), node)
    section = []
    depth = node.depth
  }
  out.push(...liftSection(section, depth))
  tree.children = out
}

function liftSection(body: RootContent[], depth: number): RootContent[] {
  if (depth >= 6) return body
  const items = body.flatMap((n) => (n.type === 'list' ? n.children : []))
  const talkItems = items.filter(isTalkItem).length
  const listsOfTalks = talkItems >= 2 && talkItems >= items.length * 0.8
  const talkParagraphs = body.filter((n) => n.type === 'paragraph' && talkLink(n)).length >= 2
  if (!listsOfTalks && !talkParagraphs) return body
  const out: RootContent[] = []
  const level = (depth + 1) as Heading['depth']
  for (const node of body) {
    if (node.type === 'paragraph' && talkParagraphs) {
      const link = talkLink(node)
      if (link) out.push({ type: 'heading', depth: level, children: [{ type: 'text', value: toString(link).trim() }], ...(node.position ? { position: node.position } : {}) })
      out.push(node)
      continue
    }
    if (node.type !== 'list' || !listsOfTalks) {
      out.push(node)
      continue
    }
    for (const item of node.children) {
      const [first, ...rest] = item.children
      if (!isTalkItem(item) || first?.type !== 'paragraph') {
        out.push({ ...node, children: [item] })
        continue
      }
      const heading: Heading = { type: 'heading', depth: level, children: unwrap(first.children), ...(item.position ? { position: item.position } : {}) }
      out.push(heading, ...rest)
    }
  }
  return out
}

/** The one link in a paragraph whose text reads as a talk with its speakers. */
function talkLink(paragraph: Paragraph): Link | undefined {
  if (toString(paragraph).length > 1200) return undefined
  const links = paragraph.children.filter((c): c is Link => c.type === 'link')
  const talks = links.filter((l) => {
    const signals = readHeading(toString(l))
    return signals.speakers.length > 0
  })
  return talks.length === 1 ? talks[0] : undefined
}

function isTalkItem(item: ListItem): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return false
  const line = toString(first).split('\n')[0]!.trim()
  if (line.length > 200) return false
  const signals = readHeading(line)
  return signals.speakers.length > 0 || signals.kindLabelled
}

function unwrap(inline: PhrasingContent[]): PhrasingContent[] {
  if (inline.length === 1 && (inline[0]!.type === 'strong' || inline[0]!.type === 'emphasis')) return inline[0]!.children
  return inline
}
