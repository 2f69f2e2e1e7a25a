/**
 * Every page of the site: which template renders which record, at which path.
 * The ordering and selection that pages show (most-discussed topics first, latest
 * reports) is decided here, so that templates only render what they are given.
 */
import type { Root } from 'hast'
import { conferencePage, conferencesIndexPage } from '../../templates/conference.ts'
import { homePage } from '../../templates/home.ts'
import type { PageContext } from '../../templates/layout.ts'
import { movedPage, notFoundPage, reportsIndexPage, sessionsIndexPage, type SessionFilters } from '../../templates/lists.ts'
import { reportPage } from '../../templates/report.ts'
import { searchPage } from '../../templates/search.ts'
import { speakerPage, speakersIndexPage } from '../../templates/people.ts'
import { sectionPage } from '../../templates/section.ts'
import { projectPage, projectsIndexPage, tagAllPage, topicPage, topicsIndexPage, type TagView } from '../../templates/topic.ts'
import { startOf, type Project, type SectionMention, type Site, type Topic, type YearGroup } from '../link/graph.ts'
import { once } from '../link/lazily.ts'
import { absoluteHref, hrefsFrom, outputFile, sitePath, type SitePath } from '../paths.ts'
import { serializeHtml } from './html.ts'
import {
  allViewPage,
  boundedReporters,
  columnPoints,
  columns,
  conferencesPerPage,
  fitsOnPage,
  groupPages,
  listPage,
  mapRows,
  mentionsPerPage,
  paginate,
  reportsPerPage,
  sharedLimit,
  speakersPerPage,
  sessionsPerPage,
  tellingMentions,
  timelineLimit,
  trimReporters,
  type TagRef,
  whereAndWhen,
  type Column,
  type ReportCounts,
} from './views.ts'
import { compareCodePoints, compareText } from '../compare.ts'
import { sessionKinds, type SessionKind } from '../validate/schema.ts'
import { kindLabel } from '../../templates/parts.ts'

export interface PageOptions {
  base: string
  /** Whether feed.xml is written, so pages can point to it. */
  feed: boolean
}

interface Page {
  path: SitePath
  /** Written to this file instead of path/index.html (the 404 page). */
  file?: string
  /** A page that only sends visitors on to another (an old address): no sitemap lists it. */
  moved?: true
  render: (ctx: PageContext) => Root
}

export function pages(site: Site): Page[] {
  const byMentions = <T extends { sections: string[]; name: string }>(list: T[]) =>
    [...list].sort((a, b) => b.sections.length - a.sections.length || compareText(a.name, b.name))
  const discussedTopics = byMentions(site.topics.filter((t) => t.sections.length > 0))
  const mentionedProjects = byMentions(site.projects.filter((p) => p.sections.length > 0))
  const latestReports = [...site.reports]
    .sort((a, b) => compareCodePoints(dateOf(site, b), dateOf(site, a)) || compareText(a.title, b.title))
    .slice(0, 5)
  const conferenceOrder = new Map(site.conferences.map((c, i) => [c.id, i]))
  const cols = columns(site.conferences)
  // Worked out when a page that shows them renders (the dev server may render none of them).
  const groupPagesOf = once(() => new Map(site.topics.map((t) => [t.id, groupPages(t)])))
  const counts: ReportCounts = { reportsOf: (c) => site.conference.get(c)!.reports.length, reportOf: (s) => site.section.get(s)!.report }
  const map = once(() => ({ columns: cols, rows: mapRows(discussedTopics, cols, (t) => groupPagesOf().get(t.id)!, counts) }))
  const yearsOf = (column: Column) => column.conferences.map((c) => site.conference.get(c)!.year)
  const tagView = (tag: Topic | Project, type: TagRef['type']): TagView =>
    fitsOnPage(tag)
      ? { telling: [], groups: tag.byYear, reporters: tag.reporters }
      : { telling: tellingMentions(site, tag, conferenceOrder), reporters: boundedReporters(site, { type, id: tag.id }, tag.reporters), all: allViewPage(tag.url)(1) }

  // Site-wide lists, page by page in their own order.
  const reportPages = paginate(site.conferences.flatMap((c) => c.reports), reportsPerPage, sitePath('reports'), listPage('reports')).map((p) => ({
    ...p,
    items: groupRuns(p.items, (id) => site.report.get(id)!.conference).map(([conference, reports]) => ({ conference, reports })),
  }))
  const sessionLists = sessionPages(site)
  // Each mention once: the sentence of (section, topic or project), for "related" quotes.
  // Gathered when the first section page renders: the dev server may never render one.
  let sentences: Map<string, Map<string, SectionMention>> | undefined
  const gather = () => {
    const found = new Map<string, Map<string, SectionMention>>()
    for (const tag of [...site.topics, ...site.projects]) {
      for (const g of tag.byYear) {
        for (const m of g.mentions) {
          if (!m.sentence) continue
          let bySection = found.get(m.section)
          if (!bySection) found.set(m.section, (bySection = new Map()))
          bySection.set(tag.id, m)
        }
      }
    }
    return found
  }
  const sentenceOf = (section: string, tag: string) => (sentences ??= gather()).get(section)?.get(tag)
  const speakerPages = paginate(site.people, speakersPerPage, sitePath('speakers'), listPage('speakers'))
  const conferencePages = paginate(site.conferences, conferencesPerPage, sitePath('conferences'), listPage('conferences'))

  return [
    { path: sitePath(), render: (ctx) => homePage(ctx, { topics: discussedTopics, latestReports, map: map(), timeline: site.conferences.slice(-timelineLimit) }) },
    ...reportPages.map((p): Page => ({ path: p.pages[p.page - 1]!, render: (ctx) => reportsIndexPage(ctx, p) })),
    ...site.reports.map((r): Page => ({ path: r.url, render: (ctx) => reportPage(ctx, r) })),
    ...site.sections.map((s): Page => ({ path: s.url, render: (ctx) => sectionPage(ctx, s, { sameReport: sameReport(site, s), related: site.related.get(s.id), sentenceOf }) })),
    ...sessionLists,
    { path: sitePath('talks'), moved: true, render: (ctx) => movedPage(ctx, sitePath('sessions'), 'Sessions') },
    ...speakerPages.map((p): Page => ({ path: p.pages[p.page - 1]!, render: (ctx) => speakersIndexPage(ctx, p) })),
    ...site.people.map((p): Page => ({ path: p.url, render: (ctx) => speakerPage(ctx, p) })),
    { path: sitePath('topics'), render: (ctx) => topicsIndexPage(ctx, byMentions(site.topics), map()) },
    ...site.topics.map((t): Page => ({ path: t.url, render: (ctx) => {
      const points = columnPoints(t, cols, groupPagesOf().get(t.id)!, counts)
      return topicPage(ctx, t, tagView(t, 'topic'), points, whereAndWhen(points, yearsOf))
    } })),
    ...site.topics.flatMap((t) => allViewPages(t, 'topics')),
    { path: sitePath('projects'), render: (ctx) => projectsIndexPage(ctx, mentionedProjects) },
    ...site.projects.map((p): Page => ({ path: p.url, render: (ctx) => {
      const points = columnPoints(p, cols, groupPages(p), counts)
      return projectPage(ctx, p, tagView(p, 'project'), points, whereAndWhen(points, yearsOf))
    } })),
    ...site.projects.flatMap((p) => allViewPages(p, 'projects')),
    ...conferencePages.map((p): Page => ({ path: p.pages[p.page - 1]!, render: (ctx) => conferencesIndexPage(ctx, p) })),
    ...site.conferences.map((c): Page => ({ path: c.url, render: (ctx) => conferencePage(ctx, c, c.shared.slice(0, sharedLimit).map((t) => trimReporters(site, t, t))) })),
    {
      path: sitePath('search'),
      render: (ctx) =>
        searchPage(ctx, {
          years: [...new Set(site.conferences.map((c) => c.year))],
          topics: discussedTopics.map((t) => ({ id: t.id, name: t.name })).sort((a, b) => compareText(a.name, b.name)),
          kinds: [...new Set(site.sections.map((s) => s.kind))],
          sectionCount: site.sections.length,
        }),
    },
    { path: sitePath(), file: '404.html', render: (ctx) => notFoundPage(ctx) },
  ]
}

/**
 * A topic's or project's mentions, all of them, a fixed number per page in conference order.
 * The pages are counted from the mentions; each page's groups are made when it renders.
 */
function allViewPages(tag: Topic | Project, current: 'topics' | 'projects'): Page[] {
  if (fitsOnPage(tag)) return []
  const page = allViewPage(tag.url)
  const flat = once(() => tag.byYear.flatMap((g) => g.mentions.map((m) => ({ g, m }))))
  return paginate(tag.sections, mentionsPerPage, page(1), page).map(({ page: n, pages, total }): Page => ({
    path: pages[n - 1]!,
    render: (ctx) => {
      const items = flat().slice((n - 1) * mentionsPerPage, n * mentionsPerPage)
      const groups: YearGroup[] = groupRuns(items, (x) => x.g.conference).map(([conference, run]) => ({ conference, year: run[0]!.g.year, mentions: run.map((x) => x.m) }))
      const first = items[0]!
      const continued = first.g.mentions[0] !== first.m ? first.g.conference : undefined
      return tagAllPage(ctx, tag, current, groups, { items, page: n, pages, total }, continued)
    },
  }))
}

/** The sessions list: all of them, then one list per kind and per year, each paginated. */
function sessionPages(site: Site): Page[] {
  const sessions = site.sections.filter((s) => s.kind !== 'note')
  const counted = <K>(keyOf: (s: Site['sections'][number]) => K[]) => {
    const out = new Map<K, number>()
    for (const s of sessions) for (const k of keyOf(s)) out.set(k, (out.get(k) ?? 0) + 1)
    return out
  }
  const kinds = [...counted((s) => [s.kind])].sort((a, b) => sessionKinds.indexOf(a[0] as SessionKind) - sessionKinds.indexOf(b[0] as SessionKind))
  const years = [...counted((s) => [s.year])].sort((a, b) => a[0] - b[0])
  const filters: SessionFilters = {
    total: sessions.length,
    kinds: kinds.map(([kind, count]) => ({ kind, count, url: sitePath('sessions', 'kind', kind) })),
    years: years.map(([year, count]) => ({ year, count, url: sitePath('sessions', 'year', String(year)) })),
    conferences: [...counted((s) => [s.conference])].map(([id, count]) => ({ id, count })).slice(-filterLimit),
    topics: [...counted((s) => s.topics)].sort((a, b) => b[1] - a[1]).slice(0, filterLimit).map(([id, count]) => ({ id, count })),
  }
  const list = (items: typeof sessions, first: SitePath, rest: (n: number) => SitePath, current?: { label: string }) =>
    paginate(items, sessionsPerPage, first, rest).map((p): Page => ({ path: p.pages[p.page - 1]!, render: (ctx) => sessionsIndexPage(ctx, p, { ...filters, ...(current ? { current } : {}) }) }))
  return [
    ...list(sessions, sitePath('sessions'), listPage('sessions')),
    ...kinds.flatMap(([kind]) => list(sessions.filter((s) => s.kind === kind), sitePath('sessions', 'kind', kind), listPage(`sessions-${kind}`), { label: kindLabel[kind] })),
    ...years.flatMap(([year]) => list(sessions.filter((s) => s.year === year), sitePath('sessions', 'year', String(year)), listPage(`sessions-${year}`), { label: String(year) })),
  ]
}

/** Sections of the same report sharing a topic, its neighbours left out (the pager links them). At most three. */
function sameReport(site: Site, section: Site['sections'][number]): { section: string; topics: string[] }[] {
  if (section.topics.length === 0) return []
  const out: { section: string; topics: string[] }[] = []
  for (const id of site.report.get(section.report)!.sections) {
    if (id === section.id || id === section.previous || id === section.next) continue
    const shared = site.section.get(id)!.topics.filter((t) => section.topics.includes(t))
    if (shared.length) out.push({ section: id, topics: shared })
  }
  return out.sort((a, b) => b.topics.length - a.topics.length).slice(0, 3)
}

/** Conferences and topics offered as filters on the sessions list: the latest and the most discussed. */
const filterLimit = 20

/** Consecutive runs of items with the same key, in order. */
function groupRuns<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const runs: [string, T[]][] = []
  for (const item of items) {
    const key = keyOf(item)
    const last = runs.at(-1)
    if (last && last[0] === key) last[1].push(item)
    else runs.push([key, [item]])
  }
  return runs
}


/** Every page that has a URL of its own and content of its own (no redirect), for the sitemap. */
export function pagePaths(site: Site): SitePath[] {
  return pages(site)
    .filter((p) => !p.file && !p.moved)
    .map((p) => p.path)
}

/** A report's date for "latest": when it was published, else when its conference began. */
function dateOf(site: Site, report: Site['reports'][number]): string {
  return report.published ?? startOf(site.conference.get(report.conference)!)
}

/** A page of the site, rendered only when its bytes are needed (written, or served by `dev`). */
export interface PageFile {
  /** Relative to the output folder: "reports/x/index.html", "404.html". */
  path: string
  render: () => string
}

/**
 * Every page as a file that renders on demand: a build writes them a few at a time, so the
 * whole site is never held in memory; the dev server renders only the pages asked for.
 */
export function pageFiles(site: Site, options: PageOptions): PageFile[] {
  return pages(site).map((page) => ({ path: page.file ?? outputFile(page.path), render: () => renderPage(site, page, options) }))
}

function renderPage(site: Site, page: Page, options: PageOptions): string {
  // The 404 page is served at any depth, so it links absolutely under the base path.
  const href = page.file
    ? (to: string, hash?: string) => absoluteHref(options.base, to, hash)
    : hrefsFrom(page.path)
  const ctx: PageContext = { path: page.path, href, site, feed: options.feed }
  // Site links in section content become hrefs from this page as the page is serialized.
  return serializeHtml(page.render(ctx), { siteHref: (path) => href(path) }) + '\n'
}
