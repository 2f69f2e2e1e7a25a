/**
 * The search dropdown and the search page with results, chips and quick links pass axe in
 * both color schemes, opened as a reader leaves them: dropdown open with an option active.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveFixtureSite } from './search-site.ts'
import { axeViolations } from './axe.ts'
import { browserTestsEnabled } from './site.ts'


describe.skipIf(!browserTestsEnabled())('search accessibility', () => {
  let browser: Browser
  let origin: string
  let close: (() => Promise<void>) | undefined

  beforeAll(async () => {
    ;({ browser, origin, close } = await serveFixtureSite())
  })

  afterAll(async () => {
    await close?.()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations with the dropdown open (${colorScheme})`, async () => {
      const page = await browser.newPage({ colorScheme })
      await page.goto(`${origin}/`)
      await page.click('#search-header')
      await page.keyboard.type('prometeus')
      await page.waitForSelector('#search-header[aria-expanded="true"]')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      expect(await page.getAttribute('#search-header', 'aria-activedescendant')).toBeTruthy()
      expect(await axeViolations(page)).toEqual([])
      await page.close()
    })

    it(`has no axe violations on the search page with chips and links (${colorScheme})`, async () => {
      const page = await browser.newPage({ colorScheme })
      await page.goto(`${origin}/search/?q=istio%202019`)
      await page.waitForSelector('[data-search-results][aria-busy="false"] li')
      expect(await page.locator('[data-search-chips] button').count()).toBe(1)
      expect(await page.locator('[data-search-links] a').count()).toBeGreaterThan(0)
      expect(await axeViolations(page)).toEqual([])
      await page.close()
    })
  }
})
