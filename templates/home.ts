import type { Root } from 'hast'
import { h } from './h.ts'
import type { Conference, Report, Topic } from '../src/link/graph.ts'
import { heatmap, type MapView } from './charts.ts'
import { layout, searchForm, type PageContext } from './layout.ts'
import { count, plural } from './parts.ts'

export interface HomeProps {
  /** Topics with at least one section, most-discussed first. */
  topics: Topic[]
  /** Most recent first. */
  latestReports: Report[]
  /** The topics × conferences map. */
  map: MapView
  /** The latest conferences, in time order. */
  timeline: Conference[]
}

export function homePage(ctx: PageContext, { topics, latestReports, map, timeline }: HomeProps): Root {
  const { site } = ctx
  const sessions = site.sections.filter((s) => s.kind !== 'note').length
  return layout(ctx, {
    title: 'Recap — conference trip reports, linked',
    description: `${site.reports.length} conference trip reports turned into a searchable map of talks and themes.`,
    current: 'home',
    main: [
      h('section.hero', { ariaLabelledby: 'home-title' }, [
        h('h1#home-title', 'Conference trip reports, linked'),
        h('p.lead', [
          `Recap collects ${plural(site.reports.length, 'trip report')} from ${plural(site.conferences.length, 'conference')}: `,
          `${plural(sessions, 'session')} and ${plural(site.sections.length - sessions, 'note')}, linked by topic and project so you can follow a theme from year to year.`,
        ]),
        searchForm(ctx, 'page'),
      ]),
      h('section', { ariaLabelledby: 'timeline-title' }, [
        h('h2#timeline-title', 'Conferences'),
        h('ol.timeline', timeline.map((c) =>
          h('li', [
            h('span.timeline-year', String(c.year)),
            h('div', [
              h('a', { href: ctx.href(c.url) }, c.name),
              h('p.meta', `${c.country ? `${c.city}, ${c.country}` : c.city} · ${plural(c.reports.length, 'report')} · ${plural(c.sessions.length, 'session')}`),
            ]),
          ]),
        )),
        timeline.length < site.conferences.length ? h('p', h('a', { href: ctx.href('conferences/') }, `All ${plural(site.conferences.length, 'conference')} →`)) : null,
      ]),
      h('section', { ariaLabelledby: 'topics-title' }, [
        h('h2#topics-title', 'Topics'),
        h('ul.topic-cloud', topics.map((t) =>
          h('li', h('a.chip', { href: ctx.href(t.url) }, [t.name, ' ', count(t.sections.length)])),
        )),
        h('p', h('a', { href: ctx.href('topics/') }, 'All topics →')),
      ]),
      h('section', { ariaLabelledby: 'map-title' }, [
        h('h2#map-title', 'Topics by conference'),
        h('p', 'How much of each conference’s reporting touched a topic. Select a cell for the sections behind it.'),
        heatmap(ctx, map),
      ]),
      h('section', { ariaLabelledby: 'latest-title' }, [
        h('h2#latest-title', 'Latest reports'),
        h('ul.card-list', latestReports.map((r) =>
          h('li.card', [
            h('h3', h('a', { href: ctx.href(r.url) }, r.title)),
            h('p.meta', [site.conference.get(r.conference)!.name, ` · ${r.by}`]),
            h('p', r.summary),
          ]),
        )),
        h('p', h('a', { href: ctx.href('reports/') }, 'All reports →')),
      ]),
    ],
  })
}
