/** The reports index, the talks table and the 404 page. */
import type { Root } from 'hast'
import { h } from 'hastscript'
import type { Section } from '../src/link/graph.ts'
import type { PageOf } from '../src/emit/views.ts'
import { layout, searchForm, type PageContext } from './layout.ts'
import { kindLabel, pagerNav, plural, speakerLinks } from './parts.ts'

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

export function talksIndexPage(ctx: PageContext, pager: PageOf<Section>): Root {
  const { site } = ctx
  const sessions = pager.items
  return layout(ctx, {
    title: pageTitle('Talks', pager),
    description: 'Every session the reports covered: talks, keynotes, BoFs, workshops and lightning talks.',
    current: 'talks',
    main: [
      h('header.page-header', [h('h1', 'Talks'), h('p.lead', `${plural(pager.total, 'session')} covered by the reports: talks, keynotes, BoFs, workshops and lightning talks.`)]),
      h('div.table-wrap', h('table.talks', [
        h('caption.visually-hidden', 'Every session covered by the reports'),
        h('thead', h('tr', ['Title', 'Kind', 'Conference', 'Report', 'Topics'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', sessions.map((s) => {
          const report = site.report.get(s.report)!
          const conference = site.conference.get(s.conference)!
          return h('tr', [
            h('th', { scope: 'row' }, [h('a', { href: ctx.href(s.url) }, s.title), s.people.length ? h('span.speakers', speakerLinks(ctx, s, false)) : null]),
            h('td', kindLabel[s.kind]),
            h('td', h('a', { href: ctx.href(conference.url) }, `${conference.city} ${conference.year}`)),
            h('td', h('a', { href: ctx.href(report.url) }, report.title)),
            h('td', s.topics.map((t) => site.topic.get(t)!.name).join(', ')),
          ])
        })),
      ])),
      pagerNav(ctx, pager),
    ],
  })
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
