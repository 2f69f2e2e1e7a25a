/**
 * People: one record per person who spoke at a session, however the reports spelled them.
 *
 * A name is reduced to a key (Unicode-normalized, accents, case, dots and spacing ignored),
 * so "Jane Roe", "jane  roe" and "Jané Roe" are one person. `people.yml` adds what a key
 * cannot know: that "J. Roe" or a maiden name is the same person, the name to show and the
 * page's id. Everything is one pass over the sections; nothing compares people pairwise.
 */
import { TextOrder } from '../compare.ts'
import { lazily } from './lazily.ts'

/** Speakers' names in reading order, kept between links (see TextOrder). */
const nameOrder = new TextOrder()
import { sitePath, slugify, type SitePath } from '../paths.ts'
import type { PersonEntry } from '../validate/schema.ts'

export interface Person {
  id: string
  name: string
  url: SitePath
  /** Other spellings met in the reports or declared in people.yml, for search and the page. */
  aliases: string[]
  /** Affiliations as written in the reports, most recent conference last. */
  affiliations: string[]
  /** Their sessions in conference order. */
  sessions: string[]
  /** Topics and projects of their sessions, most sessions first. */
  topics: { id: string; count: number }[]
  projects: { id: string; count: number }[]
}

export interface SpokenSection {
  id: string
  speakers: readonly { name: string; affiliation?: string }[]
  topics: readonly string[]
  projects: readonly string[]
}

/** A speaker of one session: the person, and the affiliation that session gave them. */
export interface SessionSpeaker {
  person: string
  affiliation?: string
}

export interface People {
  people: Person[]
  /** For each section, its speakers in the order they were written, each once. */
  ofSection: Map<string, SessionSpeaker[]>
  /** For each topic and project, the people who spoke about it, most sessions on it first. */
  ofTopic: Map<string, TagSpeaker[]>
  ofProject: Map<string, TagSpeaker[]>
}

/** A person who spoke about a topic or project, and in how many of their sessions. */
export interface TagSpeaker {
  person: string
  count: number
}

/** The part of a name that tells one person from another: accents, case, dots and spacing ignored. */
export function personKey(name: string): string {
  return latin(name)
    .toLowerCase()
    .replace(/[.’'`]/g, '')
    .replace(/[\s\-‐‑]+/g, ' ')
    .trim()
}

/** A page id for a name: ASCII where the name has a Latin spelling ("Łukasz Nowak" → "lukasz-nowak"). */
function personSlug(name: string): string {
  return slugify(latin(name))
}

/** Letters without their marks: "Łukasz Nowak" and "Lukasz Nowak" are one spelling, as a schedule would type it. */
const folded: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i' }
function latin(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[łŁøØđĐßæÆœŒı]/g, (c) => folded[c]!)
}

/** Sections must come in the order a reader follows them (conference, then report order). */
export function linkPeople(sections: readonly SpokenSection[], declared: readonly PersonEntry[]): People {
  // Declared people first, so their key, name and id win over any spelling in a report.
  const byKey = new Map<string, Draft>()
  const drafts: Draft[] = []
  for (const entry of declared) {
    const draft: Draft = { id: entry.id, name: entry.name, spellings: new Set([entry.name, ...entry.aliases]), affiliations: [], sessions: [] }
    drafts.push(draft)
    for (const spelling of [entry.name, ...entry.aliases]) byKey.set(personKey(spelling), draft)
  }

  // A name is written the same way in many sessions: reduced to its key once.
  const keyOf = new Map<string, string>()
  const ofSection = new Map<string, SessionSpeaker[]>()
  const sectionDrafts = new Map<string, { draft: Draft; affiliation?: string }[]>()
  for (const s of sections) {
    const own: { draft: Draft; affiliation?: string }[] = []
    for (const speaker of s.speakers) {
      let key = keyOf.get(speaker.name)
      if (key === undefined) keyOf.set(speaker.name, (key = personKey(speaker.name)))
      if (key === '') continue
      let draft = byKey.get(key)
      if (!draft) {
        draft = { name: speaker.name, spellings: new Set([speaker.name]), affiliations: [], sessions: [] }
        byKey.set(key, draft)
        drafts.push(draft)
      }
      draft.spellings.add(speaker.name)
      // One person named twice on a session ("Jane Roe & J. Roe") speaks once.
      if (own.some((o) => o.draft === draft)) continue
      own.push({ draft, ...(speaker.affiliation ? { affiliation: speaker.affiliation } : {}) })
      if (speaker.affiliation && !draft.affiliations.includes(speaker.affiliation)) draft.affiliations.push(speaker.affiliation)
      draft.sessions.push(s)
    }
    if (own.length) sectionDrafts.set(s.id, own)
  }

  // Ids: declared ones as given; the others from the name, made unique in name order so the
  // same content always gives the same addresses.
  const spoken = drafts.filter((d) => d.sessions.length > 0)
  const taken = new Set(drafts.flatMap((d) => (d.id ? [d.id] : [])))
  const rank = nameOrder.of(spoken.map((d) => d.name))
  // Names are unique (one name, one key, one person), so this is also the order people are listed in.
  const byName = [...spoken].sort((a, b) => rank(a.name) - rank(b.name))
  for (const d of byName) {
    if (d.id) continue
    const base = personSlug(d.name)
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    d.id = id
  }

  // Most sessions first; at equal counts, in the order first met.
  const ranked = (sessions: readonly SpokenSection[], pick: (s: SpokenSection) => readonly string[]) => {
    const counts = new Map<string, number>()
    for (const s of sessions) for (const id of pick(s)) counts.set(id, (counts.get(id) ?? 0) + 1)
    return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count)
  }
  const people: Person[] = byName.map((d) => {
    const person = {
      id: d.id!,
      name: d.name,
      url: sitePath('speakers', d.id!),
      aliases: [...d.spellings].filter((s) => s !== d.name),
      affiliations: d.affiliations,
      sessions: d.sessions.map((s) => s.id),
    } as Person
    // Counted when first read: only speaker pages and topic and project pages show them.
    lazily(person, 'topics', () => ranked(d.sessions, (s) => s.topics))
    lazily(person, 'projects', () => ranked(d.sessions, (s) => s.projects))
    return person
  })

  for (const [section, own] of sectionDrafts) ofSection.set(section, own.map((o) => ({ person: o.draft.id!, ...(o.affiliation ? { affiliation: o.affiliation } : {}) })))

  const ofTag = (pick: (p: Person) => { id: string; count: number }[]) => {
    const out = new Map<string, { person: string; count: number }[]>()
    for (const p of people) {
      for (const { id, count } of pick(p)) {
        const list = out.get(id)
        if (list) list.push({ person: p.id, count })
        else out.set(id, [{ person: p.id, count }])
      }
    }
    // Stable: ties keep name order.
    return new Map([...out].map(([id, list]) => [id, list.sort((a, b) => b.count - a.count)]))
  }
  // Made when first read: only topic and project pages list their speakers.
  let ofTopic: Map<string, TagSpeaker[]> | undefined
  let ofProject: Map<string, TagSpeaker[]> | undefined
  return {
    people,
    ofSection,
    get ofTopic() {
      return (ofTopic ??= ofTag((p) => p.topics))
    },
    get ofProject() {
      return (ofProject ??= ofTag((p) => p.projects))
    },
  }
}

interface Draft {
  id?: string
  name: string
  spellings: Set<string>
  affiliations: string[]
  sessions: SpokenSection[]
}
