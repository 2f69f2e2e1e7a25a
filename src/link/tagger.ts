/**
 * Where topics are linked: find the topics and projects a section names.
 *
 * Aliases match whole words and phrases, case-insensitively, singular and plural alike
 * (see words.ts); a project marked caseSensitive only matches its capitalised spelling.
 * A section carries a topic when its own text names the topic, an alias or one of the
 * topic's generic words, or its author tagged it. Naming a project of the topic makes the
 * topic related to the section, not one of its topics: "Vault" is no talk about security.
 */
import { createHash } from 'node:crypto'
import type { ProjectEntry, TopicEntry } from '../validate/schema.ts'
import { normalizeWord, sentences, words, type Word } from './words.ts'

export type TargetType = 'topic' | 'project'

export interface Target {
  type: TargetType
  id: string
}

interface Phrase {
  /** Normal forms of the phrase's words. */
  norms: string[]
  /** Case-kept normal forms, for case-sensitive targets. */
  cased: string[]
  /** What the phrase itself has between its words, allowed there besides spaces and hyphens ("kubeapps.com"). */
  joins: Set<string>[]
  targets: { target: Target; caseSensitive: boolean }[]
}

export interface Match {
  target: Target
  /** Offsets into the matched text. */
  start: number
  end: number
}

/** A place a topic or project is named: the sentence, and where in it. */
export interface Mention {
  sentence: string
  start: number
  end: number
}

export class PhraseMatcher {
  /** Phrases indexed by the normal form of their first word. */
  private readonly byFirstWord = new Map<string, Phrase[]>()

  constructor(terms: { target: Target; phrase: string; caseSensitive?: boolean }[]) {
    const byKey = new Map<string, Phrase>()
    for (const { target, phrase, caseSensitive = false } of terms) {
      const ws = words(phrase)
      if (ws.length === 0) continue
      const norms = ws.map((w) => w.norm)
      const key = norms.join(' ')
      let entry = byKey.get(key)
      if (!entry) {
        entry = { norms, cased: ws.map((w) => normalizeWord(w.text, true)), joins: norms.slice(1).map(() => new Set<string>()), targets: [] }
        byKey.set(key, entry)
        const list = this.byFirstWord.get(norms[0]!) ?? []
        list.push(entry)
        this.byFirstWord.set(norms[0]!, list)
      }
      ws.slice(1).forEach((w, k) => entry.joins[k]!.add(phrase.slice(ws[k]!.end, w.start)))
      if (!entry.targets.some((t) => t.target.type === target.type && t.target.id === target.id)) {
        entry.targets.push({ target, caseSensitive })
      }
    }
  }

  /** `links`: only the names specific enough to be links (topic names, aliases, projects), not generic words. */
  static fromCatalogue(topics: readonly TopicEntry[], projects: readonly ProjectEntry[], options: { links?: boolean } = {}): PhraseMatcher {
    const terms: { target: Target; phrase: string; caseSensitive?: boolean }[] = []
    for (const t of topics) {
      for (const phrase of [t.name, ...t.aliases, ...(options.links ? [] : (t.generic ?? []))]) terms.push({ target: { type: 'topic', id: t.id }, phrase })
    }
    for (const p of projects) {
      for (const phrase of [p.name, ...p.aliases]) terms.push({ target: { type: 'project', id: p.id }, phrase, caseSensitive: p.caseSensitive })
    }
    return new PhraseMatcher(terms)
  }

  /** Every match in `text`, overlapping ones included ("Prometheus Monitoring Mixins" names Prometheus too). */
  match(text: string): Match[] {
    const ws = words(text)
    const out: Match[] = []
    ws.forEach((w, i) => {
      for (const phrase of this.byFirstWord.get(w.norm) ?? []) {
        const span = ws.slice(i, i + phrase.norms.length)
        if (span.length < phrase.norms.length || !span.every((s, k) => s.norm === phrase.norms[k])) continue
        if (!adjacent(text, span, phrase.joins)) continue
        for (const { target, caseSensitive } of phrase.targets) {
          if (caseSensitive && !span.every((s, k) => normalizeWord(s.text, true) === phrase.cased[k])) continue
          out.push({ target, start: span[0]!.start, end: span.at(-1)!.end })
        }
      }
    })
    return out
  }
}

/**
 * Words of a phrase must be separated by spaces or hyphens only ("service. Mesh" is no match),
 * or by what the phrase itself has there: "kubeapps.com" matches "kubeapps.com".
 */
function adjacent(text: string, span: Word[], joins: readonly Set<string>[]): boolean {
  for (let k = 1; k < span.length; k++) {
    const between = text.slice(span[k - 1]!.end, span[k]!.start)
    if (!/^[\s\-/–]*$/.test(between) && !joins[k - 1]!.has(between)) return false
  }
  return true
}

export interface Tags {
  topics: Map<string, Mention | undefined>
  projects: Map<string, Mention>
  /**
   * Topics the section is about, not just mentions in passing: named in its title, tagged by
   * its author, or named in two or more sentences. Projects do not count here: naming
   * gVisor once is a mention of security, not a discussion of it.
   */
  focus: Set<string>
  /** Topics of the projects it names that its own text does not name, in project order. */
  related: string[]
}

/**
 * The topics and projects of one section, each with the first sentence that names it.
 * `projectTopics` maps a project to its topics; author topics carry no sentence.
 */
export function tagSection(
  section: { title: string; text: string; authorTopics: readonly string[] },
  matcher: PhraseMatcher,
  projectTopics: ReadonlyMap<string, readonly string[]>,
): Tags {
  const placed = tagPlaces(section, matcher, projectTopics)
  const mention = (at: MentionAt) => mentionOf(at, section)
  return {
    topics: new Map(placed.topics.map((t) => [t.id, t.at && mention(t.at)])),
    projects: new Map(placed.projects.map((p) => [p.id, mention(p.at)])),
    focus: new Set(placed.focus),
    related: placed.related,
  }
}

/** tagSection, with each mention by place rather than by sentence. Topics and projects in the order first named. */
function tagPlaces(
  section: { title: string; text: string; authorTopics: readonly string[] },
  matcher: PhraseMatcher,
  projectTopics: ReadonlyMap<string, readonly string[]>,
): SectionTags {
  const topics = new Map<string, MentionAt | undefined>()
  const projects = new Map<string, MentionAt>()
  const sentencesNaming = new Map<string, number>()
  const focus = new Set<string>(section.authorTopics)
  // Body sentences first: the sentence quoted for a mention should say more than the title.
  const body = sentences(section.text)
  const units = [...body, { text: section.title, start: -1 }]
  units.forEach((unit, i) => {
    const named = new Set<string>()
    for (const m of matcher.match(unit.text)) {
      const at = { from: unit.start, length: unit.start < 0 ? 0 : unit.text.length, start: m.start, end: m.end }
      if (m.target.type === 'project') {
        if (!projects.has(m.target.id)) projects.set(m.target.id, at)
      } else {
        if (!topics.has(m.target.id)) topics.set(m.target.id, at)
        named.add(m.target.id)
      }
    }
    const isTitle = i === body.length
    for (const topic of named) {
      const n = (sentencesNaming.get(topic) ?? 0) + 1
      sentencesNaming.set(topic, n)
      if (isTitle || n >= 2) focus.add(topic)
    }
  })
  for (const topic of section.authorTopics) {
    if (!topics.has(topic)) topics.set(topic, undefined)
  }
  const related = new Set<string>()
  for (const project of projects.keys()) {
    for (const topic of projectTopics.get(project) ?? []) if (!topics.has(topic)) related.add(topic)
  }
  return {
    topics: [...topics].map(([id, at]) => (at ? { id, at } : { id })),
    projects: [...projects].map(([id, at]) => ({ id, at })),
    focus: [...focus],
    related: [...related],
  }
}

/**
 * A section's tags as plain data, so that they survive the parse cache (JSON) and the trip
 * back from a parse worker. Tagging is the costly part of linking and depends only on the
 * report and the catalogue, so each report is tagged once, next to its parse, and cached.
 * A mention does not repeat its sentence: it says where the sentence is (see mentionOf).
 */
export interface SectionTags {
  /** Its topics, each with the first sentence naming it; a topic only its author set has none. */
  topics: { id: string; at?: MentionAt }[]
  projects: { id: string; at: MentionAt }[]
  focus: string[]
  related: string[]
}

/** A mention by place: the sentence is the title (`from` -1) or text.slice(from, from + length). */
export interface MentionAt {
  from: number
  length: number
  start: number
  end: number
}

/** The mention a MentionAt stands for, in the section it was found in; with `id`, naming that section. */
export function mentionOf(at: MentionAt, section: { title: string; text: string }): Mention
export function mentionOf(at: MentionAt, section: { title: string; text: string }, id: string): Mention & { section: string }
export function mentionOf(at: MentionAt, section: { title: string; text: string }, id?: string): Mention & { section?: string } {
  const sentence = at.from < 0 ? section.title : section.text.slice(at.from, at.from + at.length)
  return id === undefined ? { sentence, start: at.start, end: at.end } : { section: id, sentence, start: at.start, end: at.end }
}

/** What tagging needs from the catalogue, prepared once, and a key that changes with it. */
export interface Tagging {
  matcher: PhraseMatcher
  projectTopics: ReadonlyMap<string, readonly string[]>
  /** Changes whenever anything tagging reads from topics.yml or projects.yml changes. */
  key: string
}

export function tagging(topics: readonly TopicEntry[], projects: readonly ProjectEntry[]): Tagging {
  return {
    matcher: PhraseMatcher.fromCatalogue(topics, projects),
    projectTopics: new Map(projects.map((p) => [p.id, p.topics])),
    key: taggingKey(topics, projects),
  }
}

/** A hash of what tagging reads from the catalogue (not descriptions, not conferences). */
export function taggingKey(topics: readonly TopicEntry[], projects: readonly ProjectEntry[]): string {
  const used = [
    topics.map((t) => [t.id, t.name, t.aliases, t.generic ?? []]),
    projects.map((p) => [p.id, p.name, p.aliases, p.caseSensitive, p.topics]),
  ]
  return createHash('sha256').update(JSON.stringify(used)).digest('hex').slice(0, 16)
}

/** The tags of each section of a report, in section order. */
export function tagReport(sections: readonly { title: string; text: string; authorTopics: readonly string[] }[], prepared: Tagging): SectionTags[] {
  return sections.map((s) => tagPlaces(s, prepared.matcher, prepared.projectTopics))
}
