/**
 * A reader's questions, each answered in at most two clicks from the home page of the
 * fixture site (test/fixtures/site, whose README says what is in it), in Chromium.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled, serveSite, type ServedSite } from './site.ts'

describe.skipIf(!browserTestsEnabled())('a reader’s questions, two clicks from home', () => {
  let site: ServedSite
  let browser: Browser

  beforeAll(async () => {
    site = await serveSite(inject('fixtureSite'))
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  /** The home page at a width, and a click counter: every question may spend two. */
  async function home(width = 1280): Promise<{ page: Page; click: (name: string | RegExp, within?: string) => Promise<void>; clicks: () => number }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    await page.goto(`${site.origin}/`)
    let clicks = 0
    return {
      page,
      clicks: () => clicks,
      click: async (name, within = 'body') => {
        clicks++
        await Promise.all([page.waitForNavigation(), page.locator(within).getByRole('link', { name, exact: typeof name === 'string' }).first().click()])
      },
    }
  }

  it('who spoke about Linkerd? Projects › Linkerd names the speakers, who link to their sessions across years', async () => {
    for (const width of [1280, 375]) {
      const { page, click, clicks } = await home(width)
      await click('Projects', 'header')
      await click('Linkerd', 'main')
      expect(clicks()).toBeLessThanOrEqual(2)
      const speakers = page.getByRole('region', { name: 'Who spoke about Linkerd' })
      await expect(speakers.getByRole('link').allInnerTexts()).resolves.toEqual(['Lee Park'])
      // One more click is a follow-up: the person's page has both years, though spelled two ways.
      await speakers.getByRole('link', { name: 'Lee Park' }).click()
      await page.waitForURL(/\/speakers\/lee-park\/$/)
      const sessions = await page.getByRole('region', { name: 'Sessions' }).getByRole('listitem').allInnerTexts()
      expect(sessions.join('\n')).toMatch(/Tracing every request[\s\S]*MeshConf 2018[\s\S]*Linkerd two years later[\s\S]*MeshConf 2019/)
      await page.close()
    }
  })

  it('which talks mention Prometheus? Projects › Prometheus lists them with the sentence', async () => {
    const { page, click, clicks } = await home()
    await click('Projects', 'header')
    await click('Prometheus', 'main')
    expect(clicks()).toBeLessThanOrEqual(2)
    const text = await page.locator('main').innerText()
    expect(text).toContain('Tracing every request')
    expect(text).toContain('Prometheus held the metrics beside the traces')
    await page.close()
  })

  it('how did service mesh evolve? the topic page opens with where and when, and every bar states its base', async () => {
    const { page, click, clicks } = await home()
    await click(/^Service mesh/, 'main')
    expect(clicks()).toBeLessThanOrEqual(2)
    await expect(page.locator('.where-and-when').innerText()).resolves.toMatch(/^Discussed in 2017 by 1 of 1 reporter and 2018 by 2 of 2 reporters; no 2019 report mentions it\.$/)
    const table = await page.locator('table.trend-table tbody').innerText()
    expect(table).toContain('1 of 3 sections, 1 of 1 report (thin coverage)')
    await page.close()
  })

    it('what did the two Lisbon reporters agree on? the conference page says, then quotes each per theme', async () => {
    const { page, click, clicks } = await home()
    await click('MeshConf 2018', 'main')
    expect(clicks()).toBeLessThanOrEqual(2)
    await expect(page.locator('.agreed').innerText()).resolves.toBe('Both reporters wrote about: Security, Service mesh, Istio')
    const matrix = page.locator('table.matrix')
    // Reporters are the columns, named and linked to their reports.
    const heads = matrix.locator('thead th a')
    await expect(heads.allInnerTexts()).resolves.toEqual(['Ada Alpha', 'Ben Beta'])
    await expect(heads.first().getAttribute('href')).resolves.toBe('../../reports/alpha-2018/')
    // Every row heading links to its theme; every cell quotes what that reporter wrote.
    const security = matrix.locator('tbody tr', { has: page.getByRole('link', { name: 'Security', exact: true }) })
    await expect(security.locator('blockquote').allInnerTexts()).resolves.toEqual([
      'The speakers showed how Istio turns on mutual TLS between every pair of services.',
      'A hands-on workshop: we wired two services through a sidecar and turned on mutual TLS.',
    ])
    await page.close()
  })

    it('which workshops were there? Sessions › Workshop, as cards that fit a phone', async () => {
    const { page, click, clicks } = await home(375)
    await click('Sessions', 'header')
    await click(/^Workshop/, 'nav.session-filters')
    expect(clicks()).toBeLessThanOrEqual(2)
    await expect(page.locator('.session-card h2').allInnerTexts()).resolves.toEqual(['Build your own mesh'])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.close()
  })

    it('names every reporter: by author, or by the site a post without one came from', async () => {
    const { page, click } = await home()
    await click('Reports', 'header')
    const text = await page.locator('main').innerText()
    expect(text).toContain('Ben Beta')
    expect(text).toContain('gamma-notes.example')
    expect(text).not.toContain('Unnamed author')
    await page.close()
  })
})
