/**
 * Link: reduce all parsed reports into one knowledge graph. This is where sections get
 * their topics and projects, and where topics, projects and conferences learn which
 * sections mention them. Pages and the search index are built from this graph only.
 */
import { sitePath, type SitePath } from '../paths.ts'
import type { Speaker } from '../parse/structure/speakers.ts'
import type { OutlineItem, ParsedReport } from '../parse/report.ts'
import type { ConferenceEntry, ProjectEntry, SectionKind, TopicEntry } from '../validate/schema.ts'
import type { Root as HastRoot } from 'hast'
import { autolink, type AutolinkOptions } from './autolink.ts'
import { relatedSections, type Related } from './related.ts'
import { PhraseMatcher, tagSection, type Mention } from './tagger.ts'
import { compareText, compareCodePoints } from '../compare.ts'

export interface SectionMention extends Mention {
  section: string
}

export interface YearGroup {
  conference: string
  year: number
  mentions: SectionMention[]
}

/** How much one conference's reports discussed a topic or project. */
export interface TrendPoint {
  conference: string
  year: number
  /** Sections that mention it. */
  count: number
  /** Of those, sections about it (see Tags.focus); for projects, the same as count. */
  focus: number
  /** All sections from that conference's reports. */
  total: number
  /** count / total, 0 when the conference has no sections. */
  share: number
}

/** Two or more reports of one conference on the same topic or project, side by side. */
export interface Reporters {
  conference: string
  reports: { report: string; mentions: SectionMention[] }[]
}

export interface SharedTheme {
  type: 'topic' | 'project'
  id: string
  reports: { report: string; mentions: SectionMention[] }[]
}

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
}

export interface Project extends ProjectEntry {
  url: SitePath
  sections: string[]
  byYear: YearGroup[]
  trend: TrendPoint[]
  reporters: Reporters[]
}

export interface Report {
  id: string
  file: string
  title: string
  author?: string
  conference: string
  year: number
  published?: string
  source?: string
  summary: string
  topics: string[]
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
  report: string
  conference: string
  year: number
  topics: string[]
  /** Topics the section is about rather than mentions in passing. */
  focus: string[]
  projects: string[]
  text: string
  /** Sanitized content with auto-links (site paths in data-site-path). */
  content: HastRoot
  url: SitePath
  wordCount: number
  level: number
  group?: string
  previous?: string
  next?: string
  related: Related[]
}

export interface Site {
  conferences: Conference[]
  topics: Topic[]
  projects: Project[]
  reports: Report[]
  sections: Section[]
  conference: Map<string, Conference>
  topic: Map<string, Topic>
  project: Map<string, Project>
  report: Map<string, Report>
  section: Map<string, Section>
}

export interface Catalogue {
  conferences: ConferenceEntry[]
  topics: TopicEntry[]
  projects: ProjectEntry[]
}

/** When a conference began, or the start of its year when its dates are not known. */
export const startOf = (c: ConferenceEntry) => c.dates?.start ?? `${c.year}-01-01`
export const endOf = (c: ConferenceEntry) => c.dates?.end ?? `${c.year}-12-31`

const mentionCount = (theme: SharedTheme) => theme.reports.reduce((n, r) => n + r.mentions.length, 0)

export function linkSite(parsed: readonly ParsedReport[], catalogue: Catalogue): Site {
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

  const matcher = PhraseMatcher.fromCatalogue(catalogue.topics, catalogue.projects)
  const projectTopics = new Map(catalogue.projects.map((p) => [p.id, p.topics]))
  const autolinkOptions: AutolinkOptions = {
    matcher,
    pathOf: (t) => sitePath(t.type === 'topic' ? 'topics' : 'projects', t.id),
  }
  const topicMentions = new Map<string, SectionMention[]>(catalogue.topics.map((t) => [t.id, []]))
  const projectMentions = new Map<string, SectionMention[]>(catalogue.projects.map((p) => [p.id, []]))

  const sections: Section[] = []
  const reports: Report[] = []
  for (const r of reportsInOrder) {
    const fm = r.frontMatter
    const conference = conferenceById.get(fm.conference)!
    const reportUrl = sitePath('reports', r.id)
    const ids: string[] = []
    const reportTopics = new Set(fm.topics)
    for (const s of r.sections) {
      const id = `${r.id}/${s.slug}`
      const tags = tagSection(s, matcher, projectTopics)
      const topics = [...tags.topics.keys()].sort(byTopicOrder)
      const projects = [...tags.projects.keys()].sort(byProjectOrder)
      for (const t of topics) {
        reportTopics.add(t)
        const mention = tags.topics.get(t)
        topicMentions.get(t)!.push({ section: id, ...(mention ?? { sentence: '', start: 0, end: 0 }) })
      }
      for (const p of projects) projectMentions.get(p)!.push({ section: id, ...tags.projects.get(p)! })
      ids.push(id)
      sections.push({
        id,
        slug: s.slug,
        title: s.title,
        kind: s.kind,
        speakers: s.speakers,
        report: r.id,
        conference: conference.id,
        year: conference.year,
        topics,
        focus: topics.filter((t) => tags.focus.has(t)),
        projects,
        text: s.text,
        content: autolink(s.content, autolinkOptions),
        url: sitePath('reports', r.id, s.slug),
        wordCount: s.wordCount,
        level: s.level,
        ...(s.group ? { group: s.group } : {}),
        related: [],
      })
    }
    reports.push({
      id: r.id,
      file: r.file,
      title: fm.title,
      ...(fm.author ? { author: fm.author } : {}),
      conference: conference.id,
      year: conference.year,
      ...(fm.published ? { published: fm.published } : {}),
      ...(fm.source ? { source: fm.source } : {}),
      summary: fm.summary,
      topics: [...reportTopics].sort(byTopicOrder),
      url: reportUrl,
      sections: ids,
      outline: r.outline,
      wordCount: r.sections.reduce((n, s) => n + s.wordCount, 0),
    })
  }

  const sectionById = new Map(sections.map((s) => [s.id, s]))
  for (const report of reports) {
    report.sections.forEach((id, i) => {
      const s = sectionById.get(id)!
      if (i > 0) s.previous = report.sections[i - 1]
      if (i < report.sections.length - 1) s.next = report.sections[i + 1]
    })
  }
  const related = relatedSections(sections)
  for (const s of sections) s.related = related.get(s.id) ?? []

  const byYear = (mentions: SectionMention[]): YearGroup[] => {
    const groups = new Map<string, YearGroup>()
    for (const m of mentions) {
      const s = sectionById.get(m.section)!
      let g = groups.get(s.conference)
      if (!g) groups.set(s.conference, (g = { conference: s.conference, year: s.year, mentions: [] }))
      g.mentions.push(m)
    }
    return [...groups.values()].sort((a, b) => conferenceOrder.get(a.conference)! - conferenceOrder.get(b.conference)!)
  }

  const sectionsPerConference = new Map(conferences.map((c) => [c.id, sections.filter((s) => s.conference === c.id).length]))
  const trend = (mentions: SectionMention[], topic?: string): TrendPoint[] =>
    conferences.map((c) => {
      const here = mentions.map((m) => sectionById.get(m.section)!).filter((s) => s.conference === c.id)
      const count = here.length
      const focus = topic ? here.filter((s) => s.focus.includes(topic)).length : count
      const total = sectionsPerConference.get(c.id)!
      return { conference: c.id, year: c.year, count, focus, total, share: total ? Math.round((count / total) * 1000) / 1000 : 0 }
    })
  const reporters = (mentions: SectionMention[]): Reporters[] =>
    byYear(mentions)
      .map((g) => {
        const perReport = new Map<string, SectionMention[]>()
        for (const m of g.mentions) {
          const report = sectionById.get(m.section)!.report
          perReport.set(report, [...(perReport.get(report) ?? []), m])
        }
        return { conference: g.conference, reports: [...perReport].map(([report, ms]) => ({ report, mentions: ms })) }
      })
      .filter((r) => r.reports.length >= 2)

  const topics: Topic[] = catalogue.topics.map((t) => {
    const mentions = topicMentions.get(t.id)!
    const counts = new Map<string, number>()
    for (const m of mentions) {
      for (const other of sectionById.get(m.section)!.topics) if (other !== t.id) counts.set(other, (counts.get(other) ?? 0) + 1)
    }
    return {
      ...t,
      url: sitePath('topics', t.id),
      sections: mentions.map((m) => m.section),
      byYear: byYear(mentions),
      trend: trend(mentions, t.id),
      reporters: reporters(mentions),
      cooccurring: [...counts]
        .map(([topic, count]) => ({ topic, count }))
        .sort((a, b) => b.count - a.count || byTopicOrder(a.topic, b.topic))
        .slice(0, 8),
      projects: catalogue.projects.filter((p) => p.topics.includes(t.id)).map((p) => p.id),
    }
  })

  const projects: Project[] = catalogue.projects.map((p) => {
    const mentions = projectMentions.get(p.id)!
    return {
      ...p,
      url: sitePath('projects', p.id),
      sections: mentions.map((m) => m.section),
      byYear: byYear(mentions),
      trend: trend(mentions),
      reporters: reporters(mentions),
    }
  })

  const telling = (tag: { sections: string[] }) => tag.sections.length * 2 <= sections.length
  const linkedConferences: Conference[] = conferences.map((c) => {
    const own = reports.filter((r) => r.conference === c.id)
    const ownSections = own.flatMap((r) => r.sections)
    return {
      ...c,
      url: sitePath('conferences', c.id),
      reports: own.map((r) => r.id),
      sessions: ownSections.filter((id) => sectionById.get(id)!.kind !== 'note'),
      sectionCount: ownSections.length,
      // A tag on more than half of all sections (Kubernetes, at KubeCon) is no shared theme.
      shared: [
        ...topics.filter(telling).flatMap((t) => t.reporters.filter((r) => r.conference === c.id).map((r) => ({ type: 'topic' as const, id: t.id, reports: r.reports }))),
        ...projects.filter(telling).flatMap((p) => p.reporters.filter((r) => r.conference === c.id).map((r) => ({ type: 'project' as const, id: p.id, reports: r.reports }))),
      ].sort((a, b) => b.reports.length - a.reports.length || mentionCount(b) - mentionCount(a)),
    }
  })

  return {
    conferences: linkedConferences,
    topics,
    projects,
    reports,
    sections,
    conference: new Map(linkedConferences.map((c) => [c.id, c])),
    topic: new Map(topics.map((t) => [t.id, t])),
    project: new Map(projects.map((p) => [p.id, p])),
    report: new Map(reports.map((r) => [r.id, r])),
    section: sectionById,
  }
}
