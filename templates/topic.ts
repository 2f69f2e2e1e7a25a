import type { ElementContent, Root } from 'hast'
import { h } from './h.ts'
import type { Project, Reporters, SectionMention, Topic, YearGroup } from '../src/link/graph.ts'
import type { ColumnPoint, PageOf } from '../src/emit/views.ts'
import type { SitePath } from '../src/paths.ts'
import { layout, type PageContext } from './layout.ts'
import { heatmap, trendChart, type MapView } from './charts.ts'
import { count, inSentence, kindBadge, pagerNav, plural, quote, sectionSource, sideBySide, speakersLine, topicChips } from './parts.ts'

/** What a topic or project page shows; chosen in src/emit/views.ts. */
export interface TagView {
  /** The most telling mentions, best first (when not all of them fit). */
  telling: SectionMention[]
  /** Every mention by conference, when they all fit on the page. */
  groups?: YearGroup[]
  /** A few side-by-side blocks, most reporters first. */
  reporters: Reporters[]
  /** Page 1 of the all view, when there are mentions. */
  all?: SitePath
}

/**
 * Mentions grouped by conference, each with the sentence that names the topic or project.
 * `continued` marks a group that began on the previous page.
 */
export function mentionsByYear(ctx: PageContext, groups: YearGroup[], continued?: string): ElementContent[] {
  return groups.map((g) => {
    const conference = ctx.site.conference.get(g.conference)!
    const id = g.conference === continued ? `year-${g.conference}-continued` : `year-${g.conference}`
    return h('section.year-group', { ariaLabelledby: id }, [
      h('h2', { id }, [h('a', { href: ctx.href(conference.url) }, conference.name), h('span.count', ` ${plural(g.mentions.length, 'section')}${g.conference === continued ? ' (continued)' : ''}`)]),
      mentionList(ctx, g.mentions, false),
    ])
  })
}

function mentionList(ctx: PageContext, mentions: SectionMention[], withConference: boolean): ElementContent {
  return h('ul.mention-list', mentions.map((m) => {
        const s = ctx.site.section.get(m.section)!
        return h('li', [
          h('a.mention-title', { href: ctx.href(s.url) }, s.title),
          ' ',
          kindBadge(s.kind),
          h('p.meta', sectionSource(ctx, s, withConference)),
          quote(m),
        ])
      }))
}

/** The telling mentions, a few side-by-side blocks and the way to all of them. */
function tagBody(ctx: PageContext, name: string, total: number, view: TagView, none: string): ElementContent[] {
  if (total === 0) return [h('p', none)]
  if (view.groups) {
    // Everything fits: by conference, several reporters side by side in their conference.
    return view.groups.map((g) => {
      const several = view.reporters.find((r) => r.conference === g.conference)
      if (!several) return mentionsByYear(ctx, [g])[0]!
      const conference = ctx.site.conference.get(g.conference)!
      return h('section.year-group', { ariaLabelledby: `year-${g.conference}` }, [
        h('h2', { id: `year-${g.conference}` }, [h('a', { href: ctx.href(conference.url) }, conference.name), h('span.count', ` ${plural(g.mentions.length, 'section')}`)]),
        sideBySide(ctx, 'h3', `${several.reports.length} reporters on ${name} at ${conference.name}`, `reporters-${g.conference}`, several.reports),
      ])
    })
  }
  return [
    h('section', { ariaLabelledby: 'telling-title' }, [
      h('h2#telling-title', total > view.telling.length ? `The most telling of ${plural(total, 'section')}` : plural(total, 'section')),
      mentionList(ctx, view.telling, true),
      view.all && total > view.telling.length ? h('p.more', h('a', { href: ctx.href(view.all) }, `All ${plural(total, 'section')}, by conference →`)) : null,
    ]),
    ...view.reporters.map((r) => {
      const conference = ctx.site.conference.get(r.conference)!
      return sideBySide(ctx, 'h2', `${r.reports.length} reporters on ${name} at ${conference.name}`, `reporters-${r.conference}`, r.reports, false, conference.url)
    }),
  ]
}

/** Sections per year, for the index pages: one entry per year however many conferences it had. */
function perYear(groups: YearGroup[]): [number, number][] {
  const years = new Map<number, number>()
  for (const g of groups) years.set(g.year, (years.get(g.year) ?? 0) + g.mentions.length)
  return [...years]
}

/** One page of a topic's or project's mentions, all of them across the pages, by conference. */
export function tagAllPage(ctx: PageContext, tag: { name: string; url: SitePath }, current: 'topics' | 'projects', groups: YearGroup[], pager: PageOf<unknown>, continued?: string): Root {
  return layout(ctx, {
    title: `${tag.name}: all sections${pager.pages.length > 1 ? `, page ${pager.page} of ${pager.pages.length}` : ''}`,
    description: `Every section that mentions ${tag.name}, by conference.`,
    current,
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [
        h('li', h('a', { href: ctx.href(`${current}/`) }, current === 'topics' ? 'Topics' : 'Projects')),
        h('li', h('a', { href: ctx.href(tag.url) }, tag.name)),
      ])),
      h('header.page-header', [h('h1', `${tag.name}: all ${plural(pager.total, 'section')}`)]),
      ...mentionsByYear(ctx, groups, continued),
      pagerNav(ctx, pager),
    ],
  })
}

/** `summary`: one generated sentence on where and when it was discussed (src/emit/views.ts). */
export function topicPage(ctx: PageContext, topic: Topic, view: TagView, trend: ColumnPoint[], summary: string): Root {
  return layout(ctx, {
    title: topic.name,
    description: topic.description,
    current: 'topics',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [h('li', h('a', { href: ctx.href('topics/') }, 'Topics'))])),
      h('header.page-header', [
        h('h1', topic.name),
        h('p.lead.where-and-when', summary),
        h('p', topic.description),
        h('p.meta', `${plural(topic.sections.length, 'section')} in ${plural(topic.byYear.length, 'conference')}`),
        topic.aliases.length ? h('p.aliases', ['Aliases: ', topic.aliases.join(', ')]) : null,
        topic.generic?.length ? h('p.aliases', ['Everyday words (counted, never linked): ', topic.generic.join(', ')]) : null,
      ]),
      h('section', { ariaLabelledby: 'trend-title' }, [h('h2#trend-title', 'Over the years'), trendChart(ctx, topic, trend)]),
      topic.speakers.length ? h('section', { ariaLabelledby: 'speakers-title' }, [h('h2#speakers-title', `Who spoke about ${inSentence(topic.name)}`), speakersLine(ctx, topic.speakers)]) : null,
      topic.projects.length ? h('section', { ariaLabelledby: 'projects-title' }, [h('h2#projects-title', 'Projects'), ...topicProjects(ctx, topic)]) : null,
      topic.cooccurring.length
        ? h('section', { ariaLabelledby: 'cooccurring-title' }, [
            h('h2#cooccurring-title', 'Discussed together with'),
            h('ul.chips', topic.cooccurring.map((c) => {
              const other = ctx.site.topic.get(c.topic)!
              return h('li', h('a.chip', { href: ctx.href(other.url) }, [other.name, ' ', count(c.count)]))
            })),
          ])
        : null,
      ...tagBody(ctx, inSentence(topic.name), topic.sections.length, view, 'No section mentions this topic yet.'),
    ],
  })
}

/**
 * The topic's projects that reports name, most named first, each with its count; the others
 * as plain text, since their pages have nothing to show yet.
 */
function topicProjects(ctx: PageContext, topic: Topic): ElementContent[] {
  const projects = topic.projects.map((id) => ctx.site.project.get(id)!)
  const named = projects.filter((p) => p.sections.length > 0).sort((a, b) => b.sections.length - a.sections.length)
  const unnamed = projects.filter((p) => p.sections.length === 0)
  const out: ElementContent[] = []
  if (named.length) out.push(h('ul.chips.chips-project', { ariaLabel: 'Projects' }, named.map((p) => h('li', h('a.chip', { href: ctx.href(p.url) }, [p.name, ' ', count(p.sections.length)])))))
  if (unnamed.length) out.push(h('p.meta', `Not named in any report yet: ${unnamed.map((p) => p.name).join(', ')}.`))
  return out
}

export function topicsIndexPage(ctx: PageContext, topics: Topic[], map: MapView): Root {
  return layout(ctx, {
    title: 'Topics',
    description: 'Themes that recur across the trip reports.',
    current: 'topics',
    main: [
      h('header.page-header', [h('h1', 'Topics'), h('p.lead', 'Themes that recur across the reports, and how often each was discussed.')]),
      h('section', { ariaLabelledby: 'map-title' }, [h('h2#map-title', 'Topics by conference'), heatmap(ctx, map)]),
      h('h2', 'All topics'),
      h('ul.card-list.topic-list', topics.map((t) =>
        h('li.card', [
          h('h2', h('a', { href: ctx.href(t.url) }, t.name)),
          h('p.meta', `${plural(t.sections.length, 'section')} · ${perYear(t.byYear).map(([year, n]) => `${year}: ${n}`).join(' · ') || 'not mentioned yet'}`),
          h('p', t.description),
        ]),
      )),
    ],
  })
}

/** `summary`: one generated sentence on where and when it was named (src/emit/views.ts). */
export function projectPage(ctx: PageContext, project: Project, view: TagView, trend: ColumnPoint[], summary: string): Root {
  return layout(ctx, {
    title: project.name,
    description: `${project.name} in the trip reports: the sections that mention it.`,
    current: 'projects',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [h('li', h('a', { href: ctx.href('projects/') }, 'Projects'))])),
      h('header.page-header', [
        h('h1', project.name),
        h('p.lead.where-and-when', summary),
        h('p.meta', [
          plural(project.sections.length, 'section'),
          project.homepage ? [' · ', h('a', { href: project.homepage, rel: 'external' }, 'Homepage')] : null,
        ]),
        project.aliases.length ? h('p.aliases', ['Aliases: ', project.aliases.join(', ')]) : null,
        topicChips(ctx, project.topics),
      ]),
      project.sections.length ? h('section', { ariaLabelledby: 'trend-title' }, [h('h2#trend-title', 'Over the years'), trendChart(ctx, { id: project.id, name: project.name, focus: false }, trend)]) : null,
      project.speakers.length ? h('section', { ariaLabelledby: 'speakers-title' }, [h('h2#speakers-title', `Who spoke about ${project.name}`), speakersLine(ctx, project.speakers)]) : null,
      ...tagBody(ctx, project.name, project.sections.length, view, 'No section mentions this project yet.'),
    ],
  })
}

export function projectsIndexPage(ctx: PageContext, projects: Project[]): Root {
  return layout(ctx, {
    title: 'Projects',
    description: 'Projects, products and tools named in the trip reports.',
    current: 'projects',
    main: [
      h('header.page-header', [h('h1', 'Projects'), h('p.lead', 'Projects, products and tools the reports name, with how many sections mention each.')]),
      h('div.table-wrap', h('table', [
        h('caption.visually-hidden', 'Projects and the number of sections that mention them'),
        h('thead', h('tr', [h('th', { scope: 'col' }, 'Project'), h('th', { scope: 'col' }, 'Sections'), h('th', { scope: 'col' }, 'Years'), h('th', { scope: 'col' }, 'Topics')])),
        h('tbody', projects.map((p) =>
          h('tr', [
            h('th', { scope: 'row' }, h('a', { href: ctx.href(p.url) }, p.name)),
            h('td.num', String(p.sections.length)),
            h('td', perYear(p.byYear).map(([year]) => String(year)).join(', ')),
            h('td', p.topics.map((t) => ctx.site.topic.get(t)!.name).join(', ')),
          ]),
        )),
      ])),
    ],
  })
}
