/**
 * An image beside a report shows in a real browser on the report page and on the section's
 * own page, served and opened from disk alike: the browser loads it (its natural size is the
 * file's), which no string comparison of the HTML can tell.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeContent, removeDir, report } from '../helpers.ts'
import { png } from '../png.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled, serveBuiltSite, type ServedSite } from './site.ts'

describe.skipIf(!browserTestsEnabled())('an image beside a report, in a browser', () => {
  let content: string
  let site: ServedSite
  let browser: Browser

  beforeAll(async () => {
    content = await makeContent({
      'reports/2019/pics.md': report(
        'title: Photos\nconference: meshconf-2019\nsummary: A report with images.',
        '## The keynote stage {.talk}\n\n![The stage](img/stage.png)\n\nRaw: <img src="./img/stage.png" alt="again">\n\nShared: ![hall](../../media/hall.png)',
      ),
    })
    await mkdir(path.join(content, 'reports/2019/img'), { recursive: true })
    await mkdir(path.join(content, 'media'))
    await writeFile(path.join(content, 'reports/2019/img/stage.png'), png(64, 32, [200, 60, 40]))
    await writeFile(path.join(content, 'media/hall.png'), png(48, 24, [40, 60, 200]))
    site = await serveBuiltSite({ contentDir: content, base: '/' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    if (content) await removeDir(content)
  })

  it('loads on the report page and the section page, served and from disk', async () => {
    const page = await browser.newPage()
    const pages = ['reports/pics/', 'reports/pics/the-keynote-stage/']
    const urls = [...pages.map((p) => `${site.origin}/${p}`), ...pages.map((p) => pathToFileURL(path.join(site.out, p, 'index.html')).href)]
    for (const url of urls) {
      await page.goto(url)
      const images = page.locator('main img')
      await expect.poll(() => images.evaluateAll((all) => all.every((i) => (i as HTMLImageElement).complete)), { message: url }).toBe(true)
      const sizes = await images.evaluateAll((all) => all.map((i) => [(i as HTMLImageElement).alt, (i as HTMLImageElement).naturalWidth]))
      expect(sizes, url).toEqual([
        ['The stage', 64],
        ['again', 64],
        ['hall', 48],
      ])
    }
    await page.close()
  })
})
