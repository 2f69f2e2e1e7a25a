/** Speaker pages: one per person, and the index of everyone who spoke. */
import type { ElementContent, Root } from 'hast'
import { h } from './h.ts'
import type { Person } from '../src/link/graph.ts'
import type { PageOf } from '../src/emit/views.ts'
import { layout, type PageContext } from './layout.ts'
import { count, kindBadge, pagerNav, plural } from './parts.ts'

/** Sessions listed on a speaker's page, the latest first in weight. */
const sessionsLimit = 50
/** Topics and projects on a speaker's page: those of most of their sessions. */
const tagLimit = 15

export function speakerPage(ctx: PageContext, person: Person): Root {
  const { site } = ctx
  const all = person.sessions.map((id) => site.section.get(id)!)
  // Bounded: the most recent sessions (the list is in conference order).
  const sessions = all.slice(-sessionsLimit)
  const years = [...new Set(all.map((s) => s.year))]
  return layout(ctx, {
    title: person.name,
    description: `${person.name}: ${plural(all.length, 'session')} in the trip reports, and the topics they spoke about.`,
    current: 'speakers',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [h('li', h('a', { href: ctx.href('speakers/') }, 'Speakers'))])),
      h('header.page-header', [
        h('h1', person.name),
        h('p.lead', `${plural(all.length, 'session')} in ${years.join(', ')}${person.affiliations.length ? `, with ${person.affiliations.join(', ')}` : ''}.`),
        person.aliases.length ? h('p.aliases', ['Also written: ', person.aliases.join(', ')]) : null,
      ]),
      person.topics.length ? h('section', { ariaLabelledby: 'person-topics' }, [h('h2#person-topics', 'Spoke about'), tagCounts(ctx, person.topics.slice(0, tagLimit), 'topic')]) : null,
      person.projects.length ? h('section', { ariaLabelledby: 'person-projects' }, [h('h2#person-projects', 'Projects named in their sessions'), tagCounts(ctx, person.projects.slice(0, tagLimit), 'project')]) : null,
      h('section', { ariaLabelledby: 'person-sessions' }, [
        h('h2#person-sessions', 'Sessions'),
        all.length > sessions.length ? h('p.meta', `The latest ${sessions.length} of ${all.length}; the sessions pages by year list every one.`) : null,
        h('ul.mention-list', sessions.map((s) => {
          const report = site.report.get(s.report)!
          const conference = site.conference.get(s.conference)!
          return h('li', [
            h('a.mention-title', { href: ctx.href(s.url) }, s.title),
            ' ',
            kindBadge(s.kind),
            h('p.meta', [h('a', { href: ctx.href(conference.url) }, conference.name), ' · reported in ', h('a', { href: ctx.href(report.url) }, report.title), ` by ${report.by}`]),
          ])
        })),
      ]),
    ],
  })
}

function tagCounts(ctx: PageContext, tags: { id: string; count: number }[], type: 'topic' | 'project'): ElementContent {
  return h(type === 'topic' ? 'ul.chips' : 'ul.chips.chips-project', tags.map(({ id, count: n }) => {
    const tag = type === 'topic' ? ctx.site.topic.get(id)! : ctx.site.project.get(id)!
    return h('li', h('a.chip', { href: ctx.href(tag.url) }, [tag.name, ' ', count(n, 'session')]))
  }))
}

export function speakersIndexPage(ctx: PageContext, pager: PageOf<Person>): Root {
  return layout(ctx, {
    title: pager.pages.length > 1 ? `Speakers, page ${pager.page} of ${pager.pages.length}` : 'Speakers',
    description: 'Everyone who gave a session the reports covered, with what they spoke about.',
    current: 'speakers',
    main: [
      h('header.page-header', [h('h1', 'Speakers'), h('p.lead', `${plural(pager.total, 'person', 'people')} who gave a session the reports covered, by name.`)]),
      h('ul.card-list.people-index', pager.items.map((p) =>
        h('li.card', [
          h('h2', h('a', { href: ctx.href(p.url) }, p.name)),
          h('p.meta', [
            plural(p.sessions.length, 'session'),
            p.topics.length ? ` · ${p.topics.slice(0, 3).map((t) => ctx.site.topic.get(t.id)!.name).join(', ')}` : '',
          ]),
        ]),
      )),
      pagerNav(ctx, pager),
    ],
  })
}
