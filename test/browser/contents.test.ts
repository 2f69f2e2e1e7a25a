/**
 * A long report's "On this page" rail in a real browser: it marks the section being read and
 * keeps that entry in view, scrolling itself (not the page) when the list is taller than it.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeContent, removeDir, report } from '../helpers.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled, serveBuiltSite, type ServedSite } from './site.ts'

const paragraph = 'Notes on what the speakers said about running a service mesh, and what we would try at work. '.repeat(6)
const sections = Array.from({ length: 40 }, (_, i) => `## Session number ${i + 1}\n\n${paragraph}\n\n${paragraph}`).join('\n\n')

describe.skipIf(!browserTestsEnabled())('the contents rail of a long report', () => {
  let content: string
  let site: ServedSite
  let browser: Browser

  beforeAll(async () => {
    content = await makeContent({ 'reports/long.md': report('title: A long report\nconference: meshconf-2019\nsummary: Forty sections.', sections) })
    site = await serveBuiltSite({ contentDir: content })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    if (content) await removeDir(content)
  })

  it('keeps the section being read in view in the rail as the page scrolls', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 700 } })
    const page = await ctx.newPage()
    await page.goto(site.origin + '/reports/long/')
    const rail = page.locator('nav.toc')
    expect(await rail.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    for (const n of [35, 12, 40]) {
      const y = await page.evaluate((id) => (document.getElementById(id)!.scrollIntoView(), window.scrollY), `session-number-${n}`)
      const marked = page.locator(`nav.toc a[aria-current="location"][href="#session-number-${n}"]`)
      await marked.waitFor()
      await expect.poll(async () => {
        const [box, at] = await Promise.all([rail.boundingBox(), marked.boundingBox()])
        return at!.y >= box!.y && at!.y + at!.height <= box!.y + box!.height
      }).toBe(true)
      // The page stays where the reader put it.
      expect(await page.evaluate(() => window.scrollY)).toBe(y)
    }
    await ctx.close()
  })
})
