/** Search in `recap dev`: the dropdown works there, over compressed responses, and finds a word added while it runs. */
import type { AddressInfo } from 'node:net'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { dev } from '../../src/dev.ts'
import { makeContent, realContent, removeDir, tempDir } from '../helpers.ts'
import { fixtureReports } from '../search/fixture.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled } from './site.ts'

describe.skipIf(!browserTestsEnabled())('search in recap dev', () => {
  let browser: Browser | undefined
  let close: (() => Promise<void>) | undefined
  const dirs: string[] = []
  afterAll(async () => {
    await browser?.close()
    await close?.()
    await Promise.all(dirs.map(removeDir))
  })

  it('answers in the dropdown, compressed, and after an edit', async () => {
    const content = await makeContent(fixtureReports, false, realContent)
    const work = await tempDir()
    dirs.push(content, work)
    const started = await dev({ contentDir: content, outDir: path.join(work, 'site'), cacheDir: path.join(work, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [], log: () => {} })
    close = started.close
    const origin = `http://127.0.0.1:${(started.server.address() as AddressInfo).port}`
    browser = await launchChromium()
    const page = await browser.newPage()
    const encodings: string[] = []
    page.context().on('response', (r) => {
      if (r.url().endsWith('/assets/search.js')) encodings.push(r.headers()['content-encoding'] ?? 'none')
    })
    await page.goto(`${origin}/`)
    await page.click('#search-header')
    await page.keyboard.type('istio')
    await page.waitForSelector('#search-header[aria-expanded="true"]')
    expect(await page.locator('[role="option"]').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Istio in production/)]))
    expect(encodings).toEqual(['br'])

    const file = path.join(content, 'reports/2019-fixture.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('Prometheus scrapes metrics', 'Prometheus scrapes axolotl metrics'))
    await expect
      .poll(async () => {
        await page.goto(`${origin}/search/?q=axolotl`)
        await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' })
        return page.locator('a.result-title').allTextContents()
      }, { timeout: 30_000 })
      .toEqual(['Monitoring with Prometheus'])
  }, 90_000)
})
