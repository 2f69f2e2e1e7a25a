/**
 * Charts built at build time as inline SVG, each with a data table for screen readers.
 * No client-side chart library: the numbers come from the records, the shapes from here.
 */
import type { Element, ElementContent } from 'hast'
import { s } from 'hastscript'
import { h } from './h.ts'
import type { Topic } from '../src/link/graph.ts'
import type { Column, ColumnPoint } from '../src/emit/views.ts'
import type { PageContext } from './layout.ts'
import { plural } from './parts.ts'

const percent = (share: number) => `${Math.round(share * 100)}%`
/** A coordinate to a tenth of a unit: finer is invisible, and sixteen digits a number weigh on every topic page. */
const r = (n: number) => Math.round(n * 10) / 10

/**
 * Why a column has no share to show: a conference without reports (or whose reports have no
 * sections) measured nothing, so it gets words, never "0 of 0" or a 0% bar.
 */
export function unmeasured(p: ColumnPoint): 'no reports' | 'no sections' | undefined {
  return p.reportTotal === 0 ? 'no reports' : p.total === 0 ? 'no sections' : undefined
}

/** "2 of 6 sections, 1 of 1 report": the count, then its base; the share only after. */
export function countAndBase(p: ColumnPoint): string {
  return unmeasured(p) ?? `${p.count} of ${plural(p.total, 'section')}, ${p.reports} of ${plural(p.reportTotal, 'report')}`
}
const thinNote = 'thin coverage'

/** "3 reports", "1 report · thin" or "no reports": what a column stands on. */
function basis(p: ColumnPoint): string {
  const none = unmeasured(p)
  if (none) return none
  return p.thin ? `${plural(p.reportTotal, 'report')} · thin` : plural(p.reportTotal, 'report')
}

/** What the topics × conferences map shows; chosen in src/emit/views.ts. */
export interface MapView {
  columns: Column[]
  rows: { topic: Topic; points: ColumnPoint[] }[]
}

/**
 * Bars per conference (or per year, for many conferences): the share of its sections that
 * mention the topic, the darker part those about it. Shares, not counts: one conference's
 * reports had 47 sections and another's 6, so 2 of 47 is less than 1 of 6, and a bar of
 * counts would say the opposite. Each bar is labelled with its count and base ("2 of 47").
 * Upright bars for a wide screen and a few columns; one row per column for a phone, where the
 * upright chart scaled to two thirds would leave 7 px labels, and for more than
 * `uprightColumns` columns at any width, whose labels would run into each other. With both
 * drawn, CSS shows one of them.
 */
/** Most columns the upright chart has room to label ("1 report · thin" is 85 px at 12 px). */
export const uprightColumns = 5

/** What a trend is of: a topic, whose sections may be about it, or a project, only ever named. */
export interface TrendOf {
  id: string
  name: string
  /** False for a project: its sections name it, none is *about* it (a topic's focus). */
  focus?: boolean
}

export function trendChart(ctx: PageContext, topic: TrendOf, points: ColumnPoint[]): ElementContent {
  const about = topic.focus !== false
  const perYear = points.some((p) => p.column.conferences.length !== 1 || !p.column.url)
  const per = perYear ? 'year' : 'conference'
  const ticks = wholeTicks(Math.max(1, ...points.map((p) => Math.ceil(p.share * 100))))
  const top = ticks.at(-1)!
  // A project has no sections about it: its bars are all "names it".
  const focusShare = (p: ColumnPoint) => (about && p.total ? p.focus / p.total : 0)
  const summary = points.map((p) => unmeasured(p)
    ? `${p.column.label}: ${unmeasured(p)}`
    : `${p.column.label}: ${countAndBase(p)} (${percent(p.share)})${about ? `, ${p.focus} about it` : ''}${p.thin ? `, ${thinNote}` : ''}`).join('; ')
  const title = `${topic.name}: share of sections per ${per}`
  const captionId = `trend-caption-${topic.id}`

  return h('div.trend', [
    h('figure', [
      ...(points.length <= uprightColumns
        ? [wideChart(topic, points, ticks, top, focusShare, title, summary, per), narrowChart(topic, points, top, focusShare)]
        : [narrowChart(topic, points, top, focusShare, { title, summary })]),
      h('figcaption', [
        about ? [h('span.legend.legend-focus', 'about it'), ' '] : null,
        h('span.legend.legend-mention', about ? 'mentions it' : 'names it'),
        ' · each bar: the share of that conference’s sections (from all its reports) that mention it, labelled with the count; “thin” marks a conference with one report or few sections, its share says little',
      ]),
    ]),
    // Focusable and named, so a keyboard can scroll it where it does not fit.
    h('div.table-wrap', { tabIndex: 0, role: 'region', ariaLabelledby: captionId }, h('table.trend-table', [
      h('caption', { id: captionId }, `${topic.name} per ${per}`),
      h('thead', h('tr', [h('th', { scope: 'col' }, perYear ? 'Year' : 'Conference'), h('th', { scope: 'col' }, 'Mentioning it'), about ? h('th', { scope: 'col' }, 'About it') : null, h('th', { scope: 'col' }, 'Share')])),
      h('tbody', points.map((p) => {
        const c = p.column
        const none = unmeasured(p)
        return h('tr', [
          h('th', { scope: 'row' }, c.url ? h('a', { href: ctx.href(c.url), title: c.title }, `${c.label} ${c.sub}`) : c.label),
          ...(none
            ? [h('td.unmeasured', { colSpan: about ? 3 : 2 }, none[0]!.toUpperCase() + none.slice(1))]
            : [
                h('td', [countAndBase(p), p.thin ? h('span.thin-mark', ` (${thinNote})`) : null]),
                about ? h('td.num', String(p.focus)) : null,
                h('td.num', percent(p.share)),
              ]),
        ])
      })),
    ])),
  ])
}

function wideChart(topic: TrendOf, points: ColumnPoint[], ticks: number[], top: number, focusShare: (p: ColumnPoint) => number, title: string, summary: string, per: string): Element {
  const width = 520
  const height = 270
  const margin = { top: 28, right: 12, bottom: 80, left: 60 }
  const plotW = width - margin.left - margin.right
  const plotH = height - margin.top - margin.bottom
  const y = (share: number) => r(margin.top + plotH - ((share * 100) / top) * plotH)
  const band = plotW / points.length
  const barW = r(Math.min(64, band * 0.6))
  const titleId = `trend-title-${topic.id}`
  const descId = `trend-desc-${topic.id}`
  const bars = points.flatMap((p, i) => {
    const x = r(margin.left + band * i + (band - barW) / 2)
    const mid = r(x + barW / 2)
    const labels = [
      s('text', { class: 'axis-label', x: mid, y: margin.top + plotH + 18, textAnchor: 'middle' }, p.column.label),
      s('text', { class: 'axis-label axis-sub', x: mid, y: margin.top + plotH + 33, textAnchor: 'middle' }, p.column.sub),
      s('text', { class: p.thin && !unmeasured(p) ? 'axis-label axis-sub axis-thin' : 'axis-label axis-sub', x: mid, y: margin.top + plotH + 48, textAnchor: 'middle' }, basis(p)),
    ]
    if (unmeasured(p)) return labels
    return [
      s('rect', { class: p.thin ? 'bar-mention bar-thin' : 'bar-mention', x, y: y(p.share), width: barW, height: r(y(0) - y(p.share)) }),
      s('rect', { class: 'bar-focus', x, y: y(focusShare(p)), width: barW, height: r(y(0) - y(focusShare(p))) }),
      s('text', { class: 'bar-label', x: mid, y: r(y(p.share) - 6), textAnchor: 'middle' }, `${p.count} of ${p.total}`),
      ...labels,
    ]
  })
  const grid = ticks.flatMap((t) => [
    s('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(t / 100), y2: y(t / 100) }),
    s('text', { class: 'axis-label', x: margin.left - 8, y: y(t / 100) + 4, textAnchor: 'end' }, `${t}%`),
  ])
  return s(
    'svg',
    { class: 'chart chart-wide', viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabelledby: `${titleId} ${descId}`, width: '100%', preserveAspectRatio: 'xMinYMin meet' },
    [
      s('title', { id: titleId }, title),
      s('desc', { id: descId }, summary),
      ...grid,
      s('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0) }),
      ...bars,
      s('text', { class: 'axis-title', x: 12, y: margin.top + plotH / 2, textAnchor: 'middle', transform: `rotate(-90 12 ${margin.top + plotH / 2})` }, 'Share of sections'),
      s('text', { class: 'axis-title', x: margin.left + plotW / 2, y: height - 4, textAnchor: 'middle' }, per === 'year' ? 'Year' : 'Conference'),
    ],
  )
}

/**
 * One row per column, drawn at about the width of a phone so its text stays at 13 px. Named by
 * `own` title and summary when it is the only chart; else by the upright chart's (a name may
 * come from hidden text), so the summary of every value is not written twice.
 */
function narrowChart(topic: TrendOf, points: ColumnPoint[], top: number, focusShare: (p: ColumnPoint) => number, own?: { title: string; summary: string }): Element {
  const width = 340
  const row = 68
  const height = points.length * row + 4
  const x = (share: number) => r(((share * 100) / top) * width)
  const rows = points.flatMap((p, i) => {
    const y0 = i * row + 2
    const none = unmeasured(p)
    return [
      s('text', { class: 'axis-label', x: 0, y: y0 + 14 }, `${p.column.label} ${p.column.sub}`),
      none ? null : s('text', { class: 'bar-label', x: width, y: y0 + 14, textAnchor: 'end' }, `${p.count} of ${p.total} · ${percent(p.share)}`),
      none ? null : s('rect', { class: p.thin ? 'bar-mention bar-thin' : 'bar-mention', x: 0, y: y0 + 21, width: x(p.share), height: 16 }),
      none ? null : s('rect', { class: 'bar-focus', x: 0, y: y0 + 21, width: x(focusShare(p)), height: 16 }),
      s('text', { class: p.thin && !none ? 'axis-label axis-sub axis-thin' : 'axis-label axis-sub', x: 0, y: y0 + 52 }, basis(p)),
    ].filter((e) => e !== null)
  })
  return s(
    'svg',
    { class: own ? 'chart chart-narrow chart-only' : 'chart chart-narrow', viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabelledby: `trend-title-${topic.id} trend-desc-${topic.id}`, width: '100%', preserveAspectRatio: 'xMinYMin meet' },
    own ? [s('title', { id: `trend-title-${topic.id}` }, own.title), s('desc', { id: `trend-desc-${topic.id}` }, own.summary), ...rows] : rows,
  )
}

/**
 * Ticks from 0 to at least `max` in steps of 1, 2 or 5 × 10ⁿ, about four of them, never a
 * fraction: the axis counts whole things (sections, or percent of them), and "0.5" of a
 * section is not a thing.
 */
export function wholeTicks(max: number): number[] {
  const rough = Math.max(1, max / 4)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= rough)!
  const ticks = [0]
  do ticks.push(ticks.at(-1)! + step)
  while (ticks.at(-1)! < max)
  return ticks
}

/**
 * Topics × conferences (or years) as a table styled as a heatmap. Each cell links to the
 * sections behind it: their conference's group in the topic's all view.
 */
export function heatmap(ctx: PageContext, map: MapView): Element {
  const maxShare = Math.max(0.01, ...map.rows.flatMap((r) => r.points.map((p) => p.share)))
  const level = (share: number) => (share === 0 ? 0 : Math.max(1, Math.ceil((share / maxShare) * 4)))
  return h('div.table-wrap', { tabIndex: 0, role: 'region', ariaLabelledby: 'heatmap-caption' }, h('table.heatmap', [
    h('caption#heatmap-caption', 'Sections of each conference’s reports that mention a topic, of all its sections (the shade is the share)'),
    h('thead', h('tr', [
      h('th', { scope: 'col' }, 'Topic'),
      ...map.columns.map((c, i) => {
        const base = map.rows[0]?.points[i]
        const none = base && unmeasured(base)
        const thin = base?.thin && !none
        return h(thin ? 'th.thin' : 'th', { scope: 'col' }, [
          c.label,
          h('span.heatmap-city', c.sub),
          base ? h('span.heatmap-base', none ?? `${plural(base.reportTotal, 'report')}, ${plural(base.total, 'section')}`) : null,
          thin ? h('span.thin-mark', thinNote) : null,
        ])
      }),
    ])),
    h('tbody', map.rows.map(({ topic: t, points }) =>
      h('tr', [
        h('th', { scope: 'row' }, h('a', { href: ctx.href(t.url) }, t.name)),
        ...points.map((p) => {
          // The column's short label ("2018"): its header, read with the cell, gives the place
          // and marks thin coverage; the share is the shade, the count and base are the facts.
          const label = `${t.name}, ${p.column.label}: ${countAndBase(p)}`
          // Nothing measured: no shade, no number, a dash that reads as its label.
          if (unmeasured(p)) return h('td.heat.heat-none', h('span', h('span.visually-hidden', label), h('span', { ariaHidden: 'true' }, '–')))
          return h(`td.heat.heat-${level(p.share)}${p.thin ? '.heat-thin' : ''}`, !p.link
            ? h('span', h('span.visually-hidden', label), h('span', { ariaHidden: 'true' }, '0'))
            // The name starts with the visible "3/9", as a voice user would say it.
            : h('a', { href: ctx.href(p.link.path, p.link.hash), ariaLabel: `${p.count}/${p.total}: ${label}` }, [String(p.count), h('span.heat-base', `/${p.total}`)]))
        }),
      ]),
    )),
  ]))
}
