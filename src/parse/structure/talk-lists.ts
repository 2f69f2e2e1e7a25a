/**
 * Talks listed rather than headed. A list of talks ("- Keynote: Title - Speaker, Company", "1. **Title** by Speaker") under
 * a heading, or at the top of a post, becomes one section per talk: each item is turned
 * into a heading one level below, followed by the rest of the item and the blocks up to
 * the next item (a video link, a screenshot). A list converts only when nearly all of its
 * items read as talks by their own words: kind labels or speakers.
 *
 * Paragraphs that name a talk in a link ("🌳 [Title - Speaker, Company](recording)", or a
 * sentence about it ending in such a link) become a section each too, headed by the link's
 * text, when a section has at least two of them or one links to the talk's schedule entry.
 */
import type { Heading, Link, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { readHeading } from './heading-signals.ts'
import { liftMentions, readsAsTitle } from './mentions.ts'

declare module 'mdast' {
  interface HeadingData {
    /** Made from a list item or a paragraph that reads as a talk. */
    listedTalk?: true
  }
}

export function liftTalkLists(tree: Root): void {
  // The blocks before the first heading, then each heading's blocks up to the next heading.
  const sections: Section[] = [{ depth: 1, explicit: false, body: [], parent: -1 }]
  const open: number[] = []
  for (const node of tree.children) {
    if (node.type !== 'heading') {
      sections.at(-1)!.body.push(node)
      continue
    }
    while (open.length && sections[open.at(-1)!]!.depth >= node.depth) open.pop()
    // The author marked this heading a session: its text is theirs to cut, not ours.
    const explicit = node.data?.session !== undefined && node.data.session.kind !== 'note'
    sections.push({ heading: node, depth: node.depth, explicit, body: [], parent: open.at(-1) ?? -1 })
    open.push(sections.length - 1)
  }
  // Days or tracks that each list a few talks are judged together: "Monday" listing one
  // workshop and one other item is still a day of talks when Tuesday to Thursday are.
  const pools = new Map<string, ListCounts>()
  const counts = sections.map((s) => {
    if (s.explicit) return { items: 0, strong: 0, weak: 0 }
    // A talk named in a sentence ("“Title” by Speaker") gets its own heading first.
    if (s.depth < 6) s.body = s.body.flatMap((n) => (n.type === 'paragraph' ? (liftMentions(n, s.depth) ?? [n]) : [n]))
    const c = listCounts(s.body)
    const key = `${s.parent}:${s.depth}`
    const pool = pools.get(key) ?? { items: 0, strong: 0, weak: 0 }
    pools.set(key, { items: pool.items + c.items, strong: pool.strong + c.strong, weak: pool.weak + c.weak })
    return c
  })
  tree.children = sections.flatMap((s, i) => {
    const own = counts[i]!
    const listsOfTalks = own.strong + own.weak > 0 && (talkLists(own) || talkLists(pools.get(`${s.parent}:${s.depth}`)!))
    const body = s.explicit ? s.body : liftSection(s.body, s.depth, listsOfTalks)
    return s.heading ? [s.heading, ...body] : body
  })
}

interface Section {
  heading?: Heading
  depth: number
  explicit: boolean
  body: RootContent[]
  /** Index of the enclosing section, -1 at the top. */
  parent: number
}

interface ListCounts {
  items: number
  /** Items that read as talks by their own words: speakers or a kind label. */
  strong: number
  /** Items that only name a kind in a title: "Service Mesh Workshop with VMware". */
  weak: number
}

function listCounts(body: RootContent[]): ListCounts {
  const items = body.flatMap((n) => (n.type === 'list' ? n.children : []))
  const strong = items.filter(isTalkItem).length
  const weak = items.filter((i) => !isTalkItem(i) && isKindItem(i)).length
  return { items: items.length, strong, weak }
}

/** Nearly all items are talks, at least two of them by their own words. */
function talkLists(c: ListCounts): boolean {
  return c.strong >= 2 && c.strong + c.weak >= c.items * 0.8
}

function liftSection(body: RootContent[], depth: number, listsOfTalks: boolean): RootContent[] {
  if (depth >= 6) return body
  // Two paragraphs naming talks, or one linking to its entry in a conference schedule.
  const linked = body.filter((n): n is Paragraph => n.type === 'paragraph' && talkLink(n) !== undefined)
  const talkParagraphs = linked.length >= 2 || linked.some((p) => isScheduleEntry(talkLink(p)!))
  if (!listsOfTalks && !talkParagraphs) return body
  const out: RootContent[] = []
  const level = (depth + 1) as Heading['depth']
  for (const node of body) {
    if (node.type === 'paragraph' && talkParagraphs) {
      const link = talkLink(node)
      if (link) out.push({ type: 'heading', depth: level, children: [{ type: 'text', value: toString(link).trim() }], data: { listedTalk: true }, ...(node.position ? { position: node.position } : {}) })
      out.push(node)
      continue
    }
    if (node.type !== 'list' || !listsOfTalks) {
      out.push(node)
      continue
    }
    for (const item of node.children) {
      const [first, ...rest] = item.children
      if (!(isTalkItem(item) || isKindItem(item)) || first?.type !== 'paragraph') {
        out.push({ ...node, children: [item] })
        continue
      }
      const heading: Heading = { type: 'heading', depth: level, children: unwrap(first.children), data: { listedTalk: true }, ...(item.position ? { position: item.position } : {}) }
      out.push(heading, ...rest)
    }
  }
  return out
}

/** The one link in a paragraph whose text reads as a talk with its speakers. */
function talkLink(paragraph: Paragraph): Link | undefined {
  if (toString(paragraph).length > 1200) return undefined
  // "**[Title - Speaker](notes.md)**": a link in bold or italics counts as one in the open.
  const inline = paragraph.children.flatMap((c) => (c.type === 'strong' || c.type === 'emphasis' ? c.children : [c]))
  const links = inline.filter((c): c is Link => c.type === 'link')
  const talks = links.filter((l) => {
    const signals = readHeading(toString(l))
    return isScheduleEntry(l) || (signals.speakers.length > 0 && !signals.personOnly)
  })
  return talks.length === 1 ? talks[0] : undefined
}

/** A link to a talk's page in a conference schedule (sched.com's /event/…). */
function isScheduleEntry(link: Link): boolean {
  try {
    const url = new URL(link.url)
    return /(?:^|\.)sched\.(?:com|co)$/.test(url.hostname) && /^\/event\//.test(url.pathname) && toString(link).trim().length > 3
  } catch {
    return false
  }
}

function isTalkItem(item: ListItem): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return false
  const line = toString(first).split('\n')[0]!.trim()
  if (line.length > 200) return false
  const signals = readHeading(line)
  // "Joe Beda - CEO, Heptio" in a list of people met is a person, not a talk.
  return (signals.speakers.length > 0 && !signals.personOnly) || signals.kindLabelled
}

/** A title-like first line that names a session kind: "Kubernetes and Service Mesh Workshop with VMware (all day)". */
function isKindItem(item: ListItem): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return false
  const line = toString(first).split('\n')[0]!.trim()
  return line.length <= 120 && !/[.!?:;]$/.test(line) && readHeading(line).kind !== undefined && readsAsTitle(line)
}

function unwrap(inline: PhrasingContent[]): PhrasingContent[] {
  if (inline.length === 1 && (inline[0]!.type === 'strong' || inline[0]!.type === 'emphasis')) return inline[0]!.children
  return inline
}
