/**
 * Screenshot pages of a built site at phone and desktop widths, in light and dark schemes.
 * Usage: npx tsx scripts/screenshots.ts [--out dist] [--to screenshots] [--dark] [--viewport] [path ...]
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { launchChromium } from '../test/browser/chromium.ts'

const { values, positionals } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    to: { type: 'string', default: 'screenshots' },
    dark: { type: 'boolean', default: false },
    viewport: { type: 'boolean', default: false },
  },
  allowPositionals: true,
})
const pages = positionals.length ? positionals : ['']
const browser = await launchChromium()
await mkdir(values.to!, { recursive: true })
for (const width of [375, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: values.dark ? 'dark' : 'light' })
  const page = await context.newPage()
  for (const p of pages) {
    const url = pathToFileURL(path.resolve(values.out!, p, p.endsWith('.html') ? '' : 'index.html')).href
    await page.goto(url)
    const name = `${(p || 'home').replace(/[/#]+/g, '_').replace(/_$/, '')}-${width}${values.dark ? '-dark' : ''}.png`
    await page.screenshot({ path: path.join(values.to!, name), fullPage: !values.viewport })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    console.log(`${name}${overflow > 0 ? `  OVERFLOW ${overflow}px` : ''}`)
  }
  await context.close()
}
await browser.close()
