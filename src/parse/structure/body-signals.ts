/**
 * What the first lines under a heading say about it: a speaker line ("Speaker: …",
 * "*Speakers: Name, Company*", "Presented by …") and links to a schedule, slides or a
 * recording. Only the opening blocks count: a talk announces itself at its top.
 */
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { readHeading } from './heading-signals.ts'
import { readByline, readSpeakers, readsAsAffiliation, type Speaker } from './speakers.ts'
import type { SessionKind } from '../../validate/schema.ts'

export interface BodySignals {
  speakers: Speaker[]
  /** A link to a schedule entry, slides or a recording. */
  sessionLink: boolean
  /** 1 when the text speaks of "the speaker", "the presenter", "this session" or "the talk", else 0. */
  sessionWords: number
  /** "I delivered a keynote", "she gave a workshop": the opening lines say what kind of session this is. */
  deliveredKind?: SessionKind
  /** "The workshop was hands-on": a paragraph of the opening names what the session was. */
  namedKind?: SessionKind
  /** "Awesome keynote by Ada Lovelace": who gave it, named in the opening sentence. */
  givenBy?: Speaker[]
  /** "In her talk, Ada Lovelace showed…", "Ada Lovelace (Acme) opened with…": who gave it, named in a clause of the opening. */
  namedInClause?: Speaker[]
}

const speakerLabel = /^\s*(?:speakers?|presenters?|panelists?|presented by|speaker\(s\)|by)\s*[:\-–—]?\s+(.+)$/i
const sessionHosts = /(?:^|\.)(?:sched\.com|sched\.co|youtube\.com|youtu\.be|vimeo\.com|speakerdeck\.com|slideshare\.net|slides\.com|events\.linuxfoundation\.org)$/i
const sessionLinkText = /\b(?:slides|video|recording|schedule|sched|session page|watch|youtube|talk page|abstract)\b/i
const speakerWords = /\bthe (?:speakers?|presenters?|panelists?)\b|\bspeaker \(|\bpresented by\b|\bthe speaker['’]s\b/i
// Not "give a talk": "give a talk next year" is a wish in a takeaway, not a session.
const delivered = /\b(?:deliver(?:s|ed|ing)?|gave|present(?:s|ed|ing)?|h[oe]ld(?:s|ing)?)\s+(?:a|my|her|his|their|our|the|this)\s+(keynote|lightning talk|talk|workshop|tutorial)\b/i
const deliveredKinds: { [word: string]: SessionKind } = { keynote: 'keynote', 'lightning talk': 'lightning', talk: 'talk', workshop: 'workshop', tutorial: 'workshop', presentation: 'talk', session: 'talk' }
const kindBy = new RegExp(String.raw`\b(keynote|lightning talk|talk|workshop|tutorial|presentation|session)\s+(?:(?:on|about)\s+[^.!?]{1,60}?\s+)?(?:presented |given |delivered |run |led )?by\s+(${String.raw`\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:(?:van|von|de|der|da|di|du|del|la|le)\s+)?\p{Lu}[\p{Ll}\p{M}'’.-]+){1,3}`})`, 'u')
const sessionWords = /\bthis (?:session|talk)\b|\bthe (?:session|talk|presentation)\b|\bin (?:his|her|their) (?:talk|session)\b/i

/** A line that only names speakers: "Speaker: Ada Lovelace, Analytical Engines". */
export function readSpeakerLine(text: string): Speaker[] | undefined {
  const first = text.split('\n')[0]!.replace(/[*_]/g, '').trim()
  const m = speakerLabel.exec(first)
  // "By the end of the day…" is a sentence: only names are read. "Presented by Ada Lovelace
  // (Analytical Engines). Her session…", "by Ada Lovelace: a follow-up to last year" name the
  // speaker before the comment.
  if (!m) return undefined
  // "Speakers: Ada Lovelace, Alan Turing": after a plural label, a comma separates people.
  const people = /^\s*(?:speakers|presenters|panelists|speaker\(s\))\b/i.test(first)
  return readByline(m[1]!, { people })?.speakers
}

/** "The speaker (Ada Lovelace) showed…": a speaker named in passing, anywhere in the section. */
const speakerInPassing = /\bspeakers?\s*\(([^()]{3,80})\)/gi
const nameRun = String.raw`\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:(?:van|von|de|der|da|di|du|del|la|le)\s+)?\p{Lu}[\p{Ll}\p{M}'’-]+){1,3}`
/**
 * In a block of keynotes the speakers are the people who take the stage, named where a
 * sentence starts: "Aparna Sinha (PM at Google) gets on stage", "Kelsey Hightower talks
 * about…", "Brandon Philips from CoreOS is back on stage".
 */
const onStage = new RegExp(
  String.raw`(?:^|[.!?]\s+|\n)(?:(?:Then|Next|Later|Finally|Also|Afterwards|Now|Lastly),?\s+)?(${nameRun})(?:\s*\([^()]{1,60}\)|\s+(?:from|of)\s+\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,2})?,?\s+(?:is back on stage|(?:gets|is|comes|steps) (?:up )?on(?:to)? (?:the )?stage|takes the stage|opens|closes|talks|speaks|presents|demonstrates|demos|explains|shows|announces|introduces|shares|discusses|describes|walks us|does|makes|gives)\b`,
  'gu',
)

/**
 * Speakers named in a session's text rather than beside its title: "the speaker (Name)"
 * anywhere, "Name's talk" in its first paragraph, and for keynotes, the people who take the stage. For sessions whose heading
 * and opening lines name nobody.
 */
export function speakersInText(nodes: readonly RootContent[], kind: SessionKind | undefined): Speaker[] {
  const text = nodes
    .filter((n) => n.type === 'paragraph' || n.type === 'list' || n.type === 'blockquote')
    .map((n) => toString(n, { includeHtml: false }))
    .join('\n')
  const found: Speaker[] = []
  const add = (speakers: Speaker[] | undefined) => {
    for (const s of speakers ?? []) if (!found.some((f) => f.name === s.name)) found.push(s)
  }
  for (const m of text.matchAll(speakerInPassing)) add(readSpeakers(m[1]!))
  // "[Dan Kohn's talk](…) starts with…" at the top of the section.
  const opening = nodes.find((n) => n.type === 'paragraph' && toString(n).trim() !== '')
  const possessive = opening && new RegExp(String.raw`(${nameRun})['’]s (?:talk|keynote|session|presentation|workshop)\b`, 'u').exec(toString(opening))
  if (possessive) add(readSpeakers(possessive[1]!, { strict: true }))
  if (kind === 'keynote') for (const m of text.matchAll(onStage)) add(readSpeakers(m[1]!, { strict: true }))
  return found
}

/**
 * "**Unsafe at Any Speed** Rae Knowler made some great points…": under a talk lifted from a
 * list, a comment that opens with a person doing something, or with their possessive, names
 * the speaker.
 */
export function speakerOpening(nodes: readonly RootContent[]): Speaker[] | undefined {
  const opening = nodes[0]?.type === 'paragraph' ? toString(nodes[0], { includeHtml: false }).trim() : ''
  const m = new RegExp(String.raw`^(${nameRun})(?:['’]s\s+\p{L}|\s+\p{Ll}{2,}\s)`, 'u').exec(opening)
  return m ? readSpeakers(m[1]!, { strict: true }) : undefined
}

/**
 * "- [Ada Lovelace](…) talking about effect systems": a listed talk headed only by a person's
 * name, whose text goes on with what they did on stage, is that person's talk.
 */
export function speakerTalking(heading: string, nodes: readonly RootContent[]): Speaker[] | undefined {
  const opening = nodes[0]?.type === 'paragraph' ? toString(nodes[0], { includeHtml: false }).trim() : ''
  if (!/^(?:talking|talked|spoke|speaking|gave (?:a|an|the|her|his|their)\b|giving|presented|presenting|showed|showing|demoed|demoing|explained|explaining|walked us|introduced|discussed|shared)\b/.test(opening)) return undefined
  const speakers = readSpeakers(heading.trim(), { strict: true })
  return speakers?.length === 1 && speakers[0]!.name === heading.trim() ? speakers : undefined
}

/** No title to split off, or the names come first: "Ada Lovelace - Analytical Engines" is a name and a company. */
function namesFirst(line: string): boolean {
  const signals = readHeading(line)
  return signals.speakers.length === 0 || signals.speakerFirst
}

/** A block's text by lines: a hard break ("Title  ⏎Ada Lovelace") ends a line as a newline does. */
function textLines(node: RootContent): string[] {
  const text = node.type === 'paragraph' ? node.children.map((c) => (c.type === 'break' ? '\n' : toString(c, { includeHtml: false }))).join('') : toString(node, { includeHtml: false })
  return text.split('\n')
}

/** What a speaker does on stage, right after their name: "opened with", "showed", "walked us through". Not "showed up". */
const stageVerb = String.raw`(?:opened|started|began|kicked off|showed(?!\s+up)|presented|talked|spoke|explained|demonstrated|demoed|walked (?:us|the audience|everyone) through|gave (?:a|an|her|his|their) (?:talk|keynote|overview|introduction|demo|presentation|tour)|shared|described|discussed|introduced|argued|covered|took us)`
const inTheirTalk = new RegExp(String.raw`^(?:[Ii]n|[Dd]uring) (?:her|his|their|this) (?:talk|keynote|session|presentation|workshop|tutorial),?\s+(${nameRun})(?:\s*\(([^()]{1,60})\))?,?\s+\p{Ll}`, 'u')
/** "This session by Ada Lovelace from Acme offers…": the session is the section's own. */
const thisSessionBy = new RegExp(String.raw`^This (?:talk|keynote|session|presentation|workshop|tutorial) (?:\p{Ll}+ )?by (${nameRun})(?:\s*\(([^()]{1,60})\)|\s+(?:from|of|at)\s+(\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,2}))?`, 'u')
const nameOnStage = new RegExp(String.raw`^(${nameRun})(?:\s*\(([^()]{1,60})\))?,?\s+${stageVerb}\b`, 'u')
/** A personal pronoun: the name before it was a person's, not a project's ("Apache Kafka showed…"). */
const personalPronoun = /\b(?:she|he|her|his|him|hers)\b|\btheir (?:talk|keynote|slides|demo|session|presentation)\b/i

/**
 * The speaker named in a clause of a section's opening paragraph: "In her talk, Ada Lovelace
 * showed…", "Ada Lovelace (Acme) opened with…", or "Ada Lovelace walked us through…" when the
 * paragraph goes on with "she" or "his", so the name is a person's. Only two capitalised
 * words or more are a name, never a lower-case phrase; a name in the heading (`title`) is
 * the talk's subject, not its speaker.
 */
export function speakerInClause(nodes: readonly RootContent[], title: string): Speaker[] | undefined {
  const first = nodes.find((n) => n.type === 'paragraph' && toString(n).trim() !== '')
  if (!first) return undefined
  const paragraph = toString(first, { includeHtml: false }).replace(/\s+/g, ' ').trim()
  const sentences = paragraph.split(/(?<=[.!?])\s+/)
  for (const [i, sentence] of sentences.entries()) {
    // A name doing something opens the section; "In this session, …" and "This session by …"
    // may come a few sentences in.
    const m = (i < 2 ? nameOnStage.exec(sentence) : undefined) ?? (i < 4 ? (inTheirTalk.exec(sentence) ?? thisSessionBy.exec(sentence)) : undefined)
    if (!m) continue
    // "Mesosphere's Jörg Schad": the company's possessive, then the person.
    const owner = /^(\p{Lu}\S*)['’]s\s+(.+)$/u.exec(m[1]!)
    const name = owner ? owner[2]! : m[1]!
    const speakers = readSpeakers(name, { strict: true })
    if (speakers?.length !== 1 || title.toLowerCase().includes(name.toLowerCase())) return undefined
    const place = m[2] ?? m[3] ?? owner?.[1]
    const bracket = place !== undefined && readsAsAffiliation(place, m[2] !== undefined) ? place.trim() : undefined
    const person = m[0].startsWith(m[1]!) ? (m[2] !== undefined && bracket !== undefined) || personalPronoun.test(paragraph.slice(paragraph.indexOf(name) + name.length)) : true
    if (!person) return undefined
    return [{ name: speakers[0]!.name, ...(bracket ? { affiliation: bracket } : {}) }]
  }
  return undefined
}

export function readBody(nodes: readonly RootContent[]): BodySignals {
  const signals: BodySignals = { speakers: [], sessionLink: false, sessionWords: 0 }
  for (const node of nodes.slice(0, 3)) {
    if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'blockquote') continue
    if (!signals.speakers.length) {
      for (const line of textLines(node).slice(0, 3)) {
        // "Speaker: Ada Lovelace", or a first line of names only ("Ada Lovelace - Analytical Engines").
        const speakers = readSpeakerLine(line) ?? (node === nodes[0] && line.length < 120 && !/[.!?]$/.test(line) && namesFirst(line) ? readSpeakers(line) : undefined)
        if (speakers) {
          signals.speakers = speakers
          break
        }
      }
      // "by⏎Ada Lovelace where she describes…": a byline wrapped with the paragraph.
      if (!signals.speakers.length && node === nodes[0] && node.type === 'paragraph') {
        const joined = readSpeakerLine(toString(node, { includeHtml: false }).slice(0, 300).replace(/\s*\n\s*/g, ' '))
        if (joined) signals.speakers = joined
      }
    }
    if (hasSessionLink(node)) signals.sessionLink = true
  }
  const text = nodes
    .slice(0, 8)
    .filter((n) => n.type !== 'code')
    .map((n) => toString(n, { includeHtml: false }))
    .join('\n')
  // The first two paragraphs with words (an image between them does not count).
  const paragraphs = nodes
    .filter((n) => n.type === 'paragraph')
    .map((n) => toString(n, { includeHtml: false }).trim())
    .filter(Boolean)
    .slice(0, 2)
  const kind = delivered.exec(paragraphs.join('\n'))?.[1]?.toLowerCase()
  if (kind) signals.deliveredKind = deliveredKinds[kind]!
  const named = paragraphs.map((p) => /^(?:the|this|that|our|my) (keynote|lightning talk|workshop|tutorial)\b/i.exec(p)?.[1]).find(Boolean)
  if (named) signals.namedKind = deliveredKinds[named.toLowerCase()]!
  // "Awesome keynote by Ada Lovelace, really inspiring": the opening sentence gives the session and who gave it.
  const firstSentence = paragraphs[0]?.split(/(?<=[.!?])\s+/)[0] ?? ''
  const givenBy = kindBy.exec(firstSentence)
  const by = givenBy && readSpeakers(givenBy[2]!, { strict: true })
  if (givenBy && by) {
    signals.deliveredKind ??= deliveredKinds[givenBy[1]!.toLowerCase()] ?? 'talk'
    signals.givenBy = by
  }
  // Only a hint: a takeaway may mention "the speaker" too.
  signals.sessionWords = speakerWords.test(text) || sessionWords.test(text) ? 1 : 0
  return signals
}

/**
 * A section that opens with nothing but a link to a talk ("⏩ [Title - Speaker, Company](recording)")
 * is about that talk, whatever its heading calls the topic ("Kepler"): returns the link's text.
 */
export function openingTalkLink(nodes: readonly RootContent[]): string | undefined {
  const first = nodes[0]
  if (first?.type !== 'paragraph') return undefined
  const inline = first.children.flatMap((c) => (c.type === 'strong' || c.type === 'emphasis' ? c.children : [c]))
  const links = inline.filter((c) => c.type === 'link')
  // Around the link only marks: an arrow, an emoji, a dash.
  if (links.length !== 1 || inline.some((c) => c.type !== 'link' && /[\p{L}\p{N}]/u.test(toString(c)))) return undefined
  const link = links[0]!
  const text = toString(link).replace(/\s+/g, ' ').trim()
  if (text.split(' ').length < 3) return undefined
  const signals = readHeading(text)
  const talk = signals.speakers.length > 0 && !signals.personOnly
  return talk || hasSessionLink(first) ? text : undefined
}

/** Path words of a conference site's page for one talk: /schedule/event/…, /program/presentation/…, /talk/ID. */
const entryWords = /^(?:schedule|program|programme|agenda|sessions?|talks?|presentations?|events?|contributions?|workshops?|keynotes?)$/i
const scheduleWords = /^(?:schedule|program|programme|agenda)$/i
/** Pages that list many talks, not one. */
const listingWords = /^(?:tracks?|rooms?|days?|speakers?|tags?|categor(?:y|ies)|index(?:\.html?)?|all|list)$/i

/**
 * A link to one talk's page in a conference's schedule: sched.com's /event/…, FOSDEM's
 * /schedule/event/…, USENIX's /program/presentation/…, pretalx's /talk/ID, a site's
 * /sessions/talks/<title>. Not a listing: /schedule/track/…, /schedule/talks/.
 */
export function isScheduleEntry(url: string, text: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (text.trim().length <= 3) return false
  if (/(?:^|\.)sched\.(?:com|co)$/.test(parsed.hostname)) return /^\/event\//.test(parsed.pathname)
  const segments = parsed.pathname.split('/').filter(Boolean).map((s) => decodeURIComponentSafe(s))
  const last = segments.at(-1)
  if (!last || segments.length < 2 || entryWords.test(last) || segments.some((s) => listingWords.test(s))) return false
  // Under a schedule ("/schedule/event/…", "/program/presentation/…"), or right under a word
  // for talks ("/talk/DB3KC7", "/sessions/talks/…"); "/events/<conference>/" is the conference.
  const parent = segments.at(-2)!
  const scheduled = segments.slice(0, -1).some((s) => scheduleWords.test(s)) || (entryWords.test(parent) && !/^events?$/i.test(parent))
  // The page is for one talk: a slug with words ("you-too-could-have-made-curl", FOSDEM's
  // "storage_snapshots") or an id ("DB3KC7", "1931"); under /schedule/event/, any name ("http3").
  const oneEvent = segments.slice(0, -2).some((s) => scheduleWords.test(s)) && /^(?:event|talk|session|presentation)$/i.test(parent)
  return scheduled && (/[\p{L}\p{N}][-_][\p{L}\p{N}]/u.test(last) || /^[A-Z0-9]{4,}$/.test(last) || /^\d+$/.test(last) || (oneEvent && /^[\p{L}\p{N}]{3,}$/u.test(last)))
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

export function hasSessionLink(node: RootContent): boolean {
  let found = false
  visit(node, 'link', (link) => {
    let host = ''
    try {
      host = new URL(link.url).hostname
    } catch {
      host = ''
    }
    if (sessionHosts.test(host) || sessionLinkText.test(toString(link)) || isScheduleEntry(link.url, toString(link))) found = true
  })
  return found
}
