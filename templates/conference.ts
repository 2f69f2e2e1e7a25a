import type { ElementContent, Root } from 'hast'
import { h } from './h.ts'
import type { Conference, Report, SharedTheme } from '../src/link/graph.ts'
import type { PageOf } from '../src/emit/views.ts'
import { layout, type PageContext } from './layout.ts'
import { dateRange, kindBadge, pagerNav, plural, quote, speakerLinks, topicChips } from './parts.ts'
import { columnLimit, sessionsPerReport } from '../src/emit/views.ts'

/** Topic chips on a report card; the report page has them all. */
const topicsPerCard = 6

/** `shared`: the themes to show side by side, cut to size (src/emit/views.ts). */
export function conferencePage(ctx: PageContext, conference: Conference, shared: SharedTheme[]): Root {
  const { site } = ctx
  const reports = conference.reports.map((id) => site.report.get(id)!)
  const withSessions = reports.filter((r) => r.sections.some((id) => site.section.get(id)!.kind !== 'note')).length
  const perReport = sessionsPerReport(withSessions, conference.sessions.length)
  return layout(ctx, {
    title: conference.name,
    description: `${conference.name} in ${conference.city}: ${plural(reports.length, 'report')} and the sessions they covered.`,
    current: 'conferences',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [h('li', h('a', { href: ctx.href('conferences/') }, 'Conferences'))])),
      h('header.page-header', [
        h('h1', conference.name),
        h('dl.facts', [
          conference.dates ? [h('dt', 'Dates'), h('dd', dateRange(conference.dates.start, conference.dates.end))] : [h('dt', 'Year'), h('dd', String(conference.year))],
          h('dt', 'Place'),
          h('dd', place(conference)),
          conference.attendance ? [h('dt', 'Attendance'), h('dd', `about ${conference.attendance.toLocaleString('en-GB')}, as reported`)] : null,
          h('dt', 'Covered'),
          h('dd', `${plural(reports.length, 'report')}, ${plural(conference.sessions.length, 'session')}, ${plural(conference.sectionCount, 'section')}`),
          conference.homepage ? [h('dt', 'Website'), h('dd', h('a', { href: conference.homepage, rel: 'external' }, new URL(conference.homepage).host))] : null,
        ]),
      ]),
      h('section', { ariaLabelledby: 'reports-title' }, [
        h('h2#reports-title', 'Reports'),
        h('ul.card-list', reports.map((r) =>
          h('li.card', [
            h('h3', h('a', { href: ctx.href(r.url) }, r.title)),
            h('p.meta', [r.by, ` · ${plural(r.sections.length, 'section')}`]),
            h('p', r.summary),
            topicChips(ctx, r.topics.slice(0, topicsPerCard)),
          ]),
        )),
      ]),
      shared.length ? agreement(ctx, conference, shared) : null,
      h('section', { ariaLabelledby: 'sessions-title' }, [
        h('h2#sessions-title', 'Sessions covered'),
        conference.sessions.length === 0
          ? h('p', 'The reports of this conference are notes and takeaways; none covers a single session.')
          : reports.map((r) => {
              const sessions = r.sections.map((id) => site.section.get(id)!).filter((s) => s.kind !== 'note')
              if (sessions.length === 0) return null
              const shown = sessions.slice(0, perReport)
              // Grouped by report, so the report's title is written once, not per session.
              return h('section.sessions-of', { ariaLabel: `Sessions in ${r.title}` }, [
                h('h3', r.title),
                h('ul.session-list', shown.map((s) =>
                  h('li', [
                    kindBadge(s.kind),
                    ' ',
                    h('a', { href: ctx.href(s.url) }, s.title),
                    s.people.length ? h('span.speakers', [' — ', ...speakerLinks(ctx, s, false)]) : null,
                  ]),
                )),
                sessions.length > shown.length
                  ? h('p.more', h('a', { href: ctx.href(r.url) }, `${plural(sessions.length - shown.length, 'more session')} in ${r.title}`))
                  : null,
              ])
            }),
      ]),
    ],
  })
}

export function conferencesIndexPage(ctx: PageContext, pager: PageOf<Conference>): Root {
  return layout(ctx, {
    title: pager.pages.length > 1 ? `Conferences, page ${pager.page} of ${pager.pages.length}` : 'Conferences',
    description: 'Conferences the reports come from.',
    current: 'conferences',
    main: [
      h('header.page-header', [h('h1', 'Conferences'), pager.pages.length > 1 ? h('p.lead', `${plural(pager.total, 'conference')}, in time order.`) : null]),
      h('ol.timeline', pager.items.map((c) =>
        h('li', [
          h('span.timeline-year', String(c.year)),
          h('div', [
            h('h2', h('a', { href: ctx.href(c.url) }, c.name)),
            h('p.meta', `${c.dates ? dateRange(c.dates.start, c.dates.end) : c.year} · ${place(c)} · ${plural(c.reports.length, 'report')} · ${plural(c.sessions.length, 'session')}`),
          ]),
        ]),
      )),
      pagerNav(ctx, pager),
    ],
  })
}

/**
 * What the reporters agreed on: the themes all of them wrote about, then a theme × reporter
 * matrix whose cells quote what each one wrote. Columns are the conference's first reports
 * (at most `columnLimit`, as every side-by-side view), rows the most shared themes.
 */
function agreement(ctx: PageContext, conference: Conference, shared: SharedTheme[]): ElementContent {
  const { site } = ctx
  const reports = conference.reports.slice(0, columnLimit).map((id) => site.report.get(id)!)
  const all = conference.shared.filter((t) => t.reports.length === conference.reports.length)
  const tag = (t: SharedTheme) => (t.type === 'topic' ? site.topic.get(t.id)! : site.project.get(t.id)!)
  const n = conference.reports.length
  const names = columnNames(reports)
  return h('section.agreement', { ariaLabelledby: 'shared-title' }, [
    h('h2#shared-title', 'What the reporters agreed on'),
    all.length
      ? h('p.agreed', [`${n === 2 ? 'Both' : `All ${n}`} reporters wrote about: `, ...all.flatMap((t, i) => [i > 0 ? ', ' : '', h('a', { href: ctx.href(tag(t).url) }, tag(t).name)])])
      : h('p.agreed', `No theme appears in all ${n} reports; these are the ones two or more of them share.`),
    h('div.table-wrap', h('table.matrix', [
      h('caption', `${shared.length < conference.shared.length ? `The ${shared.length} most shared of ${conference.shared.length} themes` : 'Shared themes'}, and what each reporter wrote${reports.length < n ? ` (the first ${reports.length} of ${n} reports)` : ''}`),
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Theme'), ...reports.map((r, i) => h('th', { scope: 'col' }, h('a', { href: ctx.href(r.url), title: r.title }, names[i]!)))])),
      h('tbody', shared.map((theme) => {
        const t = tag(theme)
        return h('tr', [
          h('th', { scope: 'row' }, [h('a', { href: ctx.href(t.url) }, t.name), h('span.meta', ` ${theme.reports.length} of ${n}`)]),
          ...reports.map((r, i) => {
            const mine = theme.reports.find((x) => x.report === r.id)
            if (!mine) return h('td.matrix-empty', [h('span.visually-hidden', `${names[i]}: `), 'not mentioned'])
            const best = mine.mentions.find((m) => m.sentence) ?? mine.mentions[0]!
            const s = site.section.get(best.section)!
            return h('td', [h('span.matrix-reporter', { ariaHidden: 'true' }, names[i]!), quote(best), h('a.mention-title', { href: ctx.href(s.url) }, s.title)])
          }),
        ])
      })),
    ])),
  ])
}

/**
 * A column is headed by its reporter, or by its report's title where two columns would read
 * the same: reports without an author, or one author's two reports.
 */
function columnNames(reports: readonly Report[]): string[] {
  const seen = new Map<string, number>()
  for (const r of reports) seen.set(r.by, (seen.get(r.by) ?? 0) + 1)
  return reports.map((r) => (seen.get(r.by)! > 1 ? r.title : r.by))
}

function place(c: Conference): string {
  return c.country ? `${c.city}, ${c.country}` : c.city
}
