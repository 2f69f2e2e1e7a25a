/**
 * What a heading's own words say about it: a session kind named in it ("Keynote: …",
 * "(Tutorial)"), a skill level ("[A]", "(Advanced Skill Level)"), its speakers ("Title -
 * Speaker, Company", "Title by Speaker", "Title, Speaker", "Title (Speaker)"), a list
 * number ("1. Title"), and words that make it a note ("Takeaways") or a group ("Day 2",
 * "Talks"). The title is what is left once those parts are taken out.
 */
import type { SessionKind } from '../../validate/schema.ts'
import { readByline, readSpeakers, type Speaker } from './speakers.ts'

export interface HeadingSignals {
  /** The heading without number, kind, level and speaker parts. */
  title: string
  /** The title with what looked like speakers left in, for when a speaker line says otherwise. */
  titleWithTail: string
  kind?: SessionKind
  /** The kind is the heading's label ("Keynote: …", "(Tutorial)"), not a word in passing. */
  kindLabelled: boolean
  skillLevel: boolean
  speakers: Speaker[]
  /** What the line says after its speakers: "loved the demos" in "Title by Ada Lovelace - loved the demos". */
  comment?: string
  /** The speakers came first: "Ada Lovelace - Engines - Title", or only a person and their job. */
  speakerFirst: boolean
  /** Only a person and their job, no talk title: "Ada Lovelace - Director of Engines, Acme". */
  personOnly: boolean
  /** "Title - Something" whose tail is not a person: a company, or a subtitle. */
  dashTail: boolean
  /** The tail is one to three capitalised words, like a company: "Title - Quillstone". */
  companyTail: boolean
  numbered: boolean
  /** A plural kind or a grouping word: "Keynotes", "Talks", "Day 2", "Track B". */
  groupWord: boolean
  noteWord: boolean
}

const kindWords: [RegExp, SessionKind][] = [
  [/^(?:(?:opening|closing|sponsored|morning|evening|day \d+)\s+)?keynotes?$/i, 'keynote'],
  [/^(?:lightning|ignite)(?: talks?)?$/i, 'lightning'],
  [/^(?:bofs?|birds of a feather)$/i, 'bof'],
  [/^(?:workshops?|tutorials?|hands[- ]on(?: lab)?|labs?)$/i, 'workshop'],
  [/^(?:talks?|sessions?|breakouts?|panels?|deep dives?|intro(?:duction)?(?: \+ deep dive)?|maintainer track|case study)$/i, 'talk'],
]

function kindOf(label: string): SessionKind | undefined {
  return kindWords.find(([re]) => re.test(label.trim()))?.[1]
}

const prefixLabel = /^((?:[\p{L}\d]+\s+){0,3}[\p{L}]+)\s*[:|]\s+/u
const bracketTag = /\s*[([]\s*([^()[\]]{1,40}?)\s*[)\]]\s*/g
const skillTag = /^(?:[BIA]|beginner|intermediate|advanced|any)(?: skill level| level)?$/i
const numberPrefix = /^(?:#?\d{1,3}[.)]|#\d{1,3}:?|\d{1,3}\s*[-–—:])\s+/

const groupTitle =
  /^(?:day\s*(?:#\s*)?(?:\d+|zero|one|two|three|four|five)\b.*|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|(?:(?:opening|closing|morning|afternoon|evening|day\s*\d+|main|sponsored)\s+)?keynotes|(?:(?:the|other|more|breakout|main|my|favourite|favorite)\s+)?(?:talks|sessions|presentations|breakouts)(?: i (?:attended|saw|liked|watched))?|(?:lightning|flash|ignite) talks|workshops|tutorials|bofs|co-located events|.+\strack|track\s*[:\-–]?\s*.+|tracks|pre-?conference|day\s*0)$/i

const noteTitle =
  /^(?:(?:my|key|final|general|some|closing|personal|overall|other)\s+)*(?:intro(?:duction)?|overview|summary|executive summary|tl;?\s*dr|conclusions?|takeaways?|impressions|thoughts|wrap[- ]?up|highlights|background|about(?: me| this)?|the expo|expo|sponsors?|venue|the venue|party|parties|food|recap|event recap|lessons(?: learned)?|what i learned|next steps|resources|links|references|further reading|change ?log|change history|updates?|top \d+|hallway track|networking|swag|travel|logistics|acknowledg(?:e)?ments|thanks|credits|agenda|contents|table of contents|toc)(?:\s*[:!.…]+(?:\s.*)?|\s+[-–—]\s.*|\s+(?:from|on|about|and|&|for)\s.*|\s+\d+)?$/i

export function readHeading(raw: string): HeadingSignals {
  // A link or heading written on two lines, one of them only the speaker: "Ada Lovelace
  // (Engines)⏎The Title", or "The Title⏎Ada Lovelace".
  const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean)
  // "Title by⏎Ada Lovelace" is one line wrapped, not a title over a name.
  if (lines.length === 2 && !/(?:\sby|[-–—:,&])$/i.test(lines[0]!)) {
    const [a, b] = lines as [string, string]
    const first = readSpeakers(a)
    const last = first ? undefined : readSpeakers(b, { strict: true })
    const speakers = first ?? last
    if (speakers) {
      const signals = readHeading(first ? b : a)
      if (!signals.speakers.length) return { ...signals, speakers, speakerFirst: first !== undefined }
    }
  }
  let title = raw.replace(/\s+/g, ' ').trim()
  let kind: SessionKind | undefined
  let kindLabelled = false
  let skillLevel = false
  let numbered = false

  if (numberPrefix.test(title)) {
    numbered = true
    title = title.replace(numberPrefix, '')
  }
  // "### Title: How MicroPython Went to Space": a form's field name, not the talk's.
  title = title.replace(/^(?:(?:talk|session)\s+)?title\s*:\s+(?=\S)/i, '')
  // "Keynote: Title", "Lightning Talk | Title"
  const prefix = prefixLabel.exec(title)
  if (prefix) {
    const k = kindOf(prefix[1]!)
    if (k) {
      kind = k
      kindLabelled = true
      title = title.slice(prefix[0].length)
    }
  }
  // "(Tutorial)", "[I]", "(Advanced Skill Level)": tags anywhere, taken out of the title.
  title = title
    .replace(bracketTag, (all, inner: string) => {
      if (skillTag.test(inner)) {
        skillLevel = true
        return ' '
      }
      const k = kindOf(inner)
      if (k) {
        kind ??= k
        kindLabelled = true
        return ' '
      }
      return all
    })
    .replace(/\s+/g, ' ')
    .trim()

  let speakers: Speaker[] = []
  let comment: string | undefined
  let speakerFirst = false
  let personOnly = false
  let dashTail = false
  let companyTail = false
  const titleWithTail = title.replace(/\s*:\s*$/, '')
  const split = splitSpeakers(title)
  if (split) {
    speakerFirst = split.form !== undefined
    personOnly = split.form === 'person'
    title = split.title
    speakers = split.speakers
    comment = split.comment
  } else {
    const tail = /\s[-–—|]\s+([^-–—|]+)$/.exec(title)
    if (tail) {
      dashTail = true
      companyTail = isCompanyLike(tail[1]!)
    }
  }

  // A kind word in the title itself: "Kubernetes SIG Deep Dive", "Security BoF".
  if (!kind) {
    if (/\bkeynotes?\b/i.test(title)) kind = 'keynote'
    else if (/\b(?:lightning|ignite) talks?\b/i.test(title)) kind = 'lightning'
    else if (/\b(?:bof|birds of a feather)\b/i.test(title)) kind = 'bof'
    else if (/\b(?:workshop|tutorial)\b/i.test(title)) kind = 'workshop'
    else if (/\b(?:deep dive|panel)\b/i.test(title)) kind = 'talk'
  }

  title = title.replace(/\s*:\s*$/, '')
  const plain = title.replace(/[*_`]/g, '').replace(/[:.!]+$/, '').trim()
  return {
    title: title || raw.trim(),
    titleWithTail,
    ...(kind ? { kind } : {}),
    kindLabelled,
    skillLevel,
    speakers,
    ...(comment ? { comment } : {}),
    speakerFirst,
    personOnly,
    dashTail,
    companyTail,
    numbered,
    groupWord: groupTitle.test(plain),
    // "KubeCon Europe 2017 – Report" names the conference, not a talk.
    noteWord: noteTitle.test(plain) || (/^(?:kubecon|cloudnativecon)\b/i.test(plain) && /\b20\d\d\b/.test(plain)),
  }
}

const tailStopWords = /^(?:a|an|the|and|or|but|of|for|to|in|on|at|is|are|with|without|why|how|what|see|you|we|it|not|just|all|more|part|day)$/i

/** "Quillstone", "Open Tooling Co": capitalised words only, none of them a function word. */
function isCompanyLike(tail: string): boolean {
  const words = tail.trim().split(/\s+/)
  return words.length <= 3 && words.every((w) => /^[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*$/u.test(w) && !tailStopWords.test(w))
}

/** Words that open a job title: "Cheryl Hung - Director of Ecosystem, CNCF" names a person, not a talk. */
const roleWords = /^(?:senior|staff|principal|lead|head|chief|director|vp|vice|ceo|cto|cio|coo|founder|co-?founder|engineer|engineering|software|developer|product|program|technical|technology|solutions?|site|cloud|community|manager|architect|evangelist|advocate|maintainer|member|executive|general|distinguished|fellow|researcher|scientist|consultant|president)\b/i

/**
 * Speaker first, as some schedules and notes write it: "Ada Lovelace - Engines - The Title",
 * "Ada Lovelace (Engines) The Title", or "Ada Lovelace - Director of Engines, Acme" (a
 * person and their job, no title: the heading stays whole).
 */
function speakerFirst(title: string): Split | undefined {
  const bracketed = /^([^()]+\([^()]+\))\s+(?:[-–—:]\s+)?([^\s].*)$/u.exec(title)
  const dashed = /^(.+?)\s+[-–—]\s+(.+)$/u.exec(title)
  const m = bracketed ?? dashed
  if (!m) return undefined
  const speakers = readSpeakers(m[1]!, { strict: !bracketed })
  // "Going Elastic - Scaling Search": a title that opens with a verb is no person.
  if (!speakers || speakers.length !== 1 || /^\p{L}{2,}ing$/u.test(speakers[0]!.name.split(' ')[0]!)) return undefined
  let rest = m[2]!.trim()
  if (roleWords.test(rest)) return { title, speakers: [{ ...speakers[0]!, affiliation: rest }], form: 'person' }
  // "Name - Company - Title": a short capitalised part between two dashes is the company.
  const company = /^([\p{Lu}\p{N}][\p{L}\p{N}.&'’]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.&'’]*){0,2})\s+[-–—]\s+(.+)$/u.exec(rest)
  if (company && !bracketed) {
    speakers[0]!.affiliation = company[1]!
    rest = company[2]!
  }
  // A bare kind ("Keynote") or a one-word rest is not a title to stand alone.
  if (rest.split(/\s+/).length < 2 || kindOf(rest)) return { title, speakers, form: 'first' }
  return { title: rest, speakers, form: 'first' }
}

interface Split {
  title: string
  speakers: Speaker[]
  comment?: string
  form?: 'first' | 'person'
}

/** Tries the speaker patterns from the most to the least explicit. */
function splitSpeakers(title: string): Split | undefined {
  // "Title - Speaker, Company": the last dash whose tail reads as speakers.
  const dashes = [...title.matchAll(/\s+(?:[-–—]{1,2}|\|)\s+/g)]
  for (const dash of dashes.reverse()) {
    const head = title.slice(0, dash.index).trim()
    // "Title by Ada Lovelace - Acme Labs": the tail is the company of the person named before it.
    const named = /\sby\s+(.+)$/i.exec(head)
    if (named && readSpeakers(named[1]!, { strict: true })) continue
    const speakers = readSpeakers(title.slice(dash.index + dash[0].length))
    if (head && speakers) return { title: head, speakers }
  }
  // "Title Ada Lovelace & Alan Turing": two names joined at the end, with no dash before them.
  const pair = /^(.+?)\s+(\S+\s+\S+)\s+(?:&|and)\s+(\S+\s+\S+)$/u.exec(title)
  if (pair && !/(?:\s(?:by|with|and|of|from)|[-–—|:,])$/i.test(pair[1]!) && pair[1]!.split(/\s+/).length >= 2) {
    const a = readSpeakers(pair[2]!, { strict: true })
    const b = readSpeakers(pair[3]!, { strict: true })
    if (a?.length === 1 && b?.length === 1) return { title: pair[1]!, speakers: [...a, ...b] }
  }
  // "Ada Lovelace - The Title with Engines": a name before the first dash wins over "with Engines".
  const first = speakerFirst(title)
  if (first?.form === 'first' && first.title !== title) return first
  // "Title by Speaker: a follow-up to last year.", "Title by Speaker, who showed…, and a demo
  // by Alan Turing": a comment after the name, which may have its own "by" and names. The
  // first "by" whose words read as speakers and a comment wins over a later "by" in the comment.
  for (const at of title.matchAll(/\s+by\s+/gi)) {
    const head = title.slice(0, at.index).trim()
    const found = head ? readByline(title.slice(at.index + at[0].length)) : undefined
    if (found?.comment) return { title: head, ...found }
  }
  // "Title by Speaker", "Title with Speaker". After "with" only names and their companies:
  // "Grow with Less Pains - Meshing…" goes on with a comment, so "Less Pains" is no one.
  const by = /^(.+)\s+(by|with)\s+([^,]+(?:,\s*[^,]+)?)$/i.exec(title)
  if (by) {
    const line = readByline(by[3]!)
    const speakers = /^with$/i.test(by[2]!) && line?.comment ? undefined : readSpeakers(by[3]!)
    if (speakers) return { title: by[1]!.trim(), speakers }
  }
  // "Title (Speaker)", "Title (Speaker, Company)"
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(title)
  if (paren) {
    const speakers = readSpeakers(paren[2]!)
    if (speakers) return { title: paren[1]!.trim(), speakers }
  }
  if (first) return first
  // "Title, Speaker", "Title, Speaker, Speaker, Company": people's names after the title,
  // the last part possibly their company.
  const parts = title.split(/,\s+/)
  if (parts.length >= 2) {
    let end = parts.length
    let affiliation: string | undefined
    if (parts.length >= 3 && !readSpeakers(parts.at(-1)!, { strict: true }) && readSpeakers(parts.at(-2)!, { strict: true })) {
      affiliation = parts.at(-1)!
      end--
    }
    let start = end
    while (start > 1 && readSpeakers(parts[start - 1]!, { strict: true })) start--
    const head = parts.slice(0, start).join(', ')
    if (start < end && head.split(/\s+/).length >= 2) {
      const speakers = parts.slice(start, end).flatMap((p) => readSpeakers(p, { strict: true })!)
      // The company belongs to the last speaker for sure; the others may have their own.
      if (affiliation) speakers.at(-1)!.affiliation = affiliation
      return { title: head.trim(), speakers }
    }
  }
  return undefined
}
