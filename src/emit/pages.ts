/**
 * Every page of the site: which template renders which record, at which path.
 * The ordering and selection that pages show (most-discussed topics first, latest
 * reports) is decided here, so that templates only render what they are given.
 */
import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { conferencePage, conferencesIndexPage } from '../../templates/conference.ts'
import { homePage } from '../../templates/home.ts'
import type { PageContext } from '../../templates/layout.ts'
import { notFoundPage, reportsIndexPage, talksIndexPage } from '../../templates/lists.ts'
import { reportPage } from '../../templates/report.ts'
import { searchPage } from '../../templates/search.ts'
import { sectionPage } from '../../templates/section.ts'
import { projectPage, projectsIndexPage, topicPage, topicsIndexPage } from '../../templates/topic.ts'
import { startOf, type Site } from '../link/graph.ts'
import { absoluteHref, outputFile, relativeHref, sitePath, type SitePath } from '../paths.ts'
import { resolveSiteLinks } from './site-links.ts'
import type { OutputFile } from './write.ts'
import { compareCodePoints, compareText } from '../compare.ts'

export interface PageOptions {
  base: string
  /** Whether feed.xml is written, so pages can point to it. */
  feed: boolean
}

interface Page {
  path: SitePath
  /** Written to this file instead of path/index.html (the 404 page). */
  file?: string
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

  return [
    { path: sitePath(), render: (ctx) => homePage(ctx, { topics: discussedTopics, latestReports, mapTopics: discussedTopics }) },
    { path: sitePath('reports'), render: (ctx) => reportsIndexPage(ctx) },
    ...site.reports.map((r): Page => ({ path: r.url, render: (ctx) => reportPage(ctx, r) })),
    ...site.sections.map((s): Page => ({ path: s.url, render: (ctx) => sectionPage(ctx, s) })),
    { path: sitePath('talks'), render: (ctx) => talksIndexPage(ctx, site.sections.filter((s) => s.kind !== 'note')) },
    { path: sitePath('topics'), render: (ctx) => topicsIndexPage(ctx, byMentions(site.topics), discussedTopics) },
    ...site.topics.map((t): Page => ({ path: t.url, render: (ctx) => topicPage(ctx, t) })),
    { path: sitePath('projects'), render: (ctx) => projectsIndexPage(ctx, mentionedProjects) },
    ...site.projects.map((p): Page => ({ path: p.url, render: (ctx) => projectPage(ctx, p) })),
    { path: sitePath('conferences'), render: (ctx) => conferencesIndexPage(ctx) },
    ...site.conferences.map((c): Page => ({ path: c.url, render: (ctx) => conferencePage(ctx, c) })),
    {
      path: sitePath('search'),
      render: (ctx) =>
        searchPage(ctx, {
          years: [...new Set(site.conferences.map((c) => c.year))],
          topics: discussedTopics.map((t) => ({ id: t.id, name: t.name })).sort((a, b) => compareText(a.name, b.name)),
          sectionCount: site.sections.length,
        }),
    },
    { path: sitePath(), file: '404.html', render: (ctx) => notFoundPage(ctx) },
  ]
}

/** Every page that has a URL of its own, for the sitemap. */
export function pagePaths(site: Site): SitePath[] {
  return pages(site)
    .filter((p) => !p.file)
    .map((p) => p.path)
}

/** A report's date for "latest": when it was published, else when its conference began. */
function dateOf(site: Site, report: Site['reports'][number]): string {
  return report.published ?? startOf(site.conference.get(report.conference)!)
}

export function renderPages(site: Site, options: PageOptions): OutputFile[] {
  return pages(site).map((page) => {
    // The 404 page is served at any depth, so it links absolutely under the base path.
    const href = page.file
      ? (to: string, hash?: string) => absoluteHref(options.base, to, hash)
      : (to: string, hash?: string) => relativeHref(page.path, to, hash)
    const ctx: PageContext = { path: page.path, href, site, feed: options.feed }
    const html = toHtml(resolveSiteLinks(page.render(ctx), (path) => href(path)))
    return { path: page.file ?? outputFile(page.path), content: html + '\n' }
  })
}
