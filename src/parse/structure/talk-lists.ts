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
 *
 * A list the post itself introduces as talks ("### Tutorials:", "There were quite some Django
 * talks:", links into a talks/ folder of notes) converts on weaker evidence: its items need
 * only open with a title.
 */
import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { isScheduleEntry as isScheduleLink } from './body-signals.ts'
import { readHeading } from './heading-signals.ts'
import { readSpeakers } from './speakers.ts'
import { liftMentions, readsAsTitle, splitInline, trimEdges } from './mentions.ts'
import type { SessionKind } from '../../validate/schema.ts'

declare module 'mdast' {
  interface HeadingData {
    /** Made from a list item or a paragraph that reads as a talk. */
    listedTalk?: true
    /** The kind the list's heading gives its items: "Tutorials" lists workshops. */
    listedKind?: SessionKind
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
    if (s.depth < 6) s.body = liftSectionMentions(s.body, s.depth)
    // "- **A** by Ada and **B** by Alan": two talks, each an item of its own.
    s.body = s.body.map((n) => (n.type === 'list' ? splitTalkPairs(n) : n))
    const c = listCounts(s.body)
    const key = `${s.parent}:${s.depth}`
    const pool = pools.get(key) ?? { items: 0, strong: 0, weak: 0 }
    pools.set(key, { items: pool.items + c.items, strong: pool.strong + c.strong, weak: pool.weak + c.weak })
    return c
  })
  tree.children = sections.flatMap((s, i) => {
    const own = counts[i]!
    const listsOfTalks = own.strong + own.weak > 0 && (talkLists(own) || talkLists(pools.get(`${s.parent}:${s.depth}`)!))
    const body = s.explicit ? s.body : liftSection(s.body, s.depth, listsOfTalks, s.heading ? toString(s.heading) : '')
    return s.heading ? [s.heading, ...body] : body
  })
}

/**
 * Each paragraph cut before the talks it names. Where two or more paragraphs name talks, the
 * others are read as part of that run: "Next was **Title** by Name" names a talk even in a
 * paragraph that says nothing of talks.
 */
function liftSectionMentions(body: RootContent[], depth: number): RootContent[] {
  const lifted = body.map((n) => (n.type === 'paragraph' ? liftMentions(n, depth) : undefined))
  const run = lifted.filter(Boolean).length >= 2
  return body.flatMap((n, i) => lifted[i] ?? (run && n.type === 'paragraph' ? liftMentions(n, depth, true) : undefined) ?? [n])
}

/**
 * A list with each item that names two talks or more ("- **A** by Ada Lovelace and **B** by
 * Alan Turing", "- [A](…) (Ada Lovelace), then [B](…) (Alan Turing)") made into one item per
 * talk, so each talk gets its own speakers. An item is cut only before a title in bold,
 * italics or a link that follows a whole "Title by Name" or "Title (Name)" and a joining
 * word; what the item says after the last talk stays with that talk.
 */
function splitTalkPairs(list: List): List {
  if (!list.children.some((item) => talkCuts(item).length)) return list
  return {
    ...list,
    children: list.children.flatMap((item) => {
      const cuts = talkCuts(item)
      const first = item.children[0]
      if (!cuts.length || first?.type !== 'paragraph') return [item]
      const parts = splitInline(first.children, cuts).map((part, i, all) => {
        const words = trimEdges(part)
        const last = words.at(-1)
        // The joining word goes: "**A** by Ada Lovelace and" heads the first talk as "**A** by Ada Lovelace".
        if (i < all.length - 1 && last?.type === 'text') last.value = last.value.replace(pairJoiner, '')
        return words
      })
      return parts.map((children, i): ListItem => ({
        ...item,
        children: [{ ...first, children }, ...(i === parts.length - 1 ? item.children.slice(1) : [])],
      }))
    }),
  }
}

/** What joins two talks in one item: ", ", "; ", " and ", ", then ", " & ". */
const pairJoiner = /\s*(?:,\s*(?:and|then)?|;|&|\band\b|\bthen\b)\s*$/

/** Where an item's first line starts a second talk, a third…: offsets in its first paragraph's text. */
function talkCuts(item: ListItem): number[] {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return []
  const text = toString(first)
  const line = text.split('\n')[0]!
  if (line.length > 400) return []
  // Where each title in bold, italics or a link starts.
  const starts: number[] = []
  let offset = 0
  for (const child of first.children) {
    if (offset >= line.length) break
    if (['strong', 'emphasis', 'link', 'linkReference'].includes(child.type)) starts.push(offset)
    offset += toString(child).length
  }
  if (starts.length < 2 || starts[0] !== 0) return []
  const cuts: number[] = []
  let from = 0
  for (const start of starts.slice(1)) {
    const talk = line.slice(from, start)
    const m = /^(.+?)\s*(?:\s+by\s+(.+?)|\(([^()]+)\))\s*(?:,\s*(?:and|then)?|;|&|\band\b|\bthen\b)\s*$/u.exec(talk)
    const speakers = m && (m[2] !== undefined ? readSpeakers(m[2], { strict: true }) : readSpeakers(m[3]!))
    // The next part is a talk too: a title with its own speakers.
    const next = line.slice(start).split(/\s*(?:,\s*(?:and|then)?|;)\s*(?=\S)/)[0]!
    if (speakers && plausibleTitle(m![1]!.replace(/[*_`]/g, '')) && readHeading(next).speakers.length > 0 && !readHeading(next).personOnly) {
      cuts.push(start)
      from = start
    }
  }
  return cuts
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

function liftSection(body: RootContent[], depth: number, listsOfTalks: boolean, headingText: string): RootContent[] {
  if (depth >= 6) return body
  // Two paragraphs naming talks, or one linking to its entry in a conference schedule.
  const linked = body.filter((n): n is Paragraph => n.type === 'paragraph' && talkLink(n) !== undefined)
  const talkParagraphs = linked.length >= 2 || linked.some((p) => isScheduleEntry(talkLink(p)!))
  const level = (depth + 1) as Heading['depth']
  if (!listsOfTalks && !talkParagraphs) return body.flatMap((node, i) => (node.type === 'list' ? (liftIntroducedList(node, headingText, body[i - 1], level) ?? [node]) : [node]))
  const out: RootContent[] = []
  body.forEach((node, i) => {
    if (node.type === 'paragraph' && talkParagraphs) {
      // "~~Ada Lovelace (Engines)⏎A Talk I Did Not Enjoy~~" among linked talks is a talk too.
      const link = talkLink(node) ?? struckTalk(node)
      // A paragraph cut from a sentence naming talks already follows its talk's heading.
      const previous = body[i - 1]
      const headed = previous?.type === 'heading' && previous.data?.listedTalk === true
      if (link && !headed) out.push({ type: 'heading', depth: level, children: [{ type: 'text', value: toString(link).trim() }], data: { listedTalk: true }, ...(node.position ? { position: node.position } : {}) })
      out.push(node)
      return
    }
    if (node.type === 'list' && !listsOfTalks) {
      out.push(...(liftIntroducedList(node, headingText, body[i - 1], level) ?? [node]))
      return
    }
    if (node.type !== 'list') {
      out.push(node)
      return
    }
    for (const item of node.children) {
      const [first, ...rest] = item.children
      if (!(isTalkItem(item) || isKindItem(item)) || first?.type !== 'paragraph') {
        out.push({ ...node, children: [item] })
        continue
      }
      // "**Title** by Ada Lovelace: a follow-up to last year.": the comment is the talk's text, not its heading.
      const [title, comment] = cutComment(first)
      const heading: Heading = { type: 'heading', depth: level, children: unwrap(title), data: { listedTalk: true }, ...(item.position ? { position: item.position } : {}) }
      out.push(heading, ...(comment ? [comment] : []), ...rest)
    }
  })
  return out
}

/**
 * An item's first paragraph cut where the comment after its speakers starts ("**Title** by
 * Ada Lovelace - loved the demos."): the words for the heading, and the comment as a
 * paragraph of its own. The whole paragraph when its first line has no such comment.
 */
function cutComment(paragraph: Paragraph): [PhrasingContent[], Paragraph?] {
  const text = toString(paragraph)
  const line = leadLine(text)
  const comment = readHeading(line.trim()).comment?.replace(/\s+/g, '')
  if (!comment) return [paragraph.children]
  // The comment ends the line: find where it starts, whitespace aside.
  let at = line.trimEnd().length
  for (let seen = 0; at > 0 && seen < comment.length; ) if (!/\s/.test(line[--at]!)) seen++
  if (line.slice(at).replace(/\s+/g, '') !== comment) return [paragraph.children]
  const [head = [], tail = []] = splitInline(paragraph.children, [at])
  const words = trimEdges(head)
  const last = words.at(-1)
  // The mark before the comment goes with it: "Ada Lovelace:", "Ada Lovelace -", "Ada Lovelace,".
  if (last?.type === 'text') last.value = last.value.replace(/(?:\s*[:;,–—-]|(?<=\p{Ll}{2})[.!?]+)+\s*$/u, '')
  const title = words.filter((c) => c.type !== 'text' || c.value !== '')
  // A cut inside a link or bold title moves before it: nothing would be left to head the talk.
  if (!title.some((c) => toString(c).trim() !== '')) return [paragraph.children]
  return [title, { type: 'paragraph', children: trimEdges(tail), ...(paragraph.position ? { position: paragraph.position } : {}) }]
}

/** A paragraph that is only struck-through words reading as a talk with its speakers. */
function struckTalk(paragraph: Paragraph): PhrasingContent | undefined {
  const parts = paragraph.children.filter((c) => c.type !== 'text' || c.value.trim() !== '')
  const only = parts.length === 1 ? parts[0]! : undefined
  if (only?.type !== 'delete') return undefined
  const signals = readHeading(toString(only))
  return signals.speakers.length > 0 && !signals.personOnly ? only : undefined
}

/** The one link in a paragraph whose text reads as a talk with its speakers. */
function talkLink(paragraph: Paragraph): Link | undefined {
  if (toString(paragraph).length > 1200) return undefined
  // "**[Title - Speaker](notes.md)**": a link in bold or italics counts as one in the open.
  const inline = paragraph.children.flatMap((c) => (c.type === 'strong' || c.type === 'emphasis' ? c.children : [c]))
  const links = inline.filter((c): c is Link => c.type === 'link')
  const talks = links.filter((l) => {
    // "[Slides](…/talks/my-talk/)" links to the talk; its words are not the talk's title.
    if (resourceWords.test(toString(l).trim()) || peopleWords(toString(l).trim())) return false
    const signals = readHeading(toString(l))
    return isScheduleEntry(l) || (signals.speakers.length > 0 && !signals.personOnly) || linksToNotesOn(l.url) !== undefined || namedBelow(paragraph, l)
  })
  return talks.length === 1 ? talks[0] : undefined
}

/**
 * The words of a link to a talk's material or to the talk itself in passing, never its title:
 * "Slides", "Video", "Conference Profile", "the session", "In this session".
 */
const resourceWords = /^(?:(?:in|at|to|attend|see|watch)\s+)?(?:the|this|that|her|his|their|my|our)\s+(?:session|talk|keynote|workshop|tutorial|presentation|panel|video|recording|slides)$|^(?:(?:the\s+|my\s+)?(?:slides?|slide deck|deck|video|recording|youtube|vimeo|schedule|abstract|talk page|session page|(?:speaker\s+|\p{L}+\s+)?profile|pdf|here|this|link|watch(?: it)?|notes)|\p{L}+\s+(?:slides|video|recording))$/iu

/** "Ada Lovelace and her team": a person and lower-case words about them, not a talk's title. */
function peopleWords(text: string): boolean {
  const m = /^(\S+\s+\S+)((?:\s+\p{Ll}\S*)+)$/u.exec(text)
  return m !== null && readSpeakers(m[1]!, { strict: true }) !== undefined
}

/**
 * "[Title](recording)⏎Ada Lovelace⏎What I thought…": the link is the paragraph's whole first
 * line and the next line is only the speaker's name.
 */
function namedBelow(paragraph: Paragraph, link: Link): boolean {
  // Lines end at a newline or a hard break (two spaces before it), which has no text of its own.
  const text = paragraph.children.map((c) => (c.type === 'break' ? '\n' : toString(c))).join('')
  const lines = text.split('\n')
  if (paragraph.children[0] !== link || lines.length < 2 || lines[0]!.trim() !== toString(link).trim()) return false
  const speakers = readSpeakers(lines[1]!.trim(), { strict: true })
  return speakers !== undefined && readsAsTitle(toString(link).trim())
}

/** A link to a talk's page in a conference schedule. */
function isScheduleEntry(link: Link): boolean {
  return isScheduleLink(link.url, toString(link))
}

/**
 * A paragraph's first line, joined with the next ones while its byline wraps: "[Title](…)
 * _by_⏎[Name](…) - comment", "Title by Name -⏎a comment", "[Title](…)⏎by Name". Each newline
 * becomes a space, so offsets in the line are those in the text.
 */
function leadLine(text: string): string {
  const lines = text.split('\n')
  let n = 1
  while (n < lines.length && n < 4 && (/(?:\s[-–—:]|\bby)\s*$/.test(lines[n - 1]!) || /^\s*(?:by|[-–—])\s/.test(lines[n]!))) n++
  return lines.slice(0, n).join(' ')
}

function isTalkItem(item: ListItem): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return false
  const line = leadLine(toString(first)).replace(/\s+/g, ' ').trim()
  if (line.length > 300) return false
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

// --- lists the post introduces as talks ------------------------------------------------

/**
 * "Talks", "Tutorials:", "My favourite sessions", "Talks I attended": a heading over a list
 * of talks of one kind. Not "Lightning talks": its list is the one session's running order.
 */
const pluralKindHeading =
  /^(?:(?:the|my|some|other|more|favou?rite|main|recommended|best|notable)\s+)*(talks|sessions|presentations|panels|keynotes|workshops|tutorials|labs|bofs)(?:\s+(?:i|we)\s+(?:attended|saw|liked|watched|went to|recommend))?$/i
const pluralKinds: Record<string, SessionKind> = { keynotes: 'keynote', workshops: 'workshop', tutorials: 'workshop', labs: 'workshop', bofs: 'bof' }
const talkWord = /\b(?:talks|sessions|presentations|keynotes|workshops|tutorials)\b/i

/**
 * A list the post itself says is of talks: under a heading such as "Talks" or "Tutorials:",
 * or after a sentence such as "There were quite some Django talks:". Its items need not name
 * speakers; each that opens with a title (a link, bold words, "Title: what I thought", or a
 * short line) becomes a talk. Under a heading that only speaks of talks ("I went to talks
 * and workshops!") a title counts only when the item marks it, as a link or in bold.
 */
function liftIntroducedList(list: List, headingText: string, before: RootContent | undefined, level: Heading['depth']): RootContent[] | undefined {
  const heading = headingText.replace(/[*_`]/g, '').replace(/[\s:!.…]+$/, '').trim()
  const headingKind = pluralKindHeading.exec(heading)?.[1]?.toLowerCase()
  const intro = before?.type === 'paragraph' ? toString(before).trim() : ''
  // "Some of my favourite talks:", "talks by my colleagues at Shopify:": the list is of talks,
  // not of "two things I noticed" on walking into the keynotes.
  const introduced = /:$/.test(intro) && new RegExp(`${talkWord.source}(?:\\s+\\S+){0,5}\\s*:$`, 'i').test(intro)
  // "- [Docker from Scratch](workshops/docker.md)": links into the writer's own notes on each workshop.
  const folder = notesFolder(list)
  const form: TitleForms = headingKind ? 'any' : introduced ? 'labelled' : 'marked'
  if (form === 'marked' && !talkWord.test(heading) && !folder) return undefined
  const titles = list.children.map((item) => itemTitle(item, form))
  const found = titles.filter(Boolean).length
  const needed = headingKind || folder ? 1 : introduced ? 2 : 3
  if (found < needed || found < list.children.length * 0.8) return undefined
  // "…happened to be the keynotes inside the main hall:": the sentence names their kind, when it names one only.
  const introWords = new Set(introduced ? [...intro.matchAll(new RegExp(talkWord.source, 'gi'))].map((m) => m[0].toLowerCase()) : [])
  const introKind = introWords.size === 1 ? pluralKinds[[...introWords][0]!] : undefined
  const kind = headingKind ? (pluralKinds[headingKind] ?? 'talk') : (folder ?? introKind)
  const out: RootContent[] = []
  list.children.forEach((item, i) => {
    const t = titles[i]
    if (!t) {
      out.push({ ...list, children: [item] })
      return
    }
    const data = { listedTalk: true as const, ...(kind && kind !== 'talk' ? { listedKind: kind } : {}) }
    out.push({ type: 'heading', depth: level, children: t.title, data, ...(item.position ? { position: item.position } : {}) })
    if (t.rest.length) out.push({ type: 'paragraph', children: t.rest })
    out.push(...item.children.slice(1))
  })
  return out
}

/** The kind of session a list's links say they are notes on, by the folder they point into. */
function notesFolder(list: List): SessionKind | undefined {
  const kinds = list.children.map((item) => {
    const first = item.children[0]
    const link = first?.type === 'paragraph' ? first.children.find((c): c is Link => c.type === 'link') : undefined
    return link ? linksToNotesOn(link.url) : undefined
  })
  const first = kinds[0]
  return first && kinds.filter((k) => k === first).length >= Math.max(2, list.children.length * 0.8) ? first : undefined
}

/** "talks/habitat.md", "../workshops/aws.md": a relative link into a folder of notes on one kind of session. */
function linksToNotesOn(url: string): SessionKind | undefined {
  if (/^[a-z][\w+.-]*:|^#|^\/\//i.test(url)) return undefined
  const folder = url.split(/[?#]/)[0]!.split('/').slice(0, -1).map((s) => s.toLowerCase()).reverse().find((s) => folderKinds[s])
  return folder ? folderKinds[folder] : undefined
}

const folderKinds: Record<string, SessionKind> = { talks: 'talk', sessions: 'talk', keynotes: 'keynote', workshops: 'workshop', tutorials: 'workshop' }

interface ItemTitle {
  title: PhrasingContent[]
  /** The rest of the item's first paragraph: what the post says about the talk. */
  rest: PhrasingContent[]
}

/** Words that open a sentence about the writer, not a talk's title: "I did not attend the …". */
const sentenceOpener = /^(?:i|i'm|i've|we|we're|my|our|it|this|that|there|they|he|she|also|and|but|so|then|after|before|during|not|no|yes|lots?|many|most|some|one|too)\b/i

/** Which items' titles count: any short line, also "Title: what I thought", or only links and bold words. */
type TitleForms = 'any' | 'labelled' | 'marked'

function itemTitle(item: ListItem, form: TitleForms): ItemTitle | undefined {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return undefined
  let inline = [...first.children]
  // "Talk: [Title](…)", "Keynote: Title: what I thought": the label stays with the title.
  const label: PhrasingContent[] = []
  const lead = inline[0]
  if (lead?.type === 'text') {
    const m = /^\s*([\p{L} ]{3,30}):\s+/u.exec(lead.value)
    if (m && kindLabel(m[1]!)) {
      label.push({ type: 'text', value: m[0].trimStart() })
      inline = [{ ...lead, value: lead.value.slice(m[0].length) }, ...inline.slice(1)].filter((c) => c.type !== 'text' || c.value !== '')
    }
  }
  const opener = inline[0]
  // A link or bold words: the post marks the title itself.
  // "[Title][ref]" links to its address further down the post, as "[Title](…)" does in place.
  if (opener && (opener.type === 'link' || opener.type === 'linkReference' || opener.type === 'strong' || opener.type === 'emphasis')) {
    const text = toString(opener).trim()
    if (!plausibleTitle(text)) return undefined
    return { title: [...label, ...(opener.type === 'strong' || opener.type === 'emphasis' ? unwrap([opener]) : [opener])], rest: trimLead(inline.slice(1)) }
  }
  if (form === 'marked' || opener?.type !== 'text') return undefined
  const line = toString({ type: 'paragraph', children: inline }).split('\n')[0]!.trim()
  // "Title: what I thought of it", the title short and no sentence of its own.
  const colon = /^([^:]{2,90}?):\s+\S/.exec(line)
  if (colon && plausibleTitle(colon[1]!)) {
    const cut = opener.value.indexOf(colon[1]!) + colon[1]!.length
    if (cut >= colon[1]!.length && cut < opener.value.length) {
      const after = opener.value.slice(cut).replace(/^\s*:\s*/, '')
      return { title: [...label, { type: 'text', value: colon[1]!.trim() }], rest: [{ type: 'text', value: after }, ...inline.slice(1)] }
    }
  }
  // A line that is only a title: short, and not a sentence.
  if (form === 'any' && inline.length === 1 && !line.includes('\n') && toString(first).trim() === line && plausibleTitle(line) && !/[.;]$/.test(line)) return { title: [...label, { type: 'text', value: line }], rest: [] }
  return undefined
}

function plausibleTitle(text: string): boolean {
  const words = text.trim().split(/\s+/)
  return words.length >= 1 && words.length <= 14 && text.length <= 100 && /^[\p{Lu}\p{N}"“'‘(@#]/u.test(text.trim()) && !sentenceOpener.test(text.trim()) && !/[.;]\s+\S/.test(text)
}

function kindLabel(word: string): boolean {
  return /^(?:keynote|talk|session|tutorial|workshop|lightning talk|panel|bof|lab)$/i.test(word.trim())
}

/** " - great overview" after a link: the dash goes with the title it followed. */
function trimLead(inline: PhrasingContent[]): PhrasingContent[] {
  const [head, ...rest] = inline
  if (head?.type !== 'text') return inline
  const value = head.value.replace(/^\s*(?:[-–—:,]\s*)?/, '')
  return value ? [{ ...head, value }, ...rest] : rest
}

function unwrap(inline: PhrasingContent[]): PhrasingContent[] {
  if (inline.length === 1 && (inline[0]!.type === 'strong' || inline[0]!.type === 'emphasis')) return inline[0]!.children
  return inline
}
