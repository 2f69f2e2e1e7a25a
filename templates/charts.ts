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

/** "2 of 6 sections, 1 of 1 report": the count, then its base; the share only after. */
export function countAndBase(p: ColumnPoint): string {
  return `${p.count} of ${plural(p.total, 'section')}, ${p.reports} of ${plural(p.reportTotal, 'report')}`
}
const thinNote = 'thin coverage'

/** What the topics × conferences map shows; chosen in src/emit/views.ts. */
export interface MapView {
  columns: Column[]
  rows: { topic: Topic; points: ColumnPoint[] }[]
}

/**
 * Bars per conference (or per year, for many conferences): sections mentioning the topic,
 * the darker part those about it.
 */
export function trendChart(ctx: PageContext, topic: Topic, points: ColumnPoint[]): ElementContent {
  const perYear = points.some((p) => p.column.conferences.length !== 1 || !p.column.url)
  const width = 520
  const height = 270
  const margin = { top: 28, right: 12, bottom: 80, left: 48 }
  const plotW = width - margin.left - margin.right
  const plotH = height - margin.top - margin.bottom
  const max = Math.max(1, ...points.map((p) => p.count))
  const ticks = niceTicks(max)
  const top = ticks.at(-1)!
  const y = (v: number) => margin.top + plotH - (v / top) * plotH
  const band = plotW / points.length
  const barW = Math.min(64, band * 0.6)
  const titleId = `trend-title-${topic.id}`
  const descId = `trend-desc-${topic.id}`
  const bars = points.flatMap((p, i) => {
    const x = margin.left + band * i + (band - barW) / 2
    return [
      s('rect', { class: 'bar-mention', x, y: y(p.count), width: barW, height: y(0) - y(p.count) }),
      s('rect', { class: 'bar-focus', x, y: y(p.focus), width: barW, height: y(0) - y(p.focus) }),
      s('text', { class: 'bar-label', x: x + barW / 2, y: y(p.count) - 6, textAnchor: 'middle' }, `${p.count} of ${p.total}`),
      s('text', { class: 'axis-label', x: x + barW / 2, y: margin.top + plotH + 18, textAnchor: 'middle' }, p.column.label),
      s('text', { class: 'axis-label axis-sub', x: x + barW / 2, y: margin.top + plotH + 33, textAnchor: 'middle' }, p.column.sub),
      s('text', { class: p.thin ? 'axis-label axis-sub axis-thin' : 'axis-label axis-sub', x: x + barW / 2, y: margin.top + plotH + 48, textAnchor: 'middle' }, p.thin ? `${plural(p.reportTotal, 'report')} · thin` : plural(p.reportTotal, 'report')),
    ]
  })
  const grid = ticks.flatMap((t) => [
    s('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }),
    s('text', { class: 'axis-label', x: margin.left - 8, y: y(t) + 4, textAnchor: 'end' }, String(t)),
  ])

  const summary = points.map((p) => `${p.column.label}: ${countAndBase(p)} (${percent(p.share)}), ${p.focus} about it${p.thin ? `, ${thinNote}` : ''}`).join('; ')
  const svg = s(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabelledby: `${titleId} ${descId}`, width: '100%', preserveAspectRatio: 'xMinYMin meet' },
    [
      s('title', { id: titleId }, `${topic.name}: sections per ${perYear ? 'year' : 'conference'}`),
      s('desc', { id: descId }, summary),
      ...grid,
      s('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0) }),
      ...bars,
      s('text', { class: 'axis-title', x: 14, y: margin.top + plotH / 2, textAnchor: 'middle', transform: `rotate(-90 14 ${margin.top + plotH / 2})` }, 'Sections'),
      s('text', { class: 'axis-title', x: margin.left + plotW / 2, y: height - 4, textAnchor: 'middle' }, perYear ? 'Year' : 'Conference'),
    ],
  )

  return h('div.trend', [
    h('figure', [
      svg,
      h('figcaption', [
        h('span.legend.legend-focus', 'about it'),
        ' ',
        h('span.legend.legend-mention', 'mentions it'),
        ' · each bar: sections mentioning it, of all sections from that conference’s reports; “thin” marks a conference with one report or few sections',
      ]),
    ]),
    h('div.table-wrap', h('table.trend-table', [
      h('caption', `${topic.name} per ${perYear ? 'year' : 'conference'}`),
      h('thead', h('tr', [h('th', { scope: 'col' }, perYear ? 'Year' : 'Conference'), h('th', { scope: 'col' }, 'Mentioning it'), h('th', { scope: 'col' }, 'About it'), h('th', { scope: 'col' }, 'Share')])),
      h('tbody', points.map((p) => {
        const c = p.column
        return h('tr', [
          h('th', { scope: 'row' }, c.url ? h('a', { href: ctx.href(c.url), title: c.title }, `${c.label} ${c.sub}`) : c.label),
          h('td', [countAndBase(p), p.thin ? h('span.thin-mark', ` (${thinNote})`) : null]),
          h('td.num', String(p.focus)),
          h('td.num', percent(p.share)),
        ])
      })),
    ])),
  ])
}

/** 1, 2, 5 × 10ⁿ steps up to at least `max`, starting at 0. */
function niceTicks(max: number): number[] {
  const rough = max / 4
  const magnitude = 10 ** Math.floor(Math.log10(rough || 1))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude
  const ticks: number[] = []
  for (let t = 0; t < max + step; t += step) ticks.push(t)
  return ticks.at(-1)! < max ? [...ticks, ticks.at(-1)! + step] : ticks
}

/**
 * Topics × conferences (or years) as a table styled as a heatmap. Each cell links to the
 * sections behind it: their conference's group in the topic's all view.
 */
export function heatmap(ctx: PageContext, map: MapView): Element {
  const maxShare = Math.max(0.01, ...map.rows.flatMap((r) => r.points.map((p) => p.share)))
  const level = (share: number) => (share === 0 ? 0 : Math.max(1, Math.ceil((share / maxShare) * 4)))
  return h('div.table-wrap', h('table.heatmap', [
    h('caption', 'Sections of each conference’s reports that mention a topic, of all its sections (the shade is the share)'),
    h('thead', h('tr', [
      h('th', { scope: 'col' }, 'Topic'),
      ...map.columns.map((c, i) => {
        const base = map.rows[0]?.points[i]
        return h(base?.thin ? 'th.thin' : 'th', { scope: 'col' }, [
          c.label,
          h('span.heatmap-city', c.sub),
          base ? h('span.heatmap-base', `${plural(base.reportTotal, 'report')}, ${plural(base.total, 'section')}`) : null,
          base?.thin ? h('span.thin-mark', thinNote) : null,
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
          return h(`td.heat.heat-${level(p.share)}${p.thin ? '.heat-thin' : ''}`, !p.link
            ? h('span', h('span.visually-hidden', label), h('span', { ariaHidden: 'true' }, '0'))
            // The name starts with the visible "3/9", as a voice user would say it.
            : h('a', { href: ctx.href(p.link.path, p.link.hash), ariaLabel: `${p.count}/${p.total}: ${label}` }, [String(p.count), h('span.heat-base', `/${p.total}`)]))
        }),
      ]),
    )),
  ]))
}
