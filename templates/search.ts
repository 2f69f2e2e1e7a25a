import type { Root } from 'hast'
import { indexFile } from '../src/search/format.ts'
import { h } from './h.ts'
import { layout, type PageContext } from './layout.ts'
import { kindLabel } from './parts.ts'
import { sessionKinds, type SectionKind } from '../src/validate/schema.ts'

export interface SearchPageProps {
  years: number[]
  topics: { id: string; name: string }[]
  /** The kinds the content has: a filter for a kind with no section would always find nothing. */
  kinds: SectionKind[]
  sectionCount: number
}

function kindOptions(kinds: readonly SectionKind[]): [string, string][] {
  const sessions = sessionKinds.filter((k) => kinds.includes(k))
  return [
    ['', 'All kinds'],
    ...(sessions.length ? [['sessions', 'Sessions'] as [string, string]] : []),
    ...(kinds.includes('note') ? [['notes', 'Notes'] as [string, string]] : []),
    ...(sessions.length > 1 ? sessions.map((k): [string, string] => [k, kindLabel[k]]) : []),
  ]
}

export function searchPage(ctx: PageContext, { years, topics, kinds, sectionCount }: SearchPageProps): Root {
  const select = (name: string, label: string, options: [string, string][]) =>
    h('div.filter', [
      h('label', { for: `filter-${name}` }, label),
      h('select', { id: `filter-${name}`, name }, options.map(([value, text]) => h('option', { value }, text))),
    ])

  return layout(ctx, {
    title: 'Search',
    description: `Search ${sectionCount} sessions and notes by keyword, topic or project.`,
    current: 'search',
    main: [
      h('header.page-header', [h('h1', 'Search'), h('p.lead', `Search ${sectionCount} sessions and notes by keyword, speaker, topic or project.`)]),
      h('form.search-page-form', { role: 'search', ariaLabel: 'Search with filters', action: './', method: 'get', dataSearchPage: '' }, [
        h('div.search-form', [
          h('label.visually-hidden', { for: 'search-page' }, 'Search sessions and notes'),
          h('input#search-page', { type: 'search', name: 'q', placeholder: 'e.g. service mesh 2019, Prometheus, gitops', autocomplete: 'off', dataSearchShortcut: '/' }),
          h('button', { type: 'submit' }, 'Search'),
        ]),
        h('fieldset.filters', [
          h('legend.visually-hidden', 'Filters'),
          select('year', 'Year', [['', 'All years'], ...years.map((y): [string, string] => [String(y), String(y)])]),
          select('kind', 'Kind', kindOptions(kinds)),
          select('topic', 'Topic', [['', 'All topics'], ...topics.map((t): [string, string] => [t.id, t.name])]),
        ]),
      ]),
      h('p#search-status.search-status', { role: 'status', ariaLive: 'polite' }, h('noscript', 'Search needs JavaScript. Browse the topics, projects and talks from the menu instead.')),
      h('div.search-chips', { hidden: true, dataSearchChips: '', ariaLabel: 'Filters from your query', role: 'group' }),
      h('nav.quick-links', { ariaLabel: 'Topics, projects and speakers', hidden: true, dataSearchLinks: '' }),
      h('ol.results', { dataSearchResults: '', ariaBusy: 'false', ariaLabel: 'Search results', dataSectionCount: String(sectionCount) }),
      // The search interface, fetched with site.js rather than after it: here it is needed at
      // once, and waiting for site.js to ask for it cost the first result a round trip. The
      // index too, as the script element that loads it over http and from disk
      // (src/browser/handover.ts) asks for it: a fetch() preload is refused from disk.
      h('link', { rel: 'preload', href: ctx.href(indexFile), as: 'script' }),
      h('script', { src: ctx.href('assets/search-ui.js'), defer: true, dataRecapSearch: '' }),
    ],
  })
}
