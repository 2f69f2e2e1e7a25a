/**
 * How soon the search page shows its first result: what it fetches without waiting for
 * something else first, and what it shows before the rest has loaded. Each test holds back
 * one response until the request that must not wait for it has been made (or a long time
 * has passed: then the order shows the wait), so none depends on how fast the machine is.
 */
import type { Browser, BrowserContext, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firstScreen } from '../../src/browser/page.ts'
import { serveFixtureSite } from './search-site.ts'
import { browserTestsEnabled } from './site.ts'

describe.skipIf(!browserTestsEnabled())('the search page, first result', () => {
  let browser: Browser
  let origin: string
  let close: (() => Promise<void>) | undefined

  beforeAll(async () => {
    ;({ browser, origin, close } = await serveFixtureSite())
  })

  afterAll(async () => {
    await close?.()
  })

  /**
   * Requests in the order they were made, with `held` answered only once `until` has been
   * requested (or after 10 s, so a page that waits for `held` still finishes).
   */
  async function holding(context: BrowserContext, held: string, until: string): Promise<string[]> {
    const order: string[] = []
    let release!: () => void
    const requested = new Promise<void>((resolve) => (release = resolve))
    context.on('request', (r) => {
      const file = new URL(r.url()).pathname
      order.push(file)
      if (file.endsWith(until)) release()
    })
    await context.route(`**${held}`, async (route: Route) => {
      await Promise.race([requested, new Promise((resolve) => setTimeout(resolve, 10_000))])
      order.push(`released ${held}`)
      await route.continue()
    })
    return order
  }

  const settled = (page: import('playwright-core').Page) => page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached', timeout: 30_000 })

  it('asks for the search interface with site.js, not once site.js has run', async () => {
    const context = await browser.newContext()
    const order = await holding(context, '/assets/site.js', '/assets/search-ui.js')
    const page = await context.newPage()
    await page.goto(`${origin}/search/?q=istio`)
    await settled(page)
    expect(await page.locator('a.result-title').first().textContent()).toBe('Istio in production')
    expect(order.indexOf('/assets/search-ui.js')).toBeLessThan(order.indexOf('released /assets/site.js'))
    // Once: site.js sees it is there and does not add it again.
    expect(order.filter((f) => f === '/assets/search-ui.js')).toHaveLength(1)
    await context.close()
  }, 60_000)

  it('asks for the index with the page itself, before its scripts have run, and only once', async () => {
    const context = await browser.newContext()
    const order = await holding(context, '/assets/search-ui.js', '/assets/search-index.js')
    const page = await context.newPage()
    await page.goto(`${origin}/search/?q=istio`)
    await settled(page)
    expect(await page.locator('a.result-title').first().textContent()).toBe('Istio in production')
    expect(order.indexOf('/assets/search-index.js')).toBeLessThan(order.indexOf('released /assets/search-ui.js'))
    // The preload is the fetch the page makes for the worker: not a second download.
    expect(order.filter((f) => f === '/assets/search-index.js')).toHaveLength(1)
    await context.close()
  }, 60_000)

  it('fetches the index and the query\'s dictionary shard while the worker starts, each once', async () => {
    const context = await browser.newContext()
    // "istio": the shard of terms starting with "i" (src/search/format.ts names it by its code point).
    const shard = `/assets/search/d-${'i'.codePointAt(0)!.toString(36)}.js`
    const order = await holding(context, '/assets/search.js', shard)
    const page = await context.newPage()
    await page.goto(`${origin}/search/?q=istio`)
    await settled(page)
    expect(await page.locator('a.result-title').first().textContent()).toBe('Istio in production')
    expect(page.workers()).toHaveLength(1)
    const released = order.indexOf('released /assets/search.js')
    expect(order.indexOf('/assets/search-index.js')).toBeLessThan(released)
    expect(order.indexOf(shard)).toBeLessThan(released)
    // The worker searched with the page's copies rather than fetching its own.
    expect(order.filter((f) => f === '/assets/search-index.js')).toHaveLength(1)
    expect(order.filter((f) => f === shard)).toHaveLength(1)
    expect(order.some((f) => f.startsWith('/assets/search/p-'))).toBe(true)
    await context.close()
  }, 60_000)

  it('shows the first screenful of results before loading the rest, then all of them', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    // Every change to the list, as the reader would see it: how many results, whether "Show more" shows.
    await page.addInitScript(() => {
      const seen: { results: number; more: boolean; snippets: number }[] = []
      ;(window as unknown as { __seen: typeof seen }).__seen = seen
      new MutationObserver(() => {
        const list = document.querySelector('[data-search-results]')
        if (list?.querySelector('li.result')) seen.push({ results: list.querySelectorAll('li.result').length, more: !!list.querySelector('li.more'), snippets: list.querySelectorAll('.snippet').length })
      }).observe(document, { childList: true, subtree: true })
    })
    // Six sections mention a mesh (test/search/fixture.ts): one more than the first screen.
    await page.goto(`${origin}/search/?q=mesh`)
    await settled(page)
    const seen = () => page.evaluate(() => (window as unknown as { __seen: { results: number; more: boolean; snippets: number }[] }).__seen)
    const first = (await seen())[0]!
    expect(first).toEqual({ results: firstScreen, more: false, snippets: 0 })
    expect(await page.locator('li.result').count()).toBe(firstScreen + 1)
    expect(await page.locator('li.result .snippet').count()).toBe(firstScreen + 1)

    // A list already shown is replaced whole: searching again never shrinks it to the first screen.
    const before = (await seen()).length
    await page.press('#search-page', 'Enter')
    await expect.poll(async () => (await seen()).length, { timeout: 30_000 }).toBeGreaterThan(before + 1)
    await settled(page)
    expect((await seen()).slice(before).map((s) => s.results)).toEqual((await seen()).slice(before).map(() => firstScreen + 1))
    await context.close()
  }, 60_000)
})
