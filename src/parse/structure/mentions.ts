/**
 * Talks named only in prose: a quoted title followed by who gave it, as in
 * ‘I liked “Scaling Thanos” by [Rosa Lindqvist](…)’ or ‘I attended the “[Learning Day](…)”
 * hosted by Quillstone’. Such a paragraph is cut before each talk it names (at the
 * start of that sentence when the talk opens one) and each part after a cut gets a heading
 * of its own: the talk becomes a section whose body is the text about it, and nothing is
 * copied or lost.
 *
 * A quoted phrase is a talk only when it reads as a title (capitalised, a few words), is
 * followed by "by" and a capitalised name, and the paragraph speaks of talks or attending:
 * ‘“Accelerate” by Nicole Forsgren’ in a paragraph about reading stays text.
 */
import type { Heading, Link, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { contains } from '../../tree.ts'
import { isScheduleEntry } from './body-signals.ts'
import { readSpeakers, type Speaker } from './speakers.ts'
import type { SessionKind } from '../../validate/schema.ts'

declare module 'mdast' {
  interface HeadingData {
    /** The speakers named beside a talk mentioned in prose. */
    mentionedSpeakers?: Speaker[]
  }
}

interface Mention {
  title: string
  speakers: Speaker[]
  /** Offsets in the paragraph's text: where the quote opens. */
  start: number
}

const nameWords = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|de|der|den|da|di|du|del|la|le)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}`
const mentionPattern = new RegExp(
  String.raw`[“"]([^“”"]{3,150}?)[”"]\s*,?\s*(?:(?:presented|hosted|given|delivered|run|led|organi[sz]ed)\s+)?by\s+(${nameWords}(?:\s+(?:and|&)\s+${nameWords})?)`,
  'gu',
)
const talkContext = /\b(?:talks?|sessions?|keynotes?|workshops?|presentations?|panels?|tutorials?|attend\w*|went to|watched|enlightening|co-located|event)\b/i
const smallWords = /^(?:a|an|the|and|or|of|for|to|in|on|at|by|with|from|into|about|is|are|vs\.?|&|[-–—:])$/i

/** "Virtual Clusters: Tips and Tricks" reads as a title; "I am not ready" does not. */
export function readsAsTitle(text: string): boolean {
  const words = text.trim().split(/\s+/)
  if (words.length < 2 || words.length > 18 || !/^[\p{Lu}\p{N}]/u.test(text.trim())) return false
  const content = words.filter((w) => !smallWords.test(w))
  const capitalised = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length
  return capitalised * 3 >= content.length * 2
}

/**
 * `run`: the paragraph is one of a run of paragraphs naming talks ("Next was **Title** by
 * Name, …"), so a title in bold or italics followed by who gave it is a talk even where the
 * paragraph itself speaks of no talk.
 */
function findMentions(paragraph: Paragraph, run = false): Mention[] {
  const text = toString(paragraph)
  if (text.length > 2000) return []
  // A link to a talk's page in a conference schedule names a talk whatever the words around it.
  const context = talkContext.test(text)
  if (!context && !run && !hasScheduleLink(paragraph)) return []
  const mentions: Mention[] = []
  // "such as “Free the Conqueror!” by Ada Lovelace and “Keeping the flow going” by Alan
  // Turing": among quoted titles that read as titles, one in sentence case with a person
  // after it is a talk too.
  const quoted = (context ? [...text.matchAll(mentionPattern)] : []).map((m) => {
    const title = m[1]!.replace(/\s+/g, ' ').trim()
    const speakers = readSpeakers(m[2]!.replace(/[.,;:]+$/, ''), { strict: true }) ?? []
    return { title, speakers, start: m.index, titled: readsAsTitle(title) }
  })
  const series = quoted.some((q) => q.titled)
  for (const { title, speakers, start, titled } of quoted) {
    if (titled || (series && speakers.length > 0 && /^[\p{Lu}\p{N}]/u.test(title) && title.split(' ').length <= 16)) mentions.push({ title, speakers, start })
  }
  // "There was another talk about [How to Warm Your House with Python](slides.pdf)": a link
  // right after the words for a talk is the talk's title.
  let offset = 0
  // Where each link starts in the text: who gave a linked talk is named before the next link.
  const linkStarts: number[] = []
  for (const child of paragraph.children) {
    if (child.type === 'link' || ((child.type === 'strong' || child.type === 'emphasis') && child.children[0]?.type === 'link')) linkStarts.push(offset)
    offset += toString(child).length
  }
  offset = 0
  for (const child of paragraph.children) {
    const length = toString(child).length
    const link = child.type === 'link' ? child : (child.type === 'strong' || child.type === 'emphasis') && child.children.length === 1 && child.children[0]!.type === 'link' ? child.children[0] : undefined
    // "*The Profession of Solving the Wrong Problem*, by Vincent Warmerdam", "**Allocator Wrestling** by
    // [Name](…)": a title in italics or bold, then who gave it.
    // In a run, a paragraph that speaks of no talk needs its sentence to go on from the last
    // one ("Next was …", "Then I went to …"): "On the train home I read *Title* by Name" is a book.
    const inRun = run && nextInLine.test(text.slice(0, offset).split(/[.!?]\s+|\n\s*\n/).at(-1)!.trimStart())
    if ((context || inRun) && (child.type === 'emphasis' || child.type === 'strong') && !link && !mentions.some((m) => Math.abs(m.start - offset) < 3)) {
      const title = toString(child).replace(/\s+/g, ' ').trim()
      // The name ends with its sentence: "by Vincent Warmerdam. Even if…" (an initial's dot does not end it).
      const by = italicBy.exec(text.slice(offset + length, offset + length + 80))?.[1]?.replace(/(?<=\p{Ll}{2})\.[\s\S]*$/u, '')
      const speakers = by && readSpeakers(by, { strict: true })
      if (speakers && /^[\p{Lu}\p{N}"“]/u.test(title) && title.split(' ').length >= 2 && title.split(' ').length <= 16) mentions.push({ title, speakers, start: offset })
    }
    // "my favourite was [Title](…/schedule/event/…) by Name": a link to the talk's page, with who gave it.
    if (link && !mentions.some((m) => Math.abs(m.start - offset) < 3)) {
      const title = toString(link).replace(/\s+/g, ' ').trim()
      const words = title.split(' ')
      const nextLink = linkStarts.find((start) => start > offset) ?? text.length
      const after = text.slice(offset + length, Math.min(nextLink, offset + length + 80))
      // The name ends with its sentence: "by Nadia Okonkwo.⏎In the…" (an initial's dot does not end it).
      const by = linkBy.exec(after)?.[1]?.replace(/(?<=\p{Ll}{2})\.[\s\S]*$/u, '').replace(/\s+(?:and|&)\s*$/, '')
      const speakers = (by && readSpeakers(by, { strict: true })) || []
      const afterTalkWords = context && talkBefore.test(text.slice(Math.max(0, offset - 40), offset))
      // Or a link to the talk's page in a schedule with who gave it: "my favourite was [Title](…/schedule/event/…) by Name".
      const scheduledBy = speakers.length > 0 && isScheduleEntry(link.url, title)
      if ((afterTalkWords || scheduledBy) && words.length >= (scheduledBy ? 1 : 2) && words.length <= 14 && !/^(?:the|this|that|it|here|slides?|video|recording|link)\b/i.test(title)) {
        mentions.push({ title, speakers, start: offset })
      }
    }
    offset += length
  }
  // "I headed over to the KubeCon Speed Networking & Mentoring Sessions": a name in capitals,
  // ending in a word for a session, that the writer went to.
  for (const m of text.matchAll(attendedSession)) {
    const title = m[1]!.trim()
    const start = m.index + m[0].length - m[1]!.length
    if (readsAsTitle(title) && !mentions.some((x) => Math.abs(x.start - start) < 3)) mentions.push({ title, speakers: [], start })
  }
  return mentions.sort((a, b) => a.start - b.start)
}

/** Words that open a sentence going on from the last talk: "Next was", "Then I went to", "After that". */
const nextInLine = /^(?:next|then|after(?:wards|\s+that|\s+lunch|\s+the\s+break)?|later|finally|lastly|the\s+(?:next|last|final)\s+one)\b/i

/** "the closing keynote: **Title**", "a workshop, *Title*": the kind named right before a talk's title. */
const kindRightBefore = /\b(keynote|lightning talk|workshop|tutorial)\s*:?\s*[“"]?$/i
const kindWords: Record<string, SessionKind> = { keynote: 'keynote', 'lightning talk': 'lightning', workshop: 'workshop', tutorial: 'workshop' }

function kindBefore(text: string, start: number): { listedKind?: SessionKind } {
  const kind = kindRightBefore.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase()
  return kind ? { listedKind: kindWords[kind]! } : {}
}

const attendedSession =
  /\b(?:attended|went to|headed (?:over )?to|joined|sat in on|caught)\s+(?:the\s+)?((?:[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*\s+(?:(?:&|and|of|for|the|on|in|to)\s+)?){1,7}(?:Sessions?|Workshops?|Keynotes?|Panels?|BoFs?|Tutorials?))\b/gu

/** Who gave a linked talk: "by Ada Lovelace", "by Ada Lovelace and Alan Turing". */
const linkBy = new RegExp(String.raw`^\s*,?\s*(?:presented |given )?by\s+(${nameWords}(?:\s+(?:and|&)\s+${nameWords})?)`, 'u')

function hasScheduleLink(paragraph: Paragraph): boolean {
  return contains(paragraph, (node) => node.type === 'link' && isScheduleEntry((node as Link).url, toString(node as Link)))
}

const italicBy = /^\s*,?\s*(?:presented |given |delivered )?by\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|de|der|da|di|du|del|la|le)\s+)?\p{Lu}[\p{L}'’.-]*){1,3})/u

/** "… another talk about ", "a keynote on ", "the session called ": what comes right before a talk's linked title. */
const talkBefore = /\b(?:talks?|keynotes?|presentations?|sessions?|workshops?)\s+(?:about|on|called|titled|named|like)\s*:?\s*$/i

/**
 * The paragraph, cut before each talk it names, with a heading (one level below `depth`)
 * before each part that is about a talk. Returns undefined when it names none.
 */
export function liftMentions(paragraph: Paragraph, depth: number, run = false): RootContent[] | undefined {
  const mentions = findMentions(paragraph, run)
  if (mentions.length === 0) return undefined
  const text = toString(paragraph)
  // Cut at the start of the sentence that names the talk, unless an earlier talk is in it.
  const cuts = mentions.map((m, i) => {
    const from = i === 0 ? 0 : mentions[i - 1]!.start
    const before = text.slice(from, m.start)
    const lastBreak = Math.max(...[...before.matchAll(/[.!?](?:\s+|\n)|\n/g)].map((b) => b.index + b[0].length), -1)
    // The first talk in a paragraph: its sentence opens the paragraph, so the heading goes above it.
    return lastBreak > 0 ? from + lastBreak : i === 0 ? 0 : m.start
  })
  const parts = splitInline(paragraph.children, cuts)
  const out: RootContent[] = []
  const level = Math.min(6, depth + 1) as Heading['depth']
  parts.forEach((children, i) => {
    if (i > 0) {
      const m = mentions[i - 1]!
      out.push({
        type: 'heading',
        depth: level,
        children: [{ type: 'text', value: m.title }],
        data: { listedTalk: true, ...(m.speakers.length ? { mentionedSpeakers: m.speakers } : {}), ...kindBefore(text, m.start) },
        ...(paragraph.position ? { position: paragraph.position } : {}),
      })
    }
    if (children.some((c) => toString(c).trim() !== '' || c.type === 'image')) out.push({ type: 'paragraph', children: trimEdges(children) })
  })
  return out
}

/** Inline content cut at the given offsets of its text: offsets inside a link or emphasis move to its start. */
export function splitInline(children: PhrasingContent[], cuts: number[]): PhrasingContent[][] {
  const parts: PhrasingContent[][] = [[]]
  let offset = 0
  let next = 0
  for (const child of children) {
    const length = toString(child).length
    while (next < cuts.length && cuts[next]! <= offset) {
      parts.push([])
      next++
    }
    if (child.type === 'text') {
      let value = child.value
      let at = offset
      while (next < cuts.length && cuts[next]! < offset + length) {
        const cut = cuts[next]! - at
        parts.at(-1)!.push({ type: 'text', value: value.slice(0, cut) })
        parts.push([])
        value = value.slice(cut)
        at = cuts[next]!
        next++
      }
      if (value) parts.at(-1)!.push({ type: 'text', value })
    } else {
      // A cut inside a link or emphasis happens before it: the quoted link stays whole.
      while (next < cuts.length && cuts[next]! < offset + length) {
        parts.push([])
        next++
      }
      parts.at(-1)!.push(child)
    }
    offset += length
  }
  while (parts.length < cuts.length + 1) parts.push([])
  return parts
}

export function trimEdges(children: PhrasingContent[]): PhrasingContent[] {
  const out = children.map((c) => ({ ...c }))
  const first = out[0]
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
  const last = out.at(-1)
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
  return out.filter((c) => c.type !== 'text' || c.value !== '')
}
