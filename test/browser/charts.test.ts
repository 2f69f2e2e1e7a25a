/**
 * The charts' colours and phone layout, measured in a real browser from the shipped stylesheet.
 * Axe reports text on a hatched (background-image) cell only as "needs review", so the
 * contrast here is computed: every text of the map on every heat level, thin or not, in both
 * schemes, against the cell's colour and against its hatch stripe.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { heatmap, trendChart } from '../../templates/charts.ts'
import { root } from '../helpers.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled } from './site.ts'
import { chartContext, column, point, topic } from '../templates/chart-data.ts'

/** One column per heat level (shares 0, ¼, ½, ¾ and all of the largest), plain and thin, and one with no reports. */
function everyLevelMap() {
  const shares = [0, 0.1, 0.2, 0.3, 0.4]
  const columns = [...shares.flatMap((share, i) => [
    { ...column(2010 + i), share, thin: false, empty: false },
    { ...column(2020 + i), share, thin: true, empty: false },
  ]), { ...column(2030), share: 0, thin: true, empty: true }]
  const points = columns.map((c) => c.empty
    ? point(c, { count: 0, total: 0, reports: 0, reportTotal: 0 })
    : point(c, { count: Math.round(c.share * 40), total: 40, reports: c.share ? 1 : 0, reportTotal: c.thin ? 1 : 3, thin: c.thin }))
  // Level 0 with a link too: one section of thousands rounds to a share of 0.
  points.push(point(column(2040), { count: 1, total: 4000, share: 0 }), point(column(2041), { count: 1, total: 4000, share: 0, reportTotal: 1 }))
  return { columns: points.map((p) => p.column), rows: [{ topic: topic('security', 'Security'), points }] }
}

interface Measured { text: string; cls: string; ratio: number }

describe.skipIf(!browserTestsEnabled())('chart colours and layout in a browser', () => {
  let browser: Browser
  let css: string
  beforeAll(async () => {
    browser = await launchChromium()
    css = await readFile(path.join(root, 'src/browser/style.css'), 'utf8')
  })
  afterAll(async () => browser?.close())

  const page = async (body: string, options: Parameters<Browser['newContext']>[0]) => {
    const ctx = await browser.newContext(options)
    const p = await ctx.newPage()
    await p.setContent(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title><style>${css}</style></head><body><main>${body}</main></body></html>`)
    return { page: p, close: () => ctx.close() }
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`gives every text of the map at least 4.5:1 on every heat level, hatched or not (${colorScheme})`, async () => {
      const map = everyLevelMap()
      const { page: p, close } = await page(toHtml(heatmap(chartContext, map)), { colorScheme })
      const levels = await p.evaluate(() => [...document.querySelectorAll('td.heat')].map((td) => td.className))
      // Every level appears plain and hatched: the fixture covers what it claims to.
      for (let level = 0; level <= 4; level++) {
        expect(levels).toContain(`heat heat-${level}`)
        expect(levels).toContain(`heat heat-${level} heat-thin`)
      }
      const measured: Measured[] = await p.evaluate(() => {
        type RGBA = [number, number, number, number]
        const parse = (c: string): RGBA[] => [...c.matchAll(/rgba?\(([^)]*)\)/g)].map((m) => {
          const [r, g, b, a] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
          return [r!, g!, b!, a ?? 1]
        })
        const over = (top: RGBA, below: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as RGBA
        const lum = ([r, g, b]: RGBA) => {
          const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
          return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
        }
        const ratio = (a: RGBA, b: RGBA) => {
          const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m)
          return (x! + 0.05) / (y! + 0.05)
        }
        /** The solid colours under an element: its background, and that with each stripe of a hatch over it. */
        const backgrounds = (el: Element): RGBA[] => {
          const chain: Element[] = []
          for (let e: Element | null = el; e; e = e.parentElement) chain.push(e)
          let base: RGBA = [255, 255, 255, 1]
          const stripes: RGBA[] = []
          for (const e of chain.reverse()) {
            const style = getComputedStyle(e)
            const [bg] = parse(style.backgroundColor)
            if (bg && bg[3] > 0) { base = over(bg, base); stripes.length = 0 }
            for (const s of parse(style.backgroundImage)) if (s[3] > 0) stripes.push(s)
          }
          return [base, ...stripes.map((s) => over(s, base))]
        }
        const out: { text: string; cls: string; ratio: number }[] = []
        const walker = document.createTreeWalker(document.querySelector('table.heatmap')!, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!
          if (!n.textContent!.trim() || el.closest('.visually-hidden, caption')) continue
          let opacity = 1
          for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity)
          const [fg] = parse(getComputedStyle(el).color)
          const cell = el.closest('td, th')!
          for (const bg of backgrounds(el)) {
            const text = over([fg![0], fg![1], fg![2], fg![3] * opacity], bg)
            out.push({ text: n.textContent!.trim(), cls: `${cell.className} ${el.className}`.trim(), ratio: Math.round(ratio(text, bg) * 100) / 100 })
          }
        }
        return out
      })
      expect(measured.length).toBeGreaterThan(30)
      // The base ("/47") is measured on every level, plain and hatched.
      expect(measured.filter((m) => m.cls.includes('heat-base') && m.cls.includes('heat-thin')).length).toBeGreaterThanOrEqual(4 * 2)
      expect(measured.filter((m) => m.ratio < 4.5)).toEqual([])
      await close()
    })
  }

  // Conference names as long as the real ones, and a topic mentioned in some, thin in others.
  const trend = () => [
    point(column(2017, 'Berlin'), { count: 0, total: 10, reportTotal: 1 }),
    point(column(2018, 'Copenhagen'), { count: 12, total: 47, focus: 3, reports: 3, reportTotal: 3 }),
    point(column(2019, 'Barcelona'), { count: 1, total: 6, focus: 1, reportTotal: 1 }),
    point(column(2020, 'Amsterdam'), { count: 0, total: 0, reports: 0, reportTotal: 0 }),
  ]

  // As many columns as the upright chart takes, all thin (the longest labels), and twelve years.
  const upright = () => [2015, 2016, 2017, 2018, 2019].map((y) => point(column(y, 'Copenhagen'), { count: 113, total: 415, focus: 29, reports: 33, reportTotal: 35 }))
  const thin = () => [2015, 2016, 2017, 2018, 2019].map((y) => point(column(y, 'Copenhagen'), { count: 1, total: 6, reportTotal: 1 }))
  const years = () => Array.from({ length: 12 }, (_, i) => point(column(2013 + i), { count: 29, total: 85, focus: 5, reports: 7, reportTotal: 7 }))
  const cases = [
    { name: 'four conferences', points: trend, width: 375, chart: 'chart chart-narrow' },
    { name: 'four conferences', points: trend, width: 1280, chart: 'chart chart-wide' },
    { name: 'five conferences with long labels', points: upright, width: 1280, chart: 'chart chart-wide' },
    { name: 'five thin conferences', points: thin, width: 1280, chart: 'chart chart-wide' },
    { name: 'twelve years', points: years, width: 1280, chart: 'chart chart-narrow chart-only' },
    { name: 'twelve years', points: years, width: 375, chart: 'chart chart-narrow chart-only' },
  ]

  for (const { name, points, width, chart } of cases) {
    it(`draws the trend chart of ${name} at ${width} px: one chart, text of at least 12 px that never overlaps, a table that fits`, async () => {
      const { page: p, close } = await page(toHtml(trendChart(chartContext, topic('security', 'Security'), points())), { viewport: { width, height: 900 } })
      const seen = await p.evaluate(() => {
        const shown = [...document.querySelectorAll('svg.chart')].filter((svg) => getComputedStyle(svg).display !== 'none') as SVGSVGElement[]
        const texts = shown.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
          return [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent!, px: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10, box: t.getBoundingClientRect() }))
        })
        const overlaps: string[] = []
        texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
          if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) overlaps.push(`${a.text} / ${b.text}`)
        }))
        const wrap = document.querySelector('.trend .table-wrap')!
        return { charts: shown.map((svg) => svg.getAttribute('class')), sizes: texts.map(({ text, px }) => ({ text, px })), overlaps, overflow: wrap.scrollWidth - wrap.clientWidth, page: document.documentElement.scrollWidth }
      })
      expect(seen.sizes.length).toBeGreaterThan(8)
      expect(seen.sizes.filter((s) => s.px < 12)).toEqual([])
      expect(seen.overlaps).toEqual([])
      expect(seen.overflow).toBeLessThanOrEqual(0)
      expect(seen.page).toBeLessThanOrEqual(width)
      // One chart for each width; screen readers meet only the one shown, by its title and every value.
      expect(seen.charts).toEqual([chart])
      const img = p.getByRole('img')
      await expect(img.count()).resolves.toBe(1)
      await expect(img.getAttribute('class')).resolves.toBe(chart)
      const label = await img.evaluate((el) => el.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' '))
      expect(label).toMatch(new RegExp(`^Security: share of sections per conference ${points()[0]!.column.label}: .*${points().at(-1)!.column.label}: [^;]+$`))
      await close()
    })
  }
})
