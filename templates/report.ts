import type { Element, ElementContent, Root } from 'hast'
import { h } from './h.ts'
import type { Report } from '../src/link/graph.ts'
import type { OutlineItem } from '../src/parse/report.ts'
import { layout, type PageContext } from './layout.ts'
import { formatDate, kindBadge, plural, speakerLinks, topicChips } from './parts.ts'

/** Topics shown in a report's header before "all topics". */
const focusLimit = 5

export function reportPage(ctx: PageContext, report: Report): Root {
  const { site } = ctx
  const conference = site.conference.get(report.conference)!
  const heading = (level: number) => `h${Math.min(6, 2 + level)}`

  const body: ElementContent[] = report.outline.map((item) => {
    if (item.type === 'group') return h(`${heading(item.level)}.group-heading`, { id: item.id }, [item.title, anchor(item.id, item.title)])
    const s = site.section.get(`${report.id}/${item.slug}`)!
    // The section's anchor is its id; its title (the text only) links to the section's own page.
    return h('section.report-section', { id: s.slug }, [
      h(`${heading(item.level)}.section-title`, [h('a', { href: ctx.href(s.url) }, s.title), anchor(s.slug, s.title)]),
      h('div.section-meta', [kindBadge(s.kind), s.people.length ? h('span.speakers', speakerLinks(ctx, s)) : null]),
      // What the section is about; its passing mentions are linked in its text, and all of its
      // topics are on its own page.
      topicChips(ctx, s.focus),
      h('div.prose', s.content.children),
    ])
  })

  return layout(ctx, {
    title: report.title,
    description: report.summary,
    current: 'reports',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [
        h('li', h('a', { href: ctx.href('reports/') }, 'Reports')),
        h('li', h('a', { href: ctx.href(conference.url) }, conference.name)),
      ])),
      h('article.report', [
        h('header.page-header', [
          h('h1', report.title),
          h('p.lead', report.summary),
          h('dl.facts', [
            fact('Conference', h('a', { href: ctx.href(conference.url) }, conference.name)),
            fact('Reporter', report.by),
            report.published ? fact('Published', h('time', { dateTime: report.published }, formatDate(report.published))) : null,
            report.source ? fact('Original', h('a', { href: report.source, rel: 'external' }, new URL(report.source).host)) : null,
            fact('Length', `${plural(report.sections.length, 'section')}, ${plural(report.wordCount, 'word')}`),
          ]),
          focusChips(ctx, report),
        ]),
        h('div.report-layout', [
          // Open for the rail on wide screens; the browser script folds it on phones.
          h('nav.toc', { ariaLabel: 'On this page' }, h('details.toc-details', { open: true }, [h('summary', h('span.toc-title', `On this page · ${plural(report.sections.length, 'section')}`)), toc(ctx, report)])),
          h('div.report-body', body),
        ]),
      ]),
    ],
  })
}

/** A heading's copyable "#" link to itself. */
function anchor(id: string, title: string): ElementContent {
  return h('a.anchor', { href: `#${id}`, ariaLabel: `Link to “${title}”` }, '#')
}

/** The report's focus topics first; the rest behind "all topics". */
function focusChips(ctx: PageContext, report: Report): ElementContent | null {
  if (report.topics.length <= focusLimit) return topicChips(ctx, report.topics, 'Topics')
  const focus = report.focus.slice(0, focusLimit)
  const rest = report.topics.filter((t) => !focus.includes(t))
  return h('div.report-topics', [
    topicChips(ctx, focus, 'Focus topics'),
    h('details.all-topics', [h('summary', `All ${report.topics.length} topics`), topicChips(ctx, rest, 'Other topics')]),
  ])
}

function fact(term: string, value: ElementContent | string): ElementContent[] {
  return [h('dt', term), h('dd', value)]
}

/** Nested list following the outline's levels. */
function toc(ctx: PageContext, report: Report): Element {
  const root = h('ol')
  const stack: { level: number; list: Element }[] = [{ level: 0, list: root }]
  let lastItem: Element | undefined
  for (const item of report.outline as OutlineItem[]) {
    while (stack.length > 1 && stack.at(-1)!.level > item.level) stack.pop()
    if (item.level > stack.at(-1)!.level && lastItem) {
      const list = h('ol')
      lastItem.children.push(list)
      stack.push({ level: item.level, list })
    }
    const label =
      item.type === 'group'
        ? h('a', { href: `#${item.id}` }, item.title)
        : (() => {
            const s = ctx.site.section.get(`${report.id}/${item.slug}`)!
            return h('a', { href: `#${s.slug}` }, [s.title, s.kind !== 'note' ? h('span.toc-kind', ` · ${s.kind}`) : null])
          })()
    lastItem = h('li', label)
    stack.at(-1)!.list.children.push(lastItem)
  }
  return root
}
