import type { ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Project, Reporters, Topic, YearGroup } from '../src/link/graph.ts'
import { layout, type PageContext } from './layout.ts'
import { heatmap, trendChart } from './charts.ts'
import { count, inSentence, kindBadge, plural, projectChips, quote, sectionSource, sideBySide, topicChips } from './parts.ts'

/**
 * Mentions grouped by conference, each with the sentence that names the topic or project.
 * Where two or more reports of a conference discuss it, their sections stand side by side.
 */
export function mentionsByYear(ctx: PageContext, name: string, groups: YearGroup[], reporters: Reporters[]): ElementContent[] {
  return groups.map((g) => {
    const conference = ctx.site.conference.get(g.conference)!
    const several = reporters.find((r) => r.conference === g.conference)
    return h('section.year-group', { ariaLabelledby: `year-${g.conference}` }, [
      h('h2', { id: `year-${g.conference}` }, [h('a', { href: ctx.href(conference.url) }, conference.name), h('span.count', ` ${plural(g.mentions.length, 'section')}`)]),
      several
        ? sideBySide(ctx, 'h3', `${several.reports.length} reporters on ${name} at ${conference.name}`, `reporters-${g.conference}`, several.reports)
        : mentionList(ctx, g),
    ])
  })
}

function mentionList(ctx: PageContext, g: YearGroup): ElementContent {
  return h('ul.mention-list', g.mentions.map((m) => {
        const s = ctx.site.section.get(m.section)!
        return h('li', [
          h('a.mention-title', { href: ctx.href(s.url) }, s.title),
          ' ',
          kindBadge(s.kind),
          h('p.meta', sectionSource(ctx, s)),
          quote(m),
        ])
      }))
}

export function topicPage(ctx: PageContext, topic: Topic): Root {
  return layout(ctx, {
    title: topic.name,
    description: topic.description,
    current: 'topics',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [h('li', h('a', { href: ctx.href('topics/') }, 'Topics'))])),
      h('header.page-header', [
        h('h1', topic.name),
        h('p.lead', topic.description),
        h('p.meta', `${plural(topic.sections.length, 'section')} in ${plural(topic.byYear.length, 'conference')}`),
        topic.aliases.length ? h('p.aliases', ['Also matched: ', topic.aliases.join(', ')]) : null,
      ]),
      h('section', { ariaLabelledby: 'trend-title' }, [h('h2#trend-title', 'Over the years'), trendChart(ctx, topic)]),
      topic.projects.length ? h('section', { ariaLabelledby: 'projects-title' }, [h('h2#projects-title', 'Projects'), projectChips(ctx, topic.projects)]) : null,
      topic.cooccurring.length
        ? h('section', { ariaLabelledby: 'cooccurring-title' }, [
            h('h2#cooccurring-title', 'Discussed together with'),
            h('ul.chips', topic.cooccurring.map((c) => {
              const other = ctx.site.topic.get(c.topic)!
              return h('li', h('a.chip', { href: ctx.href(other.url) }, [other.name, ' ', count(c.count)]))
            })),
          ])
        : null,
      ...(topic.byYear.length ? mentionsByYear(ctx, inSentence(topic.name), topic.byYear, topic.reporters) : [h('p', 'No section mentions this topic yet.')]),
    ],
  })
}

export function topicsIndexPage(ctx: PageContext, topics: Topic[], mapTopics: Topic[]): Root {
  return layout(ctx, {
    title: 'Topics',
    description: 'Themes that recur across the trip reports.',
    current: 'topics',
    main: [
      h('header.page-header', [h('h1', 'Topics'), h('p.lead', 'Themes that recur across the reports, and how often each was discussed.')]),
      h('section', { ariaLabelledby: 'map-title' }, [h('h2#map-title', 'Topics by conference'), heatmap(ctx, mapTopics, ctx.site.conferences)]),
      h('h2', 'All topics'),
      h('ul.card-list.topic-list', topics.map((t) =>
        h('li.card', [
          h('h2', h('a', { href: ctx.href(t.url) }, t.name)),
          h('p.meta', `${plural(t.sections.length, 'section')} · ${t.byYear.map((g) => `${g.year}: ${g.mentions.length}`).join(' · ') || 'not mentioned yet'}`),
          h('p', t.description),
        ]),
      )),
    ],
  })
}

export function projectPage(ctx: PageContext, project: Project): Root {
  return layout(ctx, {
    title: project.name,
    description: `${project.name} in the trip reports: every section that mentions it, by year.`,
    current: 'projects',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [h('li', h('a', { href: ctx.href('projects/') }, 'Projects'))])),
      h('header.page-header', [
        h('h1', project.name),
        h('p.meta', [
          plural(project.sections.length, 'section'),
          project.homepage ? [' · ', h('a', { href: project.homepage, rel: 'external' }, 'Homepage')] : null,
        ]),
        project.aliases.length ? h('p.aliases', ['Also matched: ', project.aliases.join(', ')]) : null,
        topicChips(ctx, project.topics),
      ]),
      ...(project.byYear.length ? mentionsByYear(ctx, project.name, project.byYear, project.reporters) : [h('p', 'No section mentions this project yet.')]),
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
            h('td', p.byYear.map((g) => String(g.year)).join(', ')),
            h('td', p.topics.map((t) => ctx.site.topic.get(t)!.name).join(', ')),
          ]),
        )),
      ])),
    ],
  })
}
