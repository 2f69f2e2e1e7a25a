/**
 * The Atom feed of reports (feed.xml) and sitemap.xml. Both need absolute URLs, so they
 * are written only when the build is given --site-url. Built as xast, so text is escaped.
 */
import { toXml } from 'xast-util-to-xml'
import { x } from 'xastscript'
import type { Site } from '../link/graph.ts'
import type { SitePath } from '../paths.ts'
import type { OutputFile } from './write.ts'
import { compareCodePoints } from '../compare.ts'

export const feedFile = 'feed.xml'
export const sitemapFile = 'sitemap.xml'

/** "https://example.com/recap/" from a --site-url value; throws on anything but http(s). */
export function normalizeSiteUrl(value: string): string {
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--site-url must be an http(s) URL, not ${value}`)
  url.search = ''
  url.hash = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url.href
}

/**
 * Each report's Atom `updated`, which Atom requires: only dates the content gives. When it
 * was published; else the last day of its conference, when conferences.yml gives the dates;
 * else the latest date the content gives anywhere (a published date or a conference's last
 * day), the latest the site can vouch for; and when the content gives no date at all, the
 * first day of its conference's year, the one day it cannot be older than. Never a day that
 * may not have come yet, as the last day of the year would be.
 */
export function entryDates(site: Pick<Site, 'reports' | 'conference'>): (id: string) => string {
  const known = new Map<string, string>()
  let latest: string | undefined
  for (const r of site.reports) {
    const date = r.published ?? site.conference.get(r.conference)?.dates?.end
    if (date === undefined) continue
    known.set(r.id, date)
    if (latest === undefined || date > latest) latest = date
  }
  const byId = new Map(site.reports.map((r) => [r.id, r]))
  return (id) => {
    const date = known.get(id) ?? latest ?? `${site.conference.get(byId.get(id)!.conference)!.year}-01-01`
    return `${date}T00:00:00Z`
  }
}

export function feedFiles(site: Site, siteUrl: string, pagePaths: readonly SitePath[]): OutputFile[] {
  const abs = (p: string) => new URL(p, siteUrl).href
  const updated = entryDates(site)
  const reports = [...site.reports].sort((a, b) => compareCodePoints(updated(b.id), updated(a.id)) || compareCodePoints(a.id, b.id))
  const feedUpdated = reports.length ? updated(reports[0]!.id) : '1970-01-01T00:00:00Z'

  const feed = x('feed', { xmlns: 'http://www.w3.org/2005/Atom' }, [
    x('id', abs('')),
    x('title', 'Recap: conference trip reports'),
    x('subtitle', 'Trip reports linked by topic and project.'),
    x('updated', feedUpdated),
    x('link', { rel: 'self', type: 'application/atom+xml', href: abs(feedFile) }),
    x('link', { rel: 'alternate', type: 'text/html', href: abs('') }),
    // Atom requires an author for every entry; reports without one inherit this.
    x('author', [x('name', 'Recap contributors')]),
    x('generator', 'Recap'),
    ...reports.map((r) => {
      const conference = site.conference.get(r.conference)!
      return x('entry', [
        x('id', abs(r.url)),
        x('title', r.title),
        x('link', { rel: 'alternate', type: 'text/html', href: abs(r.url) }),
        x('updated', updated(r.id)),
        ...(r.published ? [x('published', `${r.published}T00:00:00Z`)] : []),
        ...(r.author ? [x('author', [x('name', r.author)])] : []),
        x('summary', r.summary),
        x('category', { term: conference.id, label: conference.name }),
        ...r.topics.map((t) => x('category', { term: t, label: site.topic.get(t)!.name })),
      ])
    }),
  ])

  const sitemap = x(
    'urlset',
    { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
    pagePaths.map((p) => x('url', [x('loc', abs(p))])),
  )

  const xml = (tree: ReturnType<typeof x>) => '<?xml version="1.0" encoding="utf-8"?>\n' + toXml(tree) + '\n'
  return [
    { path: feedFile, content: xml(feed) },
    { path: sitemapFile, content: xml(sitemap) },
  ]
}
