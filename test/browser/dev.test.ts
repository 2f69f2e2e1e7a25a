/** The dev server's error overlay and live reload, in a real browser. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { makeContent, removeDir, root, tempDir } from '../helpers.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled } from './site.ts'

describe.skipIf(!browserTestsEnabled())('recap dev in a browser', () => {
  let child: ChildProcess | undefined
  let browser: Browser | undefined
  const dirs: string[] = []
  afterAll(async () => {
    child?.kill()
    await browser?.close()
    await Promise.all(dirs.map(removeDir))
  })

  it('shows content errors over the open page and clears them when fixed', async () => {
    const content = await makeContent({}, true)
    const work = await tempDir()
    dirs.push(content, work)
    const port = 45000 + Math.floor(Math.random() * 2000)
    child = spawn(process.execPath, [path.join(root, 'bin/recap.js'), 'dev', '--content', content, '--out', path.join(work, 'site'), '--cache', path.join(work, 'cache'), '--port', String(port)], { cwd: root })
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => (d.toString().includes('watching') ? resolve() : undefined))
      child!.once('exit', () => reject(new Error('dev server exited')))
    })
    browser = await launchChromium()
    const page = await browser.newPage()
    page.setDefaultTimeout(20_000)
    await page.goto(`http://127.0.0.1:${port}/reports/gamma-2017/`)
    // Wait until the page listens for rebuilds.
    await page.waitForSelector('html[data-recap-dev="connected"]', { state: 'attached' })

    const file = path.join(content, 'reports/gamma-2017.md')
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace('## The venue', '## The venue {.panel}'))
    const overlay = page.locator('#recap-dev-overlay[role="alert"]')
    await overlay.waitFor()
    // An editor's save can be seen half-written first; the overlay then updates to the final error.
    await expect.poll(() => overlay.textContent(), { timeout: 20_000 }).toMatch(/gamma-2017\.md:\d+:\d+ {2}unknown session kind "\.panel"/)
    // The last good page is still there under the overlay.
    expect(await page.textContent('h1')).toBe('Gamma in Oslo')

    await writeFile(file, original.replace('the coffee was excellent.', 'the coffee was excellent. Fixed!'))
    await page.waitForFunction(() => document.body.textContent?.includes('Fixed!'))
    expect(await page.locator('#recap-dev-overlay').count()).toBe(0)
  }, 90_000)

  it('reloads open tabs of a site served under --base', async () => {
    const content = await makeContent({}, true)
    const work = await tempDir()
    dirs.push(content, work)
    const port = 47000 + Math.floor(Math.random() * 2000)
    const server = spawn(process.execPath, [path.join(root, 'bin/recap.js'), 'dev', '--content', content, '--out', path.join(work, 'site'), '--cache', path.join(work, 'cache'), '--port', String(port), '--base', '/sub/'], { cwd: root })
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout!.on('data', (d: Buffer) => (d.toString().includes(`http://127.0.0.1:${port}/sub/ and watching`) ? resolve() : undefined))
        server.once('exit', () => reject(new Error('dev server exited')))
      })
      browser ??= await launchChromium()
      const page = await browser.newPage()
      page.setDefaultTimeout(20_000)
      // The server's root leads to the site under its base.
      await page.goto(`http://127.0.0.1:${port}/`)
      expect(page.url()).toBe(`http://127.0.0.1:${port}/sub/`)
      await page.goto(`http://127.0.0.1:${port}/sub/reports/gamma-2017/`)
      // Styled: the stylesheet is found under the base.
      expect(await page.evaluate(() => document.styleSheets.length > 0 && document.styleSheets[0]!.cssRules.length > 0)).toBe(true)
      await page.waitForSelector('html[data-recap-dev="connected"]', { state: 'attached' })
      const file = path.join(content, 'reports/gamma-2017.md')
      await writeFile(file, (await readFile(file, 'utf8')).replace('the coffee was excellent.', 'the coffee was excellent. Reloaded under /sub/!'))
      await page.waitForFunction(() => document.body.textContent?.includes('Reloaded under /sub/!'))
      expect(page.url()).toBe(`http://127.0.0.1:${port}/sub/reports/gamma-2017/`)
    } finally {
      server.kill()
    }
  }, 90_000)
})
