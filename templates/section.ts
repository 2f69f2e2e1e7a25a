import type { Root } from 'hast'
import { h } from './h.ts'
import type { Related, Section, SectionMention } from '../src/link/graph.ts'
import { layout, type PageContext } from './layout.ts'
import { kindBadge, kindLabel, projectChips, quote, sectionSource, speakerLinks, topicChips } from './parts.ts'

/** What a section page shows beside the section; chosen in src/emit/pages.ts. */
export interface SectionView {
  /** Other sections of its report on one of its topics (not its neighbours), with those topics. */
  sameReport: { section: string; topics: string[] }[]
  /** Sections of other reports sharing its rarer topics, projects and speakers, best first. */
  related: Related[]
  /** The sentence of a section that names a topic or project, when there is one. */
  sentenceOf: (section: string, tag: string) => SectionMention | undefined
}

export function sectionPage(ctx: PageContext, section: Section, view: SectionView): Root {
  const { site } = ctx
  const report = site.report.get(section.report)!
  const conference = site.conference.get(section.conference)!
  const previous = section.previous ? site.section.get(section.previous) : undefined
  const next = section.next ? site.section.get(section.next) : undefined

  return layout(ctx, {
    title: `${section.title} — ${report.title}`,
    description: section.text.slice(0, 160),
    current: section.kind === 'note' ? 'reports' : 'sessions',
    main: [
      h('nav.breadcrumbs', { ariaLabel: 'Breadcrumb' }, h('ol', [
        h('li', h('a', { href: ctx.href(conference.url) }, conference.name)),
        h('li', h('a', { href: ctx.href(report.url) }, report.title)),
        section.group ? h('li', section.group) : null,
      ])),
      h('article.section-page', [
        h('header.page-header', [
          h('p.eyebrow', [kindBadge(section.kind), section.group ? ` ${section.group}` : '']),
          h('h1', section.title),
          h('dl.facts', [
            h('dt', 'Report'),
            h('dd', h('a', { href: ctx.href(report.url, section.slug) }, report.title)),
            h('dt', 'Conference'),
            h('dd', h('a', { href: ctx.href(conference.url) }, conference.name)),
            section.people.length ? [h('dt', section.people.length === 1 ? 'Speaker' : 'Speakers'), h('dd', speakerLinks(ctx, section))] : null,
            h('dt', 'Kind'),
            h('dd', kindLabel[section.kind]),
          ]),
          topicChips(ctx, section.topics),
          projectChips(ctx, section.projects),
        ]),
        h('div.prose', section.content.children),
      ]),
      h('nav.pager', { ariaLabel: 'Previous and next in this report' }, [
        previous ? h('a.pager-previous', { href: ctx.href(previous.url), rel: 'prev' }, [h('span.pager-label', 'Previous'), previous.title]) : h('span'),
        next ? h('a.pager-next', { href: ctx.href(next.url), rel: 'next' }, [h('span.pager-label', 'Next'), next.title]) : h('span'),
      ]),
      view.sameReport.length
        ? h('section.related', { ariaLabelledby: 'same-report-title' }, [
            h('h2#same-report-title', 'More in this report'),
            h('ol.related-list', view.sameReport.map((r) => {
              const other = site.section.get(r.section)!
              return h('li', [
                h('a', { href: ctx.href(other.url) }, other.title),
                ' ',
                kindBadge(other.kind),
                h('p.reasons', ['Also on ', names(ctx, r.topics, [], [])]),
              ])
            })),
          ])
        : null,
      view.related.length
        ? h('section.related', { ariaLabelledby: 'related-title' }, [
            h('h2#related-title', 'In other reports'),
            h('ol.related-list', view.related.map((r) => {
              const other = site.section.get(r.section)!
              const otherReport = site.report.get(other.report)!
              const sentence = r.shared.topics.map((t) => view.sentenceOf(other.id, t)).find((x) => x) ?? r.shared.projects.map((p) => view.sentenceOf(other.id, p)).find((x) => x)
              return h('li', [
                // A generic title ("Introduction") says nothing alone: its report names it.
                h('a', { href: ctx.href(other.url) }, isGenericTitle(other.title) ? `${otherReport.title} › ${other.title}` : other.title),
                ' ',
                kindBadge(other.kind),
                h('p.meta', sectionSource(ctx, other)),
                h('p.reasons', ['Shares ', names(ctx, r.shared.topics, r.shared.projects, r.shared.speakers)]),
                sentence ? quote(sentence) : null,
              ])
            })),
          ])
        : null,
    ],
  })
}

/** Section titles that need their report's name to mean anything. */
const genericTitles = /^(intro(duction)?|summary|conclusions?|takeaways?|key takeaways|overview|notes|wrap[- ]?up|recap|highlights|thoughts|final thoughts|impressions|day \d+|misc(ellaneous)?|other|keynotes?|the venue|venue|lunch)$/i
export function isGenericTitle(title: string): boolean {
  return genericTitles.test(title.trim())
}

function names(ctx: PageContext, topics: string[], projects: string[], speakers: string[]): string {
  const names = [...topics.map((t) => ctx.site.topic.get(t)!.name), ...projects.map((p) => ctx.site.project.get(p)!.name), ...speakers.map((s) => `speaker ${ctx.site.person.get(s)?.name ?? s}`)]
  return names.join(', ')
}
