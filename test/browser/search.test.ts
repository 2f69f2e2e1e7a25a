/**
 * Search in a real browser: Debian's Chromium driven by playwright-core, against the real
 * site served on 127.0.0.1, under a sub-path, and opened from disk.
 */
import type { AddressInfo } from 'node:net'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import sirv from 'sirv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.ts'
import { serve } from '../../src/serve.ts'
import { realContent, removeDir, tempDir } from '../helpers.ts'
import { hostileInputs } from '../search/hostile.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled } from './site.ts'

describe.skipIf(!browserTestsEnabled())('search in the browser', () => {
  let out: string
  let browser: Browser
  let server: http.Server
  let subServer: http.Server
  let origin: string
  let subOrigin: string
  const errors: string[] = []

  beforeAll(async () => {
    out = path.join(await tempDir(), 'site')
    await build({ contentDir: realContent, outDir: out })
    server = await serve({ outDir: out, host: '127.0.0.1', port: 0 })
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // The same site under /docs/recap/, as on a project page of a larger site.
    const files = sirv(out, { dev: true })
    subServer = http.createServer((req, res) => {
      if (!req.url?.startsWith('/docs/recap/')) {
        res.statusCode = 404
        res.end()
        return
      }
      req.url = req.url.slice('/docs/recap'.length)
      files(req, res, () => {
        res.statusCode = 404
        res.end()
      })
    })
    await new Promise<void>((resolve) => subServer.listen(0, '127.0.0.1', resolve))
    subOrigin = `http://127.0.0.1:${(subServer.address() as AddressInfo).port}/docs/recap`
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    server?.close()
    subServer?.close()
    if (out) await removeDir(path.dirname(out))
  })

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage()
    page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`))
    await page.goto(url)
    return page
  }

  async function settled(page: Page) {
    await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' })
  }

  const firstResult = (page: Page) => page.locator('[data-search-results] > li').first().locator('a').first()

  it('"/" focuses the header box; Enter goes to the search page with results', async () => {
    const page = await open(`${origin}/`)
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-header')
    await page.keyboard.type('linkrd')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\/\?q=linkrd$/)
    await settled(page)
    expect(await firstResult(page).getAttribute('href')).toMatch(/linkerd\/$/)
    expect(await page.inputValue('#search-page')).toBe('linkrd')
    await page.close()
  })

  it('searches from the page box, puts the query in the URL and marks the matched words', async () => {
    const page = await open(`${origin}/search/`)
    await settled(page)
    expect(await page.textContent('#search-status')).toContain('Type words to search 63 talks and notes')
    await page.fill('#search-page', 'chaos engineering')
    await page.press('#search-page', 'Enter')
    await settled(page)
    expect(new URL(page.url()).searchParams.get('q')).toBe('chaos engineering')
    const first = page.locator('[data-search-results] > li').first()
    expect(await first.locator('a').first().textContent()).toBe('Evening keynotes')
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['chaos', 'engineering']))
    expect(await first.locator('.meta').textContent()).toBe('The 2018 KubeCon and CloudNativeCon in Copenhagen, Denmark · KubeCon + CloudNativeCon Europe 2018 · 2018')
    // "chaos engineering" is an alias of the SRE topic.
    expect(await page.locator('[data-search-links] a').allTextContents()).toEqual(['Topic: SRE and incident response'])
    await page.close()
  })

  it('shows topic and project quick links above the ranked list', async () => {
    const page = await open(`${origin}/search/?q=istio%20service%20mesh`)
    await settled(page)
    expect(await page.locator('[data-search-links] a').allTextContents()).toEqual(['Topic: Service mesh', 'Project: Istio'])
    expect(await page.locator('[data-search-results] a.chip[href$="topics/service-mesh/"]').count()).toBeGreaterThan(0)
    await page.close()
  })

  it('filters by kind and year, suggests dropping filters, and the back button restores state', async () => {
    const page = await open(`${origin}/search/?q=security`)
    await settled(page)
    const all = await page.locator('a.result-title').count()
    await page.selectOption('#filter-kind', 'notes')
    await settled(page)
    expect(new URL(page.url()).searchParams.get('kind')).toBe('notes')
    const kinds = await page.locator('[data-search-results] > li > .kind').allTextContents()
    expect(kinds.length).toBeGreaterThan(0)
    expect(kinds.length).toBeLessThan(all)
    expect(new Set(kinds)).toEqual(new Set(['Note']))

    await page.fill('#search-page', 'gvisor')
    await page.selectOption('#filter-year', '2017')
    await page.press('#search-page', 'Enter')
    await settled(page)
    expect(await page.locator('a.result-title').count()).toBe(0)
    expect(await page.textContent('#search-status')).toMatch(/^No results for “gvisor” with these filters\. Show \d+ without filters$/)
    await page.click('#search-status button')
    await settled(page)
    expect(await page.locator('a.result-title').count()).toBeGreaterThan(0)
    expect(new URL(page.url()).search).toBe('?q=gvisor')

    await page.goBack()
    await settled(page)
    expect(await page.inputValue('#search-page')).toBe('gvisor')
    expect(await page.inputValue('#filter-year')).toBe('2017')
    expect(await page.locator('a.result-title').count()).toBe(0)
    await page.close()
  })

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const page = await open(`${origin}/search/?q=linkerd`)
    await settled(page)
    await page.focus('#search-page')
    await page.keyboard.press('ArrowDown')
    const titles = await page.locator('a.result-title').allTextContents()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(titles[0])
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(titles[1])
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/reports\/2018-copenhagen-recap\/[^/]+\/$/)
    expect(await page.textContent('h1')).toBe(titles[0])
    await page.close()
  })

  it('works opened from disk (file://), following results to their pages', async () => {
    const url = pathToFileURL(path.join(out, 'search/index.html')).href + '?q=gvisor'
    const page = await open(url)
    await settled(page)
    const href = await firstResult(page).getAttribute('href')
    expect(href).toMatch(/^\.\.\/reports\/.+\/index\.html$/)
    await firstResult(page).click()
    await page.waitForURL(/index\.html$/)
    expect(await page.locator('h1').count()).toBe(1)
    // Directory links are pointed at index.html from disk, so navigation keeps working.
    expect(await page.locator('a.brand').getAttribute('href')).toMatch(/index\.html$/)
    await page.close()
  })

  it('works under a sub-path', async () => {
    const page = await open(`${subOrigin}/`)
    await page.fill('#search-header', 'brigade')
    await page.press('#search-header', 'Enter')
    await page.waitForURL(`${subOrigin}/search/?q=brigade`)
    await settled(page)
    await firstResult(page).click()
    await page.waitForURL(`${subOrigin}/reports/2018-copenhagen-recap/building-event-driven-pipelines-with-brigade/`)
    expect(await page.textContent('h1')).toBe('Building Event-Driven Pipelines with Brigade')
    await page.close()
  })

  it('neither throws nor injects markup for 50 hostile inputs', async () => {
    expect(hostileInputs).toHaveLength(50)
    const page = await open(`${origin}/search/`)
    await settled(page)
    for (const input of hostileInputs) {
      await page.fill('#search-page', input)
      await page.press('#search-page', 'Enter')
      await settled(page)
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        injected: document.querySelectorAll('main img, main svg, main script:not([src]), main iframe, [onerror], [onload], main b').length,
        status: document.getElementById('search-status')?.textContent ?? '',
        busy: document.querySelector('[data-search-results]')?.getAttribute('aria-busy'),
      }))
      expect(state, input.slice(0, 40)).toMatchObject({ pwned: undefined, injected: 0, busy: 'false' })
      expect(state.status.length, input.slice(0, 40)).toBeGreaterThan(0)
    }
    // Through the URL too, as a shared link would bring them.
    for (const input of hostileInputs.slice(28, 35)) {
      await page.goto(`${origin}/search/?q=${encodeURIComponent(input)}&kind=${encodeURIComponent(input)}`)
      await settled(page)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    }
    expect(errors).toEqual([])
    await page.close()
  })
})
