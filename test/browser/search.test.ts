/**
 * Search in a real browser: Debian's Chromium driven by playwright-core, against a small
 * fixture site (test/search/fixture.ts) whose right answers are known, served on 127.0.0.1
 * with its index split into chunks, under a sub-path, and opened from disk.
 */
import type { AddressInfo } from 'node:net'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import sirv from 'sirv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serve } from '../../src/serve.ts'
import { removeDir, runCli } from '../helpers.ts'
import { hostileInputs } from '../search/hostile.ts'
import { launchChromium } from './chromium.ts'
import { buildFixtureSite } from './search-site.ts'
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
    out = await buildFixtureSite()
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

  /** The dropdown's options once it shows results for what was typed. */
  async function dropdown(page: Page, box = '#search-header') {
    await page.waitForSelector(`${box}[aria-expanded="true"]`)
    return page.locator(`#${(await page.getAttribute(box, 'aria-controls'))!} [role="option"]`)
  }

  const titles = (page: Page) => page.locator('a.result-title').allTextContents()

  it('the header box answers as you type, in a worker, with the combobox pattern', async () => {
    const page = await open(`${origin}/`)
    await page.click('#search-header')
    await page.keyboard.type('istio')
    const options = await dropdown(page)
    const box = page.locator('#search-header')
    expect(await box.getAttribute('role')).toBe('combobox')
    expect(await box.getAttribute('aria-autocomplete')).toBe('list')
    const listId = (await box.getAttribute('aria-controls'))!
    expect(await page.getAttribute(`#${listId}`, 'role')).toBe('listbox')
    const texts = await options.allTextContents()
    expect(texts[0]).toBe('Project: Istio')
    expect(texts[1]).toMatch(/^Istio in production/)
    expect(texts.at(-1)).toMatch(/^See all \d+ results$/)
    // Every option is a link.
    expect(await options.count()).toBe(await page.locator(`#${listId} a[role="option"][href]`).count())
    expect(page.workers()).toHaveLength(1)

    await page.keyboard.press('ArrowDown')
    const first = (await options.first().getAttribute('id'))!
    expect(await box.getAttribute('aria-activedescendant')).toBe(first)
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowDown')
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'))
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-header')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/istio-in-production\/$/)
    expect(await page.textContent('h1')).toBe('Istio in production')
    await page.close()
  })

  it('counts a single result in the singular', async () => {
    const page = await open(`${origin}/`)
    await page.click('#search-header')
    await page.keyboard.type('reconcile')
    const options = await dropdown(page)
    await expect.poll(async () => (await options.allTextContents()).at(-1)).toBe('See 1 result')
    await page.close()
  })

  it('offers a conference named by its city', async () => {
    const page = await open(`${origin}/`)
    await page.click('#search-header')
    await page.keyboard.type('barcelona')
    const options = await dropdown(page)
    await expect.poll(async () => (await options.allTextContents())[0]).toBe('Conference: KubeCon + CloudNativeCon Europe 2019')
    expect(await page.textContent('.search-popup-status')).toBe('No sections mention “barcelona”.')
    // On the search page, the link is the answer: no "check the spelling".
    const full = await open(`${origin}/search/?q=barcelona`)
    await settled(full)
    await expect.poll(() => full.textContent('#search-status')).toBe('No section mentions “barcelona”; see the link below.')
    expect(await full.locator('[data-search-links] a').allTextContents()).toEqual(['Conference: KubeCon + CloudNativeCon Europe 2019'])
    await full.close()
    await options.first().click()
    await page.waitForURL(/\/conferences\/kubecon-eu-2019\/$/)
    await page.close()
  })

  it('hints at the keyboard shortcuts in the header box with a mouse, not on a phone', async () => {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const phone = await browser.newContext({ viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true })
    const placeholder = async (ctx: typeof desktop) => {
      const page = await ctx.newPage()
      await page.goto(`${origin}/topics/`)
      await page.waitForLoadState('load')
      return page.getAttribute('#search-header', 'placeholder')
    }
    expect(await placeholder(desktop)).toMatch(/^Search \(press \/ or (Ctrl\+K|⌘K)\)$/)
    expect(await placeholder(phone)).toBe('Search')
    await desktop.close()
    await phone.close()
  })

  it('updates on each keystroke, corrects typos, and Esc closes then clears', async () => {
    const page = await open(`${origin}/topics/`)
    await page.click('#search-header')
    await page.keyboard.type('prometeus', { delay: 20 })
    const options = await dropdown(page)
    await expect.poll(() => page.textContent('.search-popup-status')).toContain('Showing results for “prometheus”')
    expect((await options.allTextContents())[0]).toBe('Project: Prometheus')
    await page.keyboard.press('Escape')
    expect(await page.getAttribute('#search-header', 'aria-expanded')).toBe('false')
    expect(await page.locator('.search-popup').isHidden()).toBe(true)
    expect(await page.inputValue('#search-header')).toBe('prometeus')
    await page.keyboard.press('Escape')
    expect(await page.inputValue('#search-header')).toBe('')
    await page.close()
  })

  it('"/" and Ctrl/Cmd-K focus the box; "see all results" opens the search page', async () => {
    const page = await open(`${origin}/conferences/`)
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-header')
    await page.locator('a.brand').focus()
    await page.keyboard.press('Control+k')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-header')
    await page.locator('a.brand').focus()
    await page.keyboard.press('Meta+k')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-header')
    await page.keyboard.type('service mesh')
    const options = await dropdown(page)
    await options.last().click()
    await page.waitForURL(/\/search\/\?q=service\+mesh$/)
    await settled(page)
    expect(await page.inputValue('#search-page')).toBe('service mesh')
    expect(await titles(page)).toEqual(expect.arrayContaining(['Service mesh adoption', 'Service mesh basics']))
    await page.close()
  })

  it('the search page has one box, updates as you type and keeps the URL as its state', async () => {
    const page = await open(`${origin}/search/`)
    await settled(page)
    expect(await page.locator('input[type="search"]').count()).toBe(1)
    expect(await page.textContent('#search-status')).toMatch(/^Type words to search \d+ sessions and notes/)
    await page.locator('#search-page').pressSequentially('custom controller', { delay: 10 })
    await page.waitForURL(/q=custom\+controller$/)
    await settled(page)
    expect((await titles(page))[0]).toBe('Writing a custom controller')
    expect(await titles(page)).not.toContain('Customer stories')
    const marks = await page.locator('[data-search-results] mark').allTextContents()
    expect(marks.map((m) => m.toLowerCase()).every((m) => /^(custom|controllers?)$/.test(m))).toBe(true)
    await page.close()
  })

  it('a year in the query is a filter chip; removing the chip removes the word', async () => {
    const page = await open(`${origin}/search/?q=service%20mesh%202019`)
    await settled(page)
    expect((await titles(page))[0]).toBe('Service mesh adoption')
    expect(await titles(page)).not.toContain('Service mesh basics')
    const chip = page.locator('[data-search-chips] button')
    expect(await chip.textContent()).toBe('Remove filter Year: 2019 ×')
    expect(await chip.locator('.visually-hidden').textContent()).toBe('Remove filter ')
    await chip.click()
    await page.waitForURL(/\?q=service\+mesh$/)
    await settled(page)
    expect(await page.inputValue('#search-page')).toBe('service mesh')
    expect(await titles(page)).toEqual(expect.arrayContaining(['Service mesh adoption', 'Service mesh basics']))
    expect(await page.locator('[data-search-chips] button').count()).toBe(0)
    await page.close()
  })

  it('offers the results without a year typed in the query when the year finds nothing', async () => {
    const page = await open(`${origin}/search/?q=prometheus+2017`)
    await settled(page)
    expect(await page.locator('a.result-title').count()).toBe(0)
    expect(await page.textContent('#search-status')).toMatch(/^No results for “prometheus 2017” with these filters\. Show \d+ without “2017”$/)
    await page.click('#search-status button')
    await settled(page)
    expect(await page.inputValue('#search-page')).toBe('prometheus')
    expect(await page.locator('a.result-title').count()).toBeGreaterThan(0)
    await page.close()
  })

  it('filters by kind and year, suggests dropping filters, and the back button restores state', async () => {
    const page = await open(`${origin}/search/?q=istio`)
    await settled(page)
    await page.selectOption('#filter-kind', 'notes')
    await settled(page)
    expect(new URL(page.url()).searchParams.get('kind')).toBe('notes')
    expect(await titles(page)).toEqual(['Introduction'])

    await page.fill('#search-page', 'prometheus')
    await page.selectOption('#filter-year', '2017')
    await page.press('#search-page', 'Enter')
    await settled(page)
    expect(await page.locator('a.result-title').count()).toBe(0)
    expect(await page.textContent('#search-status')).toMatch(/^No results for “prometheus” with these filters\. Show \d+ without filters$/)
    await page.click('#search-status button')
    await settled(page)
    expect(await page.locator('a.result-title').count()).toBeGreaterThan(0)
    expect(new URL(page.url()).search).toBe('?q=prometheus')

    await page.goBack()
    await settled(page)
    expect(await page.inputValue('#search-page')).toBe('prometheus')
    expect(await page.inputValue('#filter-year')).toBe('2017')
    expect(await page.locator('a.result-title').count()).toBe(0)
    await page.close()
  })

  it('moves through the quick links and page results with the arrow keys and opens one with Enter', async () => {
    const page = await open(`${origin}/search/?q=prometheus`)
    await settled(page)
    await page.focus('#search-page')
    // The quick links to the projects first, then the results.
    const quick = await page.locator('[data-search-links] a').allTextContents()
    expect(quick[0]).toBe('Project: Prometheus')
    const focused = () => page.evaluate(() => document.activeElement?.textContent)
    for (const link of quick) {
      await page.keyboard.press('ArrowDown')
      expect(await focused()).toBe(link)
    }
    await page.keyboard.press('ArrowDown')
    const found = await titles(page)
    expect(await focused()).toBe(found[0])
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe(found[1])
    for (let i = 0; i < quick.length + 2; i++) await page.keyboard.press('ArrowUp')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page')
    for (let i = 0; i <= quick.length; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/reports\/[^/]+\/[^/]+\/$/)
    expect(await page.textContent('h1')).toBe(found[0])
    await page.close()
  })

  it('after Back from a result, focuses the result that was opened', async () => {
    const page = await open(`${origin}/search/?q=prometheus`)
    await settled(page)
    await page.focus('#search-page')
    const quick = await page.locator('[data-search-links] a').count()
    // The second result, from the keyboard.
    for (let i = 0; i < quick + 2; i++) await page.keyboard.press('ArrowDown')
    const opened = await page.evaluate(() => document.activeElement?.getAttribute('href'))
    expect(opened).toMatch(/reports\//)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/reports\/[^/]+\/[^/]+\/$/)
    await page.goBack()
    await settled(page)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(opened)
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('result-title')
    // Typing again is a new search: nothing is refocused.
    await page.focus('#search-page')
    await page.keyboard.type(' mesh')
    await settled(page)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page')
    await page.close()
  })

  it('finds what `recap search` finds for the same query, quick links included', async () => {
    const page = await open(`${origin}/search/`)
    for (const query of ['promet', 'prometeus', 'quill', 'service mesh 2019']) {
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`)
      await settled(page)
      await expect.poll(() => page.locator('p.snippet').count()).toBeGreaterThan(0)
      const cli = JSON.parse((await runCli(['search', '--out', out, '--json', '--limit', '20', query])).stdout) as { links: { type: string; name: string }[]; hits: { title: string }[] }
      const labels = { topic: 'Topic', project: 'Project', conference: 'Conference', speaker: 'Speaker' } as Record<string, string>
      expect(await page.locator('[data-search-links] a').allTextContents(), query).toEqual(cli.links.map((l) => `${labels[l.type]}: ${l.name}`))
      expect(await titles(page), query).toEqual(cli.hits.map((h) => h.title))
      expect(cli.hits.length, query).toBeGreaterThan(0)
    }
    await page.close()
  })

  it('offers a speaker by surname in the header box, and repeats a long query clipped', async () => {
    const page = await open(`${origin}/`)
    await page.click('#search-header')
    await page.keyboard.type('quill')
    const options = await dropdown(page)
    await expect.poll(() => options.first().textContent()).toBe('Speaker: Ada Quill')
    // A pasted paragraph: the status line repeats its start, and only the whole name it writes is a quick link.
    const long = 'service mesh '.repeat(60)
    await page.goto(`${origin}/search/?q=${encodeURIComponent(long)}`)
    await settled(page)
    const status = (await page.textContent('#search-status'))!
    expect(status).toMatch(/^\d+ results for “service mesh [a-z ]+…”\.$/)
    expect(status.length).toBeLessThan(100)
    expect(await page.locator('[data-search-links] a').allTextContents()).toEqual(['Topic: Service mesh'])
    await page.close()
  })

  it('works opened from disk (file://): dropdown and search page, without a worker', async () => {
    const page = await open(pathToFileURL(path.join(out, 'index.html')).href)
    await page.click('#search-header')
    await page.keyboard.type('operator')
    const options = await dropdown(page)
    // The list may still show an earlier prefix's answers while the last keystroke is searched.
    await expect.poll(async () => (await options.allTextContents()).some((t) => t.startsWith('The operator pattern')), { timeout: 15_000 }).toBe(true)
    expect(page.workers()).toHaveLength(0)
    const link = options.filter({ hasText: 'The operator pattern' })
    expect(await link.getAttribute('href')).toMatch(/^reports\/.+\/the-operator-pattern\/index\.html$/)

    await page.goto(pathToFileURL(path.join(out, 'search/index.html')).href + '?q=istio')
    await settled(page)
    const first = page.locator('a.result-title').first()
    expect(await first.getAttribute('href')).toMatch(/^\.\.\/reports\/.+\/istio-in-production\/index\.html$/)
    await first.click()
    await page.waitForURL(/index\.html$/)
    expect(await page.textContent('h1')).toBe('Istio in production')
    // Directory links are pointed at index.html from disk, so navigation keeps working.
    expect(await page.locator('a.brand').getAttribute('href')).toMatch(/index\.html$/)
    await page.close()
  })

  it('opened from disk, logs no warning or error on the home, a report, a section, a topic and the search page', async () => {
    const { readdir } = await import('node:fs/promises')
    const report = (await readdir(path.join(out, 'reports'), { withFileTypes: true })).find((e) => e.isDirectory())!.name
    const section = (await readdir(path.join(out, 'reports', report), { withFileTypes: true })).find((e) => e.isDirectory())!.name
    const topic = (await readdir(path.join(out, 'topics'), { withFileTypes: true })).find((e) => e.isDirectory())!.name
    const pages = ['index.html', `reports/${report}/index.html`, `reports/${report}/${section}/index.html`, `topics/${topic}/index.html`, 'search/index.html', 'search/index.html?q=istio']
    for (const target of pages) {
      const page = await browser.newPage()
      const said: string[] = []
      page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error' ? said.push(`${m.type()}: ${m.text()}`) : undefined))
      page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`))
      page.on('requestfailed', (r) => said.push(`failed: ${r.url()}`))
      const [file, query = ''] = target.split('?')
      await page.goto(pathToFileURL(path.join(out, file!)).href + (query ? `?${query}` : ''))
      await page.waitForLoadState('load')
      if (file!.startsWith('search/')) {
        await settled(page)
        if (query) expect(await page.locator('a.result-title').count(), target).toBeGreaterThan(0)
        // Chromium warns of an unused preload a few seconds after the load event.
        await page.waitForTimeout(3500)
      }
      expect(said, target).toEqual([])
      await page.close()
    }
  }, 60_000)

  it('works under a sub-path, fetching chunks from there', async () => {
    const page = await open(`${subOrigin}/reports/`)
    const chunks: string[] = []
    page.context().on('request', (r) => {
      if (r.url().includes('/assets/search')) chunks.push(new URL(r.url()).pathname)
    })
    await page.click('#search-header')
    await page.keyboard.type('istio')
    const options = await dropdown(page)
    await options.filter({ hasText: 'Istio in production' }).click()
    await page.waitForURL(/\/docs\/recap\/reports\/.+\/istio-in-production\/$/)
    expect(await page.textContent('h1')).toBe('Istio in production')
    expect(chunks.length).toBeGreaterThan(2)
    expect(chunks.every((c) => c.startsWith('/docs/recap/assets/'))).toBe(true)
    await page.close()
  })

  it('says so, in the page and in the dropdown, when the index cannot be loaded', async () => {
    const context = await browser.newContext()
    await context.route('**/assets/search-index.js', (route) => route.fulfill({ status: 404, body: 'missing' }))
    const page = await context.newPage()
    await page.goto(`${origin}/search/?q=istio`)
    await settled(page)
    expect(await page.textContent('#search-status')).toMatch(/^The search index could not be loaded .*Rebuild the site with "npm run build"\.$/)
    await page.goto(`${origin}/`)
    await page.click('#search-header')
    await page.keyboard.type('istio')
    await page.waitForSelector('#search-header[aria-expanded="true"]')
    expect(await page.textContent('.search-popup-status')).toMatch(/^Search is unavailable/)
    // And again: the next keystroke gets an answer too.
    await page.keyboard.type('x')
    await expect.poll(() => page.textContent('.search-popup-status')).toMatch(/^Search is unavailable/)
    await context.close()
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
    // Through the URL too, as a shared link would bring them, and into the dropdown.
    for (const input of hostileInputs.slice(28, 35)) {
      await page.goto(`${origin}/search/?q=${encodeURIComponent(input)}&kind=${encodeURIComponent(input)}`)
      await settled(page)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    }
    await page.goto(`${origin}/`)
    for (const input of hostileInputs.slice(28, 35)) {
      await page.fill('#search-header', input)
      await page.waitForTimeout(200)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
      expect(await page.locator('.search-popup img, .search-popup svg, .search-popup b').count()).toBe(0)
    }
    expect(errors).toEqual([])
    await page.close()
  })
})
