/** Small pieces shared by page templates. They render records; they compute nothing. */
import type { ElementContent } from 'hast'
import { h } from './h.ts'
import type { Section, SectionMention } from '../src/link/graph.ts'
import type { TagSpeaker } from '../src/link/people.ts'
import type { SectionKind } from '../src/validate/schema.ts'
import { pageWindow, type PageOf } from '../src/emit/views.ts'
import type { PageContext } from './layout.ts'

export const kindLabel: Record<SectionKind, string> = {
  talk: 'Talk',
  keynote: 'Keynote',
  bof: 'BoF',
  workshop: 'Workshop',
  lightning: 'Lightning talk',
  note: 'Note',
}

export function kindBadge(kind: SectionKind): ElementContent {
  return h(`span.kind.kind-${kind}`, kindLabel[kind])
}

export function topicChips(ctx: PageContext, ids: readonly string[], label = 'Topics'): ElementContent | null {
  if (ids.length === 0) return null
  return h('ul.chips', { ariaLabel: label }, ids.map((id) => {
    const t = ctx.site.topic.get(id)!
    return h('li', h('a.chip', { href: ctx.href(t.url) }, t.name))
  }))
}

export function projectChips(ctx: PageContext, ids: readonly string[], label = 'Projects'): ElementContent | null {
  if (ids.length === 0) return null
  return h('ul.chips.chips-project', { ariaLabel: label }, ids.map((id) => {
    const p = ctx.site.project.get(id)!
    return h('li', h('a.chip', { href: ctx.href(p.url) }, p.name))
  }))
}

/** "Report title · KubeCon Europe 2018" line under a section link. */
export function sectionSource(ctx: PageContext, section: Section, withConference = true): ElementContent {
  const report = ctx.site.report.get(section.report)!
  const conference = ctx.site.conference.get(section.conference)!
  return h('span.source', withConference ? [report.title, ' · ', conference.name] : [report.title])
}

/** Previous, next, and a window of page numbers of a paginated list; nothing when it fits on one. */
export function pagerNav(ctx: PageContext, pager: PageOf<unknown>): ElementContent | null {
  if (pager.pages.length <= 1) return null
  const at = pager.page - 1
  return h('nav.pager.pager-pages', { ariaLabel: 'Pages' }, [
    at > 0 ? h('a.pager-previous', { href: ctx.href(pager.pages[at - 1]!), rel: 'prev' }, 'Previous page') : h('span'),
    h('ol.page-numbers', pageWindow(pager.pages.length, pager.page).map((n) =>
      n === null
        ? h('li.page-gap', { ariaHidden: 'true' }, '…')
        : h('li', n === pager.page ? h('span', { ariaCurrent: 'page' }, String(n)) : h('a', { href: ctx.href(pager.pages[n - 1]!) }, String(n))),
    )),
    at < pager.pages.length - 1 ? h('a.pager-next', { href: ctx.href(pager.pages[at + 1]!), rel: 'next' }, 'Next page') : h('span'),
  ])
}

/** A quoted sentence with the mention marked. */
export function quote(mention: SectionMention): ElementContent | null {
  if (!mention.sentence) return null
  const { sentence, start, end } = mention
  return h('blockquote.mention', h('p', [sentence.slice(0, start), h('mark', sentence.slice(start, end)), sentence.slice(end)]))
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const formatted = new Map<string, string>()

/** "11 May 2018". One formatter for the whole build: creating one per call was a hot spot. */
export function formatDate(iso: string): string {
  let text = formatted.get(iso)
  if (text === undefined) formatted.set(iso, (text = dateFormat.format(new Date(iso + 'T00:00:00Z'))))
  return text
}

export function dateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`
}

export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`
}

/**
 * Two or more reporters on one theme at one conference, side by side: each report's
 * sections with the sentence that names the theme.
 */
export function sideBySide(
  ctx: PageContext,
  headingLevel: 'h2' | 'h3',
  heading: string,
  id: string,
  reports: { report: string; mentions: SectionMention[] }[],
  /** Without the quoted sentences, where many themes share a page (the conference page). */
  compact = false,
  /** Where the heading links: the theme's own page. */
  link?: string,
): ElementContent {
  return h('section.side-by-side', { ariaLabelledby: id }, [
    h(headingLevel, { id }, link ? h('a', { href: ctx.href(link) }, heading) : heading),
    h('div.columns', reports.map((r) => {
      const report = ctx.site.report.get(r.report)!
      return h('div.column', [
        h('p.column-title', [h('a', { href: ctx.href(report.url) }, report.title), h('span.meta', ` · ${report.by}`)]),
        h('ul.mention-list', r.mentions.map((m) => {
          const s = ctx.site.section.get(m.section)!
          return h('li', [h('a.mention-title', { href: ctx.href(s.url) }, s.title), ' ', kindBadge(s.kind), compact ? null : quote(m)])
        })),
      ])
    })),
  ])
}

/** A number of sections on a chip: the digits shown, the word read out. */
export function count(n: number, word = 'section'): ElementContent {
  return h('span.count', [String(n), h('span.visually-hidden', ` ${n === 1 ? word : word + 's'}`)])
}

/** A name as it reads mid-sentence: "Service mesh" → "service mesh", but "GitOps" and "CI/CD" stay. */
export function inSentence(name: string): string {
  return /^\p{Lu}[^\p{Lu}]*$/u.test(name.split(' ')[0]!) ? name[0]!.toLowerCase() + name.slice(1) : name
}

/**
 * A section's speakers, each linked to their page: "Jane Roe (Acme), Sam Poe". With
 * `affiliations` false, names only, for lists.
 */
export function speakerLinks(ctx: PageContext, section: Section, affiliations = true): ElementContent[] {
  const out: ElementContent[] = []
  section.people.forEach((speaker, i) => {
    const person = ctx.site.person.get(speaker.person)!
    if (i > 0) out.push({ type: 'text', value: ', ' })
    out.push(h('a.person', { href: ctx.href(person.url) }, person.name))
    if (affiliations && speaker.affiliation) out.push({ type: 'text', value: ` (${speaker.affiliation})` })
  })
  return out
}

/** People who spoke about a topic or project, each with their sessions on it: the first few linked, the count of the rest. */
export function speakersLine(ctx: PageContext, speakers: readonly TagSpeaker[], limit = 12): ElementContent | null {
  if (speakers.length === 0) return null
  const shown = speakers.slice(0, limit)
  return h('ul.people-list', { ariaLabel: 'Speakers' }, [
    ...shown.map(({ person, count }) => {
      const p = ctx.site.person.get(person)!
      return h('li', [h('a.person', { href: ctx.href(p.url) }, p.name), ' ', h('span.meta', `(${plural(count, 'session')})`)])
    }),
    speakers.length > limit ? h('li.meta', `and ${speakers.length - limit} more on the speakers page`) : null,
  ])
}
