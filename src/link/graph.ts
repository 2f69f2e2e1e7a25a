/**
 * Link: reduce all parsed reports into one knowledge graph. This is where sections get
 * their topics and projects, and where topics, projects and conferences learn which
 * sections mention them. Pages and the search index are built from this graph only; it
 * holds data, not markup (auto-links are added by the emit stage).
 *
 * Every step is linear in the corpus: mentions (mentions.ts) are grouped by conference in
 * one pass, and trends (trends.ts), reporters (reporters.ts) and co-occurrence
 * (cooccurrence.ts) are computed from those groups; related sections (related.ts) come from
 * an inverted index, never from all pairs.
 */
import { sitePath, type SitePath } from '../paths.ts'
import type { Speaker } from '../parse/structure/speakers.ts'
import type { OutlineItem, ParsedReport } from '../parse/report.ts'
import type { ConferenceEntry, PersonEntry, ProjectEntry, SectionKind, TopicEntry } from '../validate/schema.ts'
import type { Root as HastRoot } from 'hast'
import { cooccurring } from './cooccurrence.ts'
import { lazily } from './lazily.ts'
import { linkPeople, type Person, type SessionSpeaker, type TagSpeaker } from './people.ts'
import { byConference, type SectionMention, type YearGroup } from './mentions.ts'
import { relatedLookup, type Related, type RelatedLookup } from './related.ts'
import { reporters, sharedThemes, type Reporters, type SharedTheme } from './reporters.ts'
import { mentionOf, tagging, tagReport, type SectionTags } from './tagger.ts'
import { trend, type TrendPoint } from './trends.ts'
import { compareText, compareCodePoints } from '../compare.ts'

export type { Person, Related, RelatedLookup, Reporters, SectionMention, SharedTheme, TrendPoint, YearGroup }

export interface Conference extends ConferenceEntry {
  url: SitePath
  reports: string[]
  /** Sessions (not notes) the reports of this conference covered, in report order. */
  sessions: string[]
  sectionCount: number
  /** Topics and projects that two or more of its reports discussed, most reporters first. */
  shared: SharedTheme[]
}

export interface Topic extends TopicEntry {
  url: SitePath
  sections: string[]
  byYear: YearGroup[]
  /** One point per conference, in time order, zeros included. */
  trend: TrendPoint[]
  /** Conferences where two or more reports discussed it. */
  reporters: Reporters[]
  cooccurring: { topic: string; count: number }[]
  projects: string[]
  /** People who gave a session on it, with how many, most first. */
  speakers: TagSpeaker[]
}

export interface Project extends ProjectEntry {
  url: SitePath
  sections: string[]
  byYear: YearGroup[]
  trend: TrendPoint[]
  reporters: Reporters[]
  /** People who gave a session naming it, with how many, most first. */
  speakers: TagSpeaker[]
}

export interface Report {
  id: string
  file: string
  title: string
  author?: string
  /** Who wrote it, as a reader names them: the author, else the site it was published on. */
  by: string
  conference: string
  year: number
  published?: string
  source?: string
  summary: string
  topics: string[]
  /** Its topics ranked by how many of its sections are about them (then mention them). */
  focus: string[]
  url: SitePath
  sections: string[]
  outline: OutlineItem[]
  wordCount: number
}

export interface Section {
  id: string
  slug: string
  title: string
  kind: SectionKind
  speakers: Speaker[]
  /** The speakers as people (people.ts), in the order written. */
  people: SessionSpeaker[]
  report: string
  conference: string
  year: number
  topics: string[]
  /** Topics the section is about rather than mentions in passing. */
  focus: string[]
  /** Topics of the projects it names, which its text does not name: related, not tagged. */
  relatedTopics: string[]
  projects: string[]
  text: string
  /** Sanitized content, as parsed; the emit stage adds auto-links. */
  content: HastRoot
  url: SitePath
  wordCount: number
  level: number
  group?: string
  previous?: string
  next?: string
}

export interface Site {
  conferences: Conference[]
  topics: Topic[]
  projects: Project[]
  reports: Report[]
  sections: Section[]
  /** Everyone who spoke at a session, by name. */
  people: Person[]
  /** Each section's related sections in other reports, by section id (related.ts). */
  related: RelatedLookup
  conference: Map<string, Conference>
  topic: Map<string, Topic>
  project: Map<string, Project>
  report: Map<string, Report>
  section: Map<string, Section>
  person: Map<string, Person>
}

export interface Catalogue {
  conferences: ConferenceEntry[]
  topics: TopicEntry[]
  projects: ProjectEntry[]
  /** people.yml: names to merge and the ids and names to show. */
  people?: PersonEntry[]
}

/** When a conference began, or the start of its year when its dates are not known. */
export const startOf = (c: ConferenceEntry) => c.dates?.start ?? `${c.year}-01-01`
export const endOf = (c: ConferenceEntry) => c.dates?.end ?? `${c.year}-12-31`

/**
 * A parsed report, with its sections' tags when they were computed ahead (next to the parse,
 * and cached with it; see tagReport): they must come from the same catalogue.
 */
export type TaggedReport = ParsedReport & { tags?: readonly SectionTags[] }

export function linkSite(parsed: readonly TaggedReport[], catalogue: Catalogue): Site {
  const conferences = [...catalogue.conferences].sort((a, b) => a.year - b.year || compareCodePoints(startOf(a), startOf(b)) || compareCodePoints(a.id, b.id))
  const conferenceOrder = new Map(conferences.map((c, i) => [c.id, i]))
  const conferenceById = new Map(conferences.map((c) => [c.id, c]))
  const topicOrder = new Map(catalogue.topics.map((t, i) => [t.id, i]))
  const projectOrder = new Map(catalogue.projects.map((p, i) => [p.id, i]))
  const byTopicOrder = (a: string, b: string) => topicOrder.get(a)! - topicOrder.get(b)!
  const byProjectOrder = (a: string, b: string) => projectOrder.get(a)! - projectOrder.get(b)!

  // Reports in the order a reader follows a theme: by conference, then title.
  const reportsInOrder = [...parsed].sort(
    (a, b) =>
      conferenceOrder.get(a.frontMatter.conference)! - conferenceOrder.get(b.frontMatter.conference)! ||
      compareText(a.frontMatter.title, b.frontMatter.title) ||
      compareCodePoints(a.id, b.id),
  )

  let prepared: ReturnType<typeof tagging> | undefined
  const topicMentions = new Map<string, SectionMention[]>(catalogue.topics.map((t) => [t.id, []]))
  const projectMentions = new Map<string, SectionMention[]>(catalogue.projects.map((p) => [p.id, []]))
  const sectionsPerConference = new Map<string, number>(conferences.map((c) => [c.id, 0]))
  const reportsPerConference = new Map<string, string[]>(conferences.map((c) => [c.id, []]))

  const sections: Section[] = []
  const reports: Report[] = []
  for (const r of reportsInOrder) {
    const conference = conferenceById.get(r.frontMatter.conference)!
    // What a report gives depends on it, its conference and the catalogue only: kept while all
    // three are the same objects (they are, in a dev server, until their files change).
    let own = linked.get(r)
    if (!own || own.conference !== conference || own.topics !== catalogue.topics || own.projects !== catalogue.projects) {
      const tags = r.tags ?? tagReport(r.sections, (prepared ??= tagging(catalogue.topics, catalogue.projects)))
      own = { conference, topics: catalogue.topics, projects: catalogue.projects, ...linkReport(r, tags, conference, byTopicOrder, byProjectOrder) }
      linked.set(r, own)
    }
    for (const [t, m] of own.topicMentions) topicMentions.get(t)!.push(m)
    for (const [p, m] of own.projectMentions) projectMentions.get(p)!.push(m)
    // Sections get their people below: each link has its own copies.
    for (const s of own.sections) sections.push({ ...s })
    sectionsPerConference.set(conference.id, sectionsPerConference.get(conference.id)! + own.sections.length)
    reportsPerConference.get(conference.id)!.push(r.id)
    reports.push(own.report)
  }

  const sectionById = new Map(sections.map((s) => [s.id, s]))
  const reportById = new Map(reports.map((r) => [r.id, r]))
  const people = linkPeople(sections, catalogue.people ?? [])
  for (const s of sections) s.people = people.ofSection.get(s.id) ?? []
  // The same person is the same tag however their name or affiliation was written.
  // Ranked when first asked for: a build asks for every section's, the dev server only for
  // those of the pages it serves.
  const related = relatedLookup(() => sections.map((s) => ({ id: s.id, report: s.report, topics: s.topics, projects: s.projects, speakers: s.people.map((p) => p.person) })))

  const sectionOf = (id: string) => sectionById.get(id)!
  const reportOf = (id: string) => sectionById.get(id)!.report
  // Each tag's groups, trend, reporters and co-occurring topics are worked out when first read:
  // a build reads them all, the dev server only those of the pages it serves.
  const topics: Topic[] = catalogue.topics.map((t) => {
    const mentions = topicMentions.get(t.id)!
    const ids = mentions.map((m) => m.section)
    const topic = { ...t, url: sitePath('topics', t.id), sections: ids, projects: catalogue.projects.filter((p) => p.topics.includes(t.id)).map((p) => p.id) } as Topic
    lazily(topic, 'speakers', () => people.ofTopic.get(t.id) ?? [])
    lazily(topic, 'byYear', () => byConference(mentions, sectionOf, conferenceOrder))
    lazily(topic, 'trend', () => trend(topic.byYear, conferences, sectionsPerConference, (id) => sectionById.get(id)!.focus.includes(t.id)))
    lazily(topic, 'reporters', () => reporters(topic.byYear, reportOf))
    lazily(topic, 'cooccurring', () => cooccurring(t.id, ids, (id) => sectionById.get(id)!.topics, byTopicOrder))
    return topic
  })

  const projects: Project[] = catalogue.projects.map((p) => {
    const mentions = projectMentions.get(p.id)!
    const project = { ...p, url: sitePath('projects', p.id), sections: mentions.map((m) => m.section) } as Project
    lazily(project, 'speakers', () => people.ofProject.get(p.id) ?? [])
    lazily(project, 'byYear', () => byConference(mentions, sectionOf, conferenceOrder))
    lazily(project, 'trend', () => trend(project.byYear, conferences, sectionsPerConference))
    lazily(project, 'reporters', () => reporters(project.byYear, reportOf))
    return project
  })

  const telling = (tag: { sections: string[] }) => tag.sections.length * 2 <= sections.length
  let shared: Map<string, SharedTheme[]> | undefined
  const sharedOf = (conference: string) =>
    (shared ??= sharedThemes([
      ...topics.map((t) => ({ type: 'topic' as const, id: t.id, reporters: t.reporters, telling: telling(t) })),
      ...projects.map((p) => ({ type: 'project' as const, id: p.id, reporters: p.reporters, telling: telling(p) })),
    ])).get(conference) ?? []
  const linkedConferences: Conference[] = conferences.map((c) => {
    const own = reportsPerConference.get(c.id)!
    const ownSections = own.flatMap((r) => reportById.get(r)!.sections)
    const conference = {
      ...c,
      url: sitePath('conferences', c.id),
      reports: own,
      sessions: ownSections.filter((id) => sectionById.get(id)!.kind !== 'note'),
      sectionCount: ownSections.length,
    } as Conference
    lazily(conference, 'shared', () => sharedOf(c.id))
    return conference
  })

  return {
    conferences: linkedConferences,
    topics,
    projects,
    reports,
    sections,
    people: people.people,
    related,
    conference: new Map(linkedConferences.map((c) => [c.id, c])),
    topic: new Map(topics.map((t) => [t.id, t])),
    project: new Map(projects.map((p) => [p.id, p])),
    report: reportById,
    section: sectionById,
    person: new Map(people.people.map((p) => [p.id, p])),
  }
}

/** One report's part of the graph, as `linkSite` takes it in. */
interface LinkedReport {
  report: Report
  sections: Section[]
  /** Its mentions, in section order: (topic or project id, mention). */
  topicMentions: [string, SectionMention][]
  projectMentions: [string, SectionMention][]
}

/** Per parsed report: what it gave, and the conference and catalogue it was linked with. */
const linked = new WeakMap<TaggedReport, LinkedReport & { conference: ConferenceEntry; topics: readonly TopicEntry[]; projects: readonly ProjectEntry[] }>()

function linkReport(
  r: TaggedReport,
  reportTags: readonly SectionTags[],
  conference: ConferenceEntry,
  byTopicOrder: (a: string, b: string) => number,
  byProjectOrder: (a: string, b: string) => number,
): LinkedReport {
  const fm = r.frontMatter
  const reportTopics = new Set(fm.topics)
  const sections: Section[] = []
  const topicMentions: [string, SectionMention][] = []
  const projectMentions: [string, SectionMention][] = []
  const ids = r.sections.map((s) => `${r.id}/${s.slug}`)
  r.sections.forEach((s, i) => {
    const id = ids[i]!
    const tags = reportTags[i]!
    const topicTags = [...tags.topics].sort((a, b) => byTopicOrder(a.id, b.id))
    const projectTags = [...tags.projects].sort((a, b) => byProjectOrder(a.id, b.id))
    const topics = topicTags.map((t) => t.id)
    const projects = projectTags.map((p) => p.id)
    for (const { id: t, at } of topicTags) {
      reportTopics.add(t)
      topicMentions.push([t, at ? mentionOf(at, s, id) : { section: id, sentence: '', start: 0, end: 0 }])
    }
    for (const { id: p, at } of projectTags) projectMentions.push([p, mentionOf(at, s, id)])
    const focus = new Set(tags.focus)
    sections.push({
      id,
      slug: s.slug,
      title: s.title,
      kind: s.kind,
      speakers: s.speakers,
      people: [],
      report: r.id,
      conference: conference.id,
      year: conference.year,
      topics,
      focus: topics.filter((t) => focus.has(t)),
      relatedTopics: [...tags.related].sort(byTopicOrder),
      projects,
      text: s.text,
      content: s.content,
      url: sitePath('reports', r.id, s.slug),
      wordCount: s.wordCount,
      level: s.level,
      // Every field present, absent ones as undefined: one shape for all sections keeps the
      // later stages' property reads fast.
      group: s.group || undefined,
      previous: ids[i - 1],
      next: ids[i + 1],
    })
  })
  const report: Report = {
    id: r.id,
    file: r.file,
    title: fm.title,
    ...(fm.author ? { author: fm.author } : {}),
    by: fm.author ?? siteName(fm.source) ?? 'Unnamed author',
    conference: conference.id,
    year: conference.year,
    ...(fm.published ? { published: fm.published } : {}),
    ...(fm.source ? { source: fm.source } : {}),
    summary: fm.summary,
    topics: [...reportTopics].sort(byTopicOrder),
    focus: rankFocus(sections, byTopicOrder),
    url: sitePath('reports', r.id),
    sections: ids,
    outline: r.outline,
    wordCount: r.sections.reduce((n, s) => n + s.wordCount, 0),
  }
  return { report, sections, topicMentions, projectMentions }
}

/** A report's topics, most sections about them first, then most sections mentioning them. */
function rankFocus(own: readonly Section[], byTopicOrder: (a: string, b: string) => number): string[] {
  const about = new Map<string, number>()
  const named = new Map<string, number>()
  for (const s of own) {
    for (const t of s.focus) about.set(t, (about.get(t) ?? 0) + 1)
    for (const t of s.topics) named.set(t, (named.get(t) ?? 0) + 1)
  }
  return [...named.keys()].sort((a, b) => (about.get(b) ?? 0) - (about.get(a) ?? 0) || named.get(b)! - named.get(a)! || byTopicOrder(a, b))
}

/** "blog.example.com" for a post without an author: the reader still sees whose site it is. */
function siteName(source: string | undefined): string | undefined {
  if (!source) return undefined
  try {
    return new URL(source).hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}
