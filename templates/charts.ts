/**
 * Charts built at build time as inline SVG, each with a data table for screen readers.
 * No client-side chart library: the numbers come from the records, the shapes from here.
 */
import type { Element, ElementContent } from 'hast'
import { h, s } from 'hastscript'
import type { Conference, Topic, TrendPoint } from '../src/link/graph.ts'
import type { PageContext } from './layout.ts'
import { plural } from './parts.ts'

const percent = (share: number) => `${Math.round(share * 100)}%`

/** Bars per conference: sections mentioning the topic, the darker part those about it. */
export function trendChart(ctx: PageContext, topic: Topic): ElementContent {
  const points = topic.trend
  const width = 520
  const height = 256
  const margin = { top: 28, right: 12, bottom: 66, left: 48 }
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
  const conferenceOf = (p: TrendPoint) => ctx.site.conference.get(p.conference)!

  const bars = points.flatMap((p, i) => {
    const x = margin.left + band * i + (band - barW) / 2
    const c = conferenceOf(p)
    return [
      s('rect', { class: 'bar-mention', x, y: y(p.count), width: barW, height: y(0) - y(p.count) }),
      s('rect', { class: 'bar-focus', x, y: y(p.focus), width: barW, height: y(0) - y(p.focus) }),
      s('text', { class: 'bar-label', x: x + barW / 2, y: y(p.count) - 6, textAnchor: 'middle' }, `${p.count} · ${percent(p.share)}`),
      s('text', { class: 'axis-label', x: x + barW / 2, y: margin.top + plotH + 18, textAnchor: 'middle' }, String(p.year)),
      s('text', { class: 'axis-label axis-sub', x: x + barW / 2, y: margin.top + plotH + 33, textAnchor: 'middle' }, c.city),
    ]
  })
  const grid = ticks.flatMap((t) => [
    s('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }),
    s('text', { class: 'axis-label', x: margin.left - 8, y: y(t) + 4, textAnchor: 'end' }, String(t)),
  ])

  const summary = points.map((p) => `${p.year}: ${p.count} of ${p.total} sections (${percent(p.share)}), ${p.focus} about it`).join('; ')
  const svg = s(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabelledby: `${titleId} ${descId}`, width: '100%', preserveAspectRatio: 'xMinYMin meet' },
    [
      s('title', { id: titleId }, `${topic.name}: sections per conference`),
      s('desc', { id: descId }, summary),
      ...grid,
      s('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0) }),
      ...bars,
      s('text', { class: 'axis-title', x: 14, y: margin.top + plotH / 2, textAnchor: 'middle', transform: `rotate(-90 14 ${margin.top + plotH / 2})` }, 'Sections'),
      s('text', { class: 'axis-title', x: margin.left + plotW / 2, y: height - 4, textAnchor: 'middle' }, 'Conference'),
    ],
  )

  return h('div.trend', [
    h('figure', [
      svg,
      h('figcaption', [
        h('span.legend.legend-focus', 'about it'),
        ' ',
        h('span.legend.legend-mention', 'mentions it'),
        ' · the label gives sections mentioning it and their share of all sections from that conference’s reports',
      ]),
    ]),
    h('div.table-wrap', h('table.trend-table', [
      h('caption', `${topic.name} per conference`),
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Conference'), h('th', { scope: 'col' }, 'Mentioning it'), h('th', { scope: 'col' }, 'Share'), h('th', { scope: 'col' }, 'About it')])),
      h('tbody', points.map((p) => {
        const c = conferenceOf(p)
        return h('tr', [
          h('th', { scope: 'row' }, h('a', { href: ctx.href(c.url), title: c.name }, `${c.year} ${c.city}`)),
          h('td.num', `${p.count} of ${p.total}`),
          h('td.num', percent(p.share)),
          h('td.num', String(p.focus)),
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
 * Topics × conferences as a table styled as a heatmap. Each cell links to the sections
 * behind it: the conference's group on the topic page.
 */
export function heatmap(ctx: PageContext, topics: Topic[], conferences: Conference[]): Element {
  const maxShare = Math.max(0.01, ...topics.flatMap((t) => t.trend.map((p) => p.share)))
  const level = (share: number) => (share === 0 ? 0 : Math.max(1, Math.ceil((share / maxShare) * 4)))
  return h('div.table-wrap', h('table.heatmap', [
    h('caption', 'Share of each conference’s sections that mention a topic'),
    h('thead', h('tr', [
      h('th', { scope: 'col' }, 'Topic'),
      ...conferences.map((c) => h('th', { scope: 'col' }, [String(c.year), h('span.heatmap-city', c.city)])),
    ])),
    h('tbody', topics.map((t) =>
      h('tr', [
        h('th', { scope: 'row' }, h('a', { href: ctx.href(t.url) }, t.name)),
        ...t.trend.map((p) => {
          const c = ctx.site.conference.get(p.conference)!
          const label = `${t.name} at ${c.name}: ${plural(p.count, 'section')} of ${p.total} (${percent(p.share)})`
          return h(`td.heat.heat-${level(p.share)}`, p.count === 0
            ? h('span', { title: label }, h('span.visually-hidden', label), h('span', { ariaHidden: 'true' }, '·'))
            : h('a', { href: ctx.href(t.url, `year-${p.conference}`), title: label }, [percent(p.share), h('span.visually-hidden', ` — ${label}`)]))
        }),
      ]),
    )),
  ]))
}
