/**
 * Quality in a real browser: every page passes axe in light and dark schemes, keyboard use
 * works, nothing overflows at phone and desktop widths, print hides navigation, a reader can
 * navigate the site end to end, and no page requests anything from another origin.
 */
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root } from '../helpers.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled, htmlPages, serveBuiltSite, type ServedSite } from './site.ts'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const shots = path.join(root, 'test-results', 'screenshots')

/** One page of each type, for layout checks and screenshots. */
const pageTypes: Record<string, string> = {
  home: '/',
  reports: '/reports/',
  report: '/reports/2018-copenhagen-recap/',
  section: '/reports/2018-copenhagen-recap/stories-from-the-playbook/',
  talks: '/talks/',
  topics: '/topics/',
  topic: '/topics/security/',
  projects: '/projects/',
  project: '/projects/istio/',
  conferences: '/conferences/',
  conference: '/conferences/kubecon-eu-2018/',
  search: '/search/?q=service%20mesh',
  'not-found': '/no/such/page/',
}

describe.skipIf(!browserTestsEnabled())('the site in a browser', () => {
  let site: ServedSite
  let browser: Browser
  let pages: string[]
  const foreignRequests: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    site = await serveBuiltSite({ siteUrl: 'https://example.com/' })
    pages = await htmlPages(site.out)
    browser = await launchChromium()
    await mkdir(shots, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const ctx = await browser.newContext(options)
    ctx.on('request', (r) => {
      if (!r.url().startsWith(site.origin)) foreignRequests.push(r.url())
    })
    ctx.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)))
    return ctx
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any page (${scheme} scheme)`, async () => {
      const ctx = await context({ colorScheme: scheme })
      const page = await ctx.newPage()
      const violations: string[] = []
      for (const p of pages) {
        await page.goto(site.origin + (p === '/search/' ? '/search/?q=security' : p))
        if (p === '/search/') await page.waitForSelector('[data-search-results][aria-busy="false"] li')
        await page.addScriptTag({ path: axePath })
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
          return axe.run(document, { resultTypes: ['violations'] })
        })
        for (const v of result.violations) violations.push(`${p}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
      }
      expect(pages.length).toBeGreaterThan(140)
      expect(violations).toEqual([])
      await ctx.close()
    }, 300_000)
  }

  it('can be used with the keyboard: skip link first, visible focus, focus lands in main', async () => {
    const ctx = await context()
    const page = await ctx.newPage()
    await page.goto(site.origin + '/topics/security/')
    await page.keyboard.press('Tab')
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return { text: el.textContent, top: r.top, visible: r.width > 0 && r.height > 0, outline: style.outlineStyle }
    })
    expect(skip).toMatchObject({ text: 'Skip to content', visible: true })
    expect(skip.top).toBeGreaterThanOrEqual(0)
    expect(skip.outline).not.toBe('none')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => location.hash)).toBe('#main')
    await page.keyboard.press('Tab')
    const next = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      return { inMain: !!el.closest('main'), outline: getComputedStyle(el).outlineStyle }
    })
    expect(next).toEqual({ inMain: true, outline: 'solid' })
    await ctx.close()
  })

  it('keeps headings in order and has the landmarks on every page type', async () => {
    const ctx = await context()
    const page = await ctx.newPage()
    for (const [type, url] of Object.entries(pageTypes)) {
      await page.goto(site.origin + url)
      const info = await page.evaluate(() => ({
        levels: [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map((h) => Number(h.tagName[1])),
        landmarks: ['header', 'nav', 'main', 'footer'].map((s) => document.querySelectorAll(s).length > 0),
        h1: document.querySelectorAll('h1').length,
      }))
      expect(info.h1, type).toBe(1)
      expect(info.landmarks, type).toEqual([true, true, true, true])
      info.levels.forEach((level, i) => {
        if (i > 0) expect(level - info.levels[i - 1]!, `${type}: h${info.levels[i - 1]} → h${level}`).toBeLessThanOrEqual(1)
      })
    }
    await ctx.close()
  })

  for (const width of [375, 1280]) {
    it(`lays out every page type without horizontal overflow or cut text at ${width}px`, async () => {
      const ctx = await context({ viewport: { width, height: 900 } })
      const page = await ctx.newPage()
      for (const [type, url] of Object.entries(pageTypes)) {
        await page.goto(site.origin + url)
        if (type === 'search') await page.waitForSelector('[data-search-results][aria-busy="false"] li')
        const layout = await page.evaluate(() => {
          const cut = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
            const style = getComputedStyle(el)
            const clips = ['hidden', 'clip'].includes(style.overflowX) && !el.classList.contains('visually-hidden')
            return clips && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim() !== ''
          })
          return { width: document.documentElement.scrollWidth, cut: cut.map((el) => el.tagName + '.' + el.className) }
        })
        expect(layout.width, `${type} at ${width}px`).toBeLessThanOrEqual(width)
        expect(layout.cut, `${type} at ${width}px`).toEqual([])
        await page.screenshot({ path: path.join(shots, `${type}-${width}.png`), fullPage: true })
      }
      await ctx.close()
    }, 120_000)
  }

  it('prints without navigation, search or footer', async () => {
    const ctx = await context()
    const page = await ctx.newPage()
    await page.goto(site.origin + '/reports/2018-copenhagen-recap/')
    await page.emulateMedia({ media: 'print' })
    const hidden = await page.evaluate(() =>
      ['.site-header', '.site-footer', '.toc', '.skip-link'].map((s) => getComputedStyle(document.querySelector(s)!).display),
    )
    expect(hidden).toEqual(['none', 'none', 'none', 'none'])
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).display)).toBe('block')
    await ctx.close()
  })

  it('takes a reader from the home page through report, session, topic, project and conference, back, and search', async () => {
    const ctx = await context()
    const page: Page = await ctx.newPage()
    page.setDefaultTimeout(8000)
    await page.goto(site.origin + '/')
    await page.click('nav.site-nav >> text=Reports')
    await page.waitForURL(/\/reports\/$/)
    await page.click('text=The 2018 KubeCon and CloudNativeCon in Copenhagen, Denmark')
    await page.waitForURL(/\/reports\/2018-copenhagen-recap\/$/)
    await page.click('nav.toc >> text=Stories from the Playbook')
    expect(await page.evaluate(() => location.hash)).toBe('#stories-from-the-playbook')
    await page.click('#stories-from-the-playbook .section-title a')
    await page.waitForURL(/\/stories-from-the-playbook\/$/)
    expect(await page.textContent('h1')).toBe('Stories from the Playbook')
    await page.click('main .chips >> text=SRE and incident response')
    await page.waitForURL(/\/topics\/sre\/$/)
    expect(await page.textContent('h1')).toBe('SRE and incident response')
    await page.goBack()
    await page.waitForURL(/\/stories-from-the-playbook\/$/)
    await page.click('main .chips-project >> text=Google Kubernetes Engine')
    await page.waitForURL(/\/projects\/gke\/$/)
    expect(await page.textContent('h1')).toBe('Google Kubernetes Engine')
    await page.click('main h2 >> text=KubeCon + CloudNativeCon Europe 2018')
    await page.waitForURL(/\/conferences\/kubecon-eu-2018\/$/)
    expect(await page.textContent('h1')).toBe('KubeCon + CloudNativeCon Europe 2018')
    await page.goBack()
    await page.waitForURL(/\/projects\/gke\/$/)
    await page.fill('#search-header', 'kubeflow')
    await page.press('#search-header', 'Enter')
    await page.waitForSelector('[data-search-results][aria-busy="false"] li')
    await page.click('[data-search-results] > li >> nth=0 >> a.result-title')
    await page.waitForURL(/\/reports\/2018-copenhagen-recap\/day-3-keynotes\/$/)
    expect(await page.textContent('h1')).toBe('Day 3 Keynotes')
    await ctx.close()
  })

  it('made no request to another origin and threw no script error', () => {
    expect(foreignRequests).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
