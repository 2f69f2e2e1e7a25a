/**
 * What bounded pages show: the selections and page splits that keep every page within its
 * weight budget at any corpus size. Pages show the most telling records first and link to
 * a paginated "all N" view whose order and page breaks depend only on the content.
 * Templates render these views; they choose nothing.
 */
import type { Conference, Reporters, SectionMention, Site, Topic, TrendPoint } from '../link/graph.ts'
import { sitePath, type SitePath } from '../paths.ts'

/** Mentions quoted on a topic or project page before "all N". */
export const tellingLimit = 12

/** A tag whose mentions all fit on its page: shown there by conference, with no all view. */
export const fitsOnPage = (tag: { sections: readonly string[] }) => tag.sections.length <= tellingLimit
/** Side-by-side blocks on a topic or project page; the all view has every mention. */
export const reportersLimit = 2
/** Reports per column and sections per report in a side-by-side block. */
export const columnLimit = 4
export const mentionsPerColumn = 3
/**
 * Sessions a conference page lists under each report: all of them while the conference's
 * sessions fit in `conferenceSessionBudget`, else an even share (at least three), the rest
 * one link away on the report page. Keeps a conference with many reporters within its weight.
 */
export const conferenceSessionBudget = 60
export function sessionsPerReport(reportsWithSessions: number, sessions: number): number {
  if (sessions <= conferenceSessionBudget) return Infinity
  return Math.max(3, Math.floor(conferenceSessionBudget / Math.max(1, reportsWithSessions)))
}

/** Shared themes on a conference page. */
export const sharedLimit = 4
/** Mentions per page of a topic's or project's all view. */
export const mentionsPerPage = 40
/** Items per page of the reports, sessions, conferences and speakers lists. */
export const reportsPerPage = 40
export const sessionsPerPage = 30
export const conferencesPerPage = 80
export const speakersPerPage = 120
/** Conferences on the home page timeline. */
export const timelineLimit = 12
/** Past this many conferences, charts and the map count per year. */
export const columnsLimit = 12
/** Cells of the topics × conferences map: the most-discussed topics that fit, at most 20 rows. */
export const mapCellsLimit = 100
export const mapRowsLimit = 20

/** One page of a paginated list: its items, and where every page of the list is. */
export interface PageOf<T> {
  items: T[]
  /** 1-based. */
  page: number
  pages: SitePath[]
  total: number
}

/** Page 1 at `first`, page n at `rest(n)`: fixed sizes in the list's own order. */
export function paginate<T>(items: readonly T[], perPage: number, first: SitePath, rest: (n: number) => SitePath): PageOf<T>[] {
  const count = Math.max(1, Math.ceil(items.length / perPage))
  const pages = Array.from({ length: count }, (_, i) => (i === 0 ? first : rest(i + 1)))
  return pages.map((_, i) => ({ items: items.slice(i * perPage, (i + 1) * perPage), page: i + 1, pages, total: items.length }))
}

/**
 * The page numbers a pager links: the first, the last and two either side of the current
 * one, in order; null stands for the pages left out between. At most nine entries, however
 * long the list: a pager linking every page made each page grow with the corpus.
 */
export function pageWindow(count: number, current: number, around = 2): (number | null)[] {
  const shown = new Set([1, count])
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= count) shown.add(n)
  const out: (number | null)[] = []
  let previous = 0
  for (const n of [...shown].sort((a, b) => a - b)) {
    // A gap of one page shows that page: "…" would take as much room.
    if (n - previous === 2) out.push(n - 1)
    else if (n - previous > 2) out.push(null)
    out.push(n)
    previous = n
  }
  return out
}

/** Where the second and later pages of a site-wide list live: `lists/<name>/<n>/`. No id can collide with it. */
export const listPage = (name: string) => (n: number) => sitePath('lists', name, String(n))

/** Where page n of a topic's or project's all view lives. */
export const allViewPage = (url: SitePath) => (n: number) => (n === 1 ? sitePath(url, 'all') : sitePath(url, 'all', String(n)))

/**
 * The mentions that say most about a tag, best first: sections about it (its focus), then
 * those quoting a sentence, then the most recent conferences, then by id. Bounded.
 */
export function tellingMentions(site: Site, tag: { id: string; byYear: { mentions: SectionMention[] }[] }, conferenceOrder: ReadonlyMap<string, number>): SectionMention[] {
  const all = tag.byYear.flatMap((g) => g.mentions)
  const rank = (m: SectionMention) => {
    const s = site.section.get(m.section)!
    return [s.focus.includes(tag.id) ? 0 : 1, m.sentence ? 0 : 1, -conferenceOrder.get(s.conference)!] as const
  }
  return all
    .map((m) => ({ m, r: rank(m) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || (a.m.section < b.m.section ? -1 : a.m.section > b.m.section ? 1 : 0))
    .slice(0, tellingLimit)
    .map((x) => x.m)
}

/** Side-by-side blocks cut to size: the conferences with most reporters, a few sections each, the most telling first. */
export function boundedReporters(site: Site, tag: TagRef, reporters: readonly Reporters[], limit = reportersLimit): Reporters[] {
  return [...reporters]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.reports.length - a.r.reports.length || a.i - b.i)
    .slice(0, limit)
    .map(({ r }) => trimReporters(site, tag, r))
}

/** The first reports of a side-by-side block, each with its most telling mentions of `tag`. */
export function trimReporters<T extends { reports: Reporters['reports'] }>(site: Site, tag: TagRef, r: T): T {
  const order = tellingFirst(site, tag)
  return { ...r, reports: r.reports.slice(0, columnLimit).map((x) => ({ ...x, mentions: order(x.mentions).slice(0, mentionsPerColumn) })) }
}

/** A topic or project, by id. */
export interface TagRef {
  type: 'topic' | 'project'
  id: string
}

/** Words a quoted sentence needs to say something of its own: a list item "security" does not. */
const tellingWords = 5

/**
 * One report's mentions of a tag, the most telling first: those in a section about it (a
 * topic's focus), then those quoting a sentence of a few words, then in reading order. A
 * report's own section on Security says more than its opening list naming "security".
 */
export function tellingFirst(site: Site, tag: TagRef): (mentions: readonly SectionMention[]) => SectionMention[] {
  const rank = (m: SectionMention) => {
    const about = tag.type === 'topic' && site.section.get(m.section)!.focus.includes(tag.id)
    const says = m.sentence !== '' && m.sentence.split(/\s+/).length >= tellingWords
    return (about ? 0 : 2) + (says ? 0 : 1)
  }
  return (mentions) =>
    mentions
      .map((m, i) => ({ m, i, r: rank(m) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.m)
}

/** A column of the trend chart and of the map: one conference, or one year of them. */
export interface Column {
  key: string
  label: string
  sub: string
  /** The conference's page, for a one-conference column. */
  url?: SitePath
  title: string
  conferences: string[]
}

export function columns(conferences: readonly Conference[]): Column[] {
  if (conferences.length <= columnsLimit) {
    return conferences.map((c) => ({ key: c.id, label: String(c.year), sub: c.city, url: c.url, title: c.name, conferences: [c.id] }))
  }
  const byYear = new Map<number, Conference[]>()
  for (const c of conferences) byYear.set(c.year, [...(byYear.get(c.year) ?? []), c])
  return [...byYear].map(([year, cs]) => ({ key: String(year), label: String(year), sub: `${cs.length} conf.`, title: `${cs.length} conferences in ${year}`, conferences: cs.map((c) => c.id) }))
}

export interface ColumnPoint {
  column: Column
  count: number
  focus: number
  total: number
  share: number
  /** Reports that mention it, of all reports in the column. */
  reports: number
  reportTotal: number
  /** Too little reporting for a share to mean much: fewer than `thinSections` sections or one report. */
  thin: boolean
  /** Where the sections behind the number are: a page of the all view and a conference group on it. */
  link?: { path: SitePath; hash: string }
}

/** Below this many sections a column's shares are marked as thin coverage. */
export const thinSections = 10

/** How a tag's mentions spread over reports: per conference, the reports that mention it. */
export interface ReportCounts {
  /** Reports of each conference. */
  reportsOf: (conference: string) => number
  /** The report a section belongs to. */
  reportOf: (section: string) => string
}

/** A tag's trend summed per column, with a link to the first sections behind each number. */
export function columnPoints(
  tag: { trend: TrendPoint[]; byYear: { conference: string; mentions: SectionMention[] }[] },
  cols: readonly Column[],
  groupPage: ReadonlyMap<string, SitePath>,
  counts: ReportCounts,
): ColumnPoint[] {
  const byConference = new Map(tag.trend.map((p) => [p.conference, p]))
  const mentioning = new Map(tag.byYear.map((g) => [g.conference, new Set(g.mentions.map((m) => counts.reportOf(m.section))).size]))
  return cols.map((column) => {
    let count = 0
    let focus = 0
    let total = 0
    let reports = 0
    let reportTotal = 0
    let first: string | undefined
    for (const id of column.conferences) {
      reports += mentioning.get(id) ?? 0
      reportTotal += counts.reportsOf(id)
      const p = byConference.get(id)
      if (!p) continue
      count += p.count
      focus += p.focus
      total += p.total
      if (p.count > 0 && first === undefined) first = id
    }
    const share = total ? Math.round((count / total) * 1000) / 1000 : 0
    const path = first === undefined ? undefined : groupPage.get(first)
    const thin = total < thinSections || reportTotal <= 1
    return { column, count, focus, total, share, reports, reportTotal, thin, ...(path && first ? { link: { path, hash: `year-${first}` } } : {}) }
  })
}

/** For each conference group of a tag's all view, the page it starts on. */
export function groupPages(tag: { url: SitePath; sections: readonly string[]; byYear: { conference: string; mentions: unknown[] }[] }, perPage = mentionsPerPage): Map<string, SitePath> {
  const out = new Map<string, SitePath>()
  if (fitsOnPage(tag)) {
    for (const g of tag.byYear) out.set(g.conference, tag.url)
    return out
  }
  const page = allViewPage(tag.url)
  let seen = 0
  for (const g of tag.byYear) {
    out.set(g.conference, page(Math.floor(seen / perPage) + 1))
    seen += g.mentions.length
  }
  return out
}

/** Map rows: the most-discussed topics, each with its points per column. */
export function mapRows(topics: readonly Topic[], cols: readonly Column[], groupPageOf: (t: Topic) => ReadonlyMap<string, SitePath>, counts: ReportCounts): { topic: Topic; points: ColumnPoint[] }[] {
  return topics.slice(0, Math.min(mapRowsLimit, Math.floor(mapCellsLimit / Math.max(1, cols.length)))).map((topic) => ({ topic, points: columnPoints(topic, cols, groupPageOf(topic), counts) }))
}

/**
 * The sentence a topic page opens with: where and when the topic was discussed, by how many
 * of the reporters there, and which years' reports leave it out. Counted per year, from the
 * chart's own points, so the sentence and the chart agree.
 */
export function whereAndWhen(points: readonly ColumnPoint[], years: (column: Column) => number[]): string {
  const perYear = new Map<number, { reports: number; reportTotal: number; count: number }>()
  for (const p of points) {
    // A column of several years (never made today) counts for its first year.
    const year = years(p.column)[0]!
    const y = perYear.get(year) ?? { reports: 0, reportTotal: 0, count: 0 }
    y.reports += p.reports
    y.reportTotal += p.reportTotal
    y.count += p.count
    perYear.set(year, y)
  }
  const covered = [...perYear].filter(([, y]) => y.reportTotal > 0)
  const discussed = covered.filter(([, y]) => y.count > 0)
  const silent = covered.filter(([, y]) => y.count === 0).map(([year]) => String(year))
  if (discussed.length === 0) return 'No report mentions it yet.'
  const part = ([year, y]: [number, { reports: number; reportTotal: number }]) => `${year} by ${y.reports} of ${y.reportTotal} ${y.reportTotal === 1 ? 'reporter' : 'reporters'}`
  const shown = discussed.length <= 4 ? discussed : [...discussed].sort((a, b) => b[1].reports / b[1].reportTotal - a[1].reports / a[1].reportTotal || b[0] - a[0]).slice(0, 3).sort((a, b) => a[0] - b[0])
  const said = discussed.length <= 4 ? `Discussed in ${list(shown.map(part))}` : `Discussed in ${discussed.length} of ${covered.length} years, most in ${list(shown.map(part))}`
  const none = silent.length === 0 ? '' : silent.length <= 3 ? `; no ${list(silent, 'or')} report mentions it` : `; no report from ${silent.length} other years mentions it`
  return `${said}${none}.`
}

function list(items: readonly string[], and = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`
}
