/** The trend chart and the map as markup: whole ticks, shares as bars, words for a conference with no reports. */
import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { heatmap, trendChart, wholeTicks } from '../../templates/charts.ts'
import { chartContext, column, point, topic } from './chart-data.ts'

const render = (node: Parameters<typeof toHtml>[0]): Root => fromHtml(toHtml(node), { fragment: true })

/** Elements under `tree` matching "tag", "tag.class", ".class" or "tag#id", then optionally a path: "tbody tr". */
function selectAll(selector: string, tree: Root | Element): Element[] {
  const [first, ...rest] = selector.split(' ')
  const m = first!.match(/^(\w*)(?:\.([\w-]+))?(?:#([\w-]+))?$/)!
  const found: Element[] = []
  visit(tree, 'element', (el: Element) => {
    if (el === tree) return
    if (m[1] && el.tagName !== m[1]) return
    if (m[2] && !(el.properties.className as string[] | undefined)?.includes(m[2])) return
    if (m[3] && el.properties.id !== m[3]) return
    found.push(el)
  })
  return rest.length ? found.flatMap((el) => selectAll(rest.join(' '), el)) : found
}
const select = (selector: string, tree: Root | Element): Element | undefined => selectAll(selector, tree)[0]
function toString(el: Element): string {
  let text = ''
  visit(el, 'text', (t: { value: string }) => void (text += t.value))
  return text
}
const security = topic('security', 'Security')

describe('wholeTicks', () => {
  it('never steps by a fraction, starts at 0 and reaches the largest value', () => {
    expect(wholeTicks(1)).toEqual([0, 1])
    expect(wholeTicks(2)).toEqual([0, 1, 2])
    for (let max = 1; max <= 250; max++) {
      const ticks = wholeTicks(max)
      expect(ticks.every(Number.isInteger), `max ${max}: ${ticks}`).toBe(true)
      expect(ticks[0]).toBe(0)
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max)
      expect(ticks.at(-2)).toBeLessThan(max)
      expect(ticks.length, `max ${max}: ${ticks}`).toBeLessThanOrEqual(6)
    }
  })
})

describe('the trend chart', () => {
  // Small shares (2 of 47 is 4%) asked the old count axis for "0 0.5 1 1.5 2".
  const points = [
    point(column(2017), { count: 0, total: 10, reportTotal: 1 }),
    point(column(2018), { count: 2, total: 47, focus: 1, reportTotal: 3 }),
    point(column(2019), { count: 1, total: 6, reportTotal: 1 }),
  ]

  it('labels its axis in whole numbers', () => {
    const chart = render(trendChart(chartContext, security, points))
    const wide = select('svg.chart-wide', chart)!
    const ticks = selectAll('text', wide).filter((t) => t.properties.textAnchor === 'end').map((t) => toString(t))
    expect(ticks.length).toBeGreaterThan(1)
    expect(ticks.filter((t) => !/^\d+%?$/.test(t))).toEqual([])
  })

  it('draws the share as the bar and labels it with the count and base', () => {
    const chart = render(trendChart(chartContext, security, points))
    for (const svg of selectAll('svg.chart', chart)) {
      const size = (el: Element) => Number(el.properties[svg === select('svg.chart-wide', chart) ? 'height' : 'width'])
      const bars = selectAll('rect.bar-mention', svg).map(size)
      // 1 of 6 (17%) is a longer bar than 2 of 47 (4%), though its count is smaller.
      expect(bars[2]).toBeGreaterThan(bars[1]!)
      expect(toString(svg)).toContain('2 of 47')
      expect(toString(svg)).toContain('1 of 6')
    }
  })

  it('says a conference has no reports, with no bar, no "0 of 0" and no 0%', () => {
    const withEmpty = [point(column(2016), { count: 0, total: 0, reports: 0, reportTotal: 0 }), ...points]
    const chart = render(trendChart(chartContext, security, withEmpty))
    const html = toHtml(chart)
    expect(html).not.toMatch(/0 of 0/)
    expect(selectAll('desc', chart).map(toString)).toEqual([expect.stringMatching(/^2016: no reports; 2017: 0 of 10 sections/)])
    for (const svg of selectAll('svg.chart', chart)) {
      expect(selectAll('rect.bar-mention', svg)).toHaveLength(points.length)
      expect(selectAll('text', svg).map((t) => toString(t))).toContain('no reports')
    }
    const row = selectAll('tbody tr', chart)[0]!
    expect(toString(row)).toBe('2016 ' + column(2016).sub + 'No reports')
    expect(toString(row)).not.toContain('%')
  })

  it('scrolls its table in a region a keyboard can reach, named by the caption', () => {
    const chart = render(trendChart(chartContext, security, points))
    const wrap = select('.table-wrap', chart)!
    expect(wrap.properties).toMatchObject({ tabIndex: 0, role: 'region' })
    const caption = select(`caption#${String(wrap.properties.ariaLabelledBy)}`, wrap)
    expect(toString(caption!)).toBe('Security per conference')
  })
})

describe('the map', () => {
  const c = [column(2016), column(2018)]
  const map = {
    columns: c,
    rows: [{ topic: security, points: [point(c[0]!, { count: 0, total: 0, reports: 0, reportTotal: 0 }), point(c[1]!, { count: 2, total: 47, reportTotal: 3 })] }],
  }

  it('says a conference has no reports in its header and cells, never "0 of 0"', () => {
    const table = render(heatmap(chartContext, map))
    expect(toHtml(table)).not.toMatch(/0 of 0|0 reports/)
    expect(toString(selectAll('thead th', table)[1]!)).toBe('2016' + c[0]!.sub + 'no reports')
    const cell = selectAll('tbody td', table)[0]!
    expect(cell.properties.className).toContain('heat-none')
    expect(toString(cell)).toBe('Security, 2016: no reports–')
  })

  it('scrolls in a region a keyboard can reach, named by the caption', () => {
    const table = render(heatmap(chartContext, map))
    const wrap = select('.table-wrap', table)!
    expect(wrap.properties).toMatchObject({ tabIndex: 0, role: 'region' })
    expect(select(`caption#${String(wrap.properties.ariaLabelledBy)}`, wrap)).toBeTruthy()
  })
})
