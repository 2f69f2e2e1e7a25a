/** The reports index, the sessions list and the 404 page. */
import type { Element, Root } from 'hast'
import { h } from './h.ts'
import type { Section } from '../src/link/graph.ts'
import type { SectionKind } from '../src/validate/schema.ts'
import type { SitePath } from '../src/paths.ts'
import type { PageOf } from '../src/emit/views.ts'
import { layout, searchForm, type PageContext } from './layout.ts'
import { count as count_, kindBadge, kindLabel, pagerNav, plural, speakerLinks } from './parts.ts'

const pageTitle = (title: string, pager: PageOf<unknown>) => (pager.pages.length > 1 ? `${title}, page ${pager.page} of ${pager.pages.length}` : title)

/** One page of the reports list: the page's reports, grouped by conference. */
export function reportsIndexPage(ctx: PageContext, pager: PageOf<{ conference: string; reports: string[] }>): Root {
  const { site } = ctx
  return layout(ctx, {
    title: pageTitle('Reports', pager),
    description: 'Every trip report, by conference.',
    current: 'reports',
    main: [
      h('header.page-header', [h('h1', 'Reports'), h('p.lead', `${plural(site.reports.length, 'trip report')}, by conference.`)]),
      ...pager.items
        .map((g) => site.conference.get(g.conference)!)
        .map((c, i) =>
          h('section', { ariaLabelledby: `conf-${c.id}` }, [
            h('h2', { id: `conf-${c.id}` }, h('a', { href: ctx.href(c.url) }, c.name)),
            h('ul.card-list', pager.items[i]!.reports.map((id) => {
              const r = site.report.get(id)!
              return h('li.card', [
                h('h3', h('a', { href: ctx.href(r.url) }, r.title)),
                h('p.meta', [r.by, ` · ${plural(r.sections.length, 'section')} · ${plural(r.wordCount, 'word')}`]),
                h('p', r.summary),
              ])
            })),
          ]),
        ),
      pagerNav(ctx, pager),
    ],
  })
}

/** The ways to narrow the sessions list; each is a page (or pages) of its own, built statically. */
export interface SessionFilters {
  /** What this page shows: undefined for every session. */
  current?: { label: string }
  /** Every session, for the "All" chip. */
  total: number
  kinds: { kind: SectionKind; count: number; url: SitePath }[]
  years: { year: number; count: number; url: SitePath }[]
  conferences: { id: string; count: number }[]
  topics: { id: string; count: number }[]
}

export function sessionsIndexPage(ctx: PageContext, pager: PageOf<Section>, filters: SessionFilters): Root {
  const { site } = ctx
  const title = filters.current ? `Sessions: ${filters.current.label}` : 'Sessions'
  // Every count on this page is of sessions (notes are not listed), and is read out as such.
  const chip = (label: string, count: number, url: string, current: boolean) =>
    h('li', h('a.chip', { href: ctx.href(url), ...(current ? { ariaCurrent: 'page' } : {}) }, [label, ' ', count_(count, 'session')]))
  return layout(ctx, {
    title: pageTitle(title, pager),
    description: 'Every session the reports covered, by kind, year, conference and topic.',
    current: 'sessions',
    main: [
      h('header.page-header', [
        h('h1', title),
        h('p.lead', `${plural(pager.total, 'session')} covered by the reports. A session is what people attend: a talk, keynote, workshop, BoF or lightning talk.`),
      ]),
      h('nav.session-filters', { ariaLabel: 'Filter sessions' }, [
        h('p.filter-label', 'Kind'),
        h('ul.chips', [chip('All', filters.total, 'sessions/', !filters.current), ...filters.kinds.map((k) => chip(kindLabel[k.kind], k.count, k.url, filters.current?.label === kindLabel[k.kind]))]),
        h('p.filter-label', 'Year'),
        h('ul.chips', filters.years.map((y) => chip(String(y.year), y.count, y.url, filters.current?.label === String(y.year)))),
        // Other places to start from, on a list's first page only: the later pages of a long
        // list repeated some forty chips each (a third of their weight).
        pager.page > 1
          ? null
          : h('details.filter-more', [
            h('summary', 'Conference or topic'),
            h('p.filter-label', 'Conference (its page lists its sessions)'),
            h('ul.chips', filters.conferences.map((c) => {
              const conference = site.conference.get(c.id)!
              return chip(conference.name, c.count, conference.url, false)
            })),
            h('p.filter-label', 'Topic (its page lists the sessions about it)'),
            h('ul.chips', filters.topics.map((t) => {
              const topic = site.topic.get(t.id)!
              return chip(topic.name, t.count, topic.url, false)
            })),
          ]),
      ]),
      h('ul.session-cards', pager.items.map((s) => {
        const report = site.report.get(s.report)!
        const conference = site.conference.get(s.conference)!
        return h('li.session-card', [
          h('h2', h('a', { href: ctx.href(s.url) }, s.title)),
          h('p.session-line', [kindBadge(s.kind), s.people.length ? [' ', h('span.speakers', speakerLinks(ctx, s, false))] : null]),
          h('p.meta', [h('a', { href: ctx.href(conference.url) }, conference.name), ' · ', h('a', { href: ctx.href(report.url) }, report.title), ` by ${report.by}`]),
          s.topics.length ? h('p.meta', ['Topics: ', s.topics.map((t) => site.topic.get(t)!.name).join(', ')]) : null,
        ])
      })),
      pagerNav(ctx, pager),
    ],
  })
}

/** Where an old address now lives: /talks/ became /sessions/. */
export function movedPage(ctx: PageContext, to: SitePath, name: string): Root {
  const page = layout(ctx, {
    title: `${name} has moved`,
    description: `This page is now at ${name}.`,
    main: [h('header.page-header', [h('h1', `${name} has moved`), h('p.lead', ['This list is now ', h('a', { href: ctx.href(to) }, name), '.'])])],
  })
  // A refresh in the head takes browsers along; the link above serves everyone else.
  const html = page.children.find((c) => c.type === 'element') as Element
  const head = html.children.find((c) => c.type === 'element' && c.tagName === 'head') as Element
  head.children.splice(1, 0, h('meta', { httpEquiv: 'refresh', content: `0; url=${ctx.href(to)}` }), h('link', { rel: 'canonical', href: ctx.href(to) }))
  return page
}

export function notFoundPage(ctx: PageContext): Root {
  return layout(ctx, {
    title: 'Page not found',
    description: 'This page does not exist.',
    main: [
      h('header.page-header', [h('h1', 'Page not found'), h('p.lead', 'There is no page at this address. It may have moved when a report was renamed.')]),
      h('p', ['Try searching for what you were looking for, or start from the ', h('a', { href: ctx.href('') }, 'home page'), '.']),
      searchForm(ctx, 'page'),
    ],
  })
}
