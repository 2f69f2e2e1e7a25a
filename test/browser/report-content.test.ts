/**
 * What a report's own text puts on its pages, in a real browser: a code line longer than its
 * box, a table wider than a phone, raw HTML leftovers and a heading that opens with an emoji.
 * The fixture site of quality.test.ts has none of these, so its "no violations" said nothing
 * about them (axe's scrollable-region-focusable; a page that scrolls sideways on a phone).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeContent, removeDir, report } from '../helpers.ts'
import { axeViolations } from './axe.ts'
import { launchChromium } from './chromium.ts'
import { browserTestsEnabled, serveBuiltSite, type ServedSite } from './site.ts'


const longCommand = 'kubectl --context production-cluster-eu-west-1 --namespace payments-service get pods --selector app.kubernetes.io/name=payments,app.kubernetes.io/part-of=checkout --output jsonpath={.items[*].status.containerStatuses[*].restartCount} --sort-by=.metadata.creationTimestamp'
const header = '| # | plugin | stars | description | first seen | stable | tested | docs | issues | city |'
const rows = Array.from({ length: 4 }, (_, i) => `| ${i + 1} | kubectl-plugin-${i + 1} | 1234 | a longer description of what the plugin does, number ${i + 1} | 2019-05-2${i} | yes | no | partly | 42 | Barcelona |`)
const body = [
  'Notes from the tooling track.',
  '',
  '## Plugins worth a look {.talk speakers="Ana Lind"}',
  '',
  'The command from the demo:',
  '',
  '```sh',
  longCommand,
  '```',
  '',
  'And the plugins she compared:',
  '',
  header,
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  '## 🚀 Launch party',
  '',
  'Leftovers of the blog this came from: <img src="/missing.png"> <a href="javascript:alert(1)">click</a>',
  '',
  '<style>body{display:none}</style>',
  '',
  '<form action="https://evil.example/"><input name=q><button>go</button></form>',
].join('\n')

describe.skipIf(!browserTestsEnabled())('a report with wide code, a wide table and raw HTML, in a browser', () => {
  let content: string
  let site: ServedSite
  let browser: Browser
  const pages = ['/reports/tools/', '/reports/tools/plugins-worth-a-look/', '/reports/tools/launch-party/']

  beforeAll(async () => {
    content = await makeContent({ 'reports/tools.md': report('title: Tools at MeshConf\nconference: meshconf-2019\nsummary: Plugins and a party.', body) })
    site = await serveBuiltSite({ contentDir: content })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    if (content) await removeDir(content)
  })

  for (const [width, scheme] of [[375, 'light'], [1280, 'dark']] as const) {
    it(`has no axe violations and no sideways page scroll at ${width}px (${scheme})`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme })
      const page = await ctx.newPage()
      for (const url of pages) {
        await page.goto(site.origin + url)
        // The fixture must hold what it is for: a code line and a table wider than their boxes.
        if (url !== pages[2]) {
          const wide = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.prose pre, .table-scroll')].map((el) => el.scrollWidth > el.clientWidth))
          expect(wide, url).toEqual([true, true])
        }
        expect(await axeViolations(page), `${url} at ${width}px`).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${width}px`).toBeLessThanOrEqual(width)
      }
      await ctx.close()
    })
  }

  it('keeps a phone-width page (or 200% zoom) from scrolling sideways with a wide table', async () => {
    // 1280px at 200% is a 640px wide layout.
    const ctx = await browser.newContext({ viewport: { width: 640, height: 800 } })
    const page = await ctx.newPage()
    await page.goto(site.origin + pages[0]!)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
    await ctx.close()
  })

  it('lets the keyboard reach, see and scroll the code block and the table', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await ctx.newPage()
    await page.goto(site.origin + pages[1]!)
    for (const selector of ['.prose pre', '.table-scroll']) {
      let found = false
      for (let i = 0; i < 40 && !found; i++) {
        await page.keyboard.press('Tab')
        found = await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)
      }
      expect(found, `${selector} takes focus from the keyboard`).toBe(true)
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        return { outline: getComputedStyle(el).outlineStyle, label: el.getAttribute('aria-label') }
      })
      expect(focused.outline, selector).toBe('solid')
      if (selector === '.table-scroll') expect(focused.label).toMatch(/^Table: #, plugin, stars/)
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
      // The browser scrolls smoothly: wait for it to move, however busy the machine is.
      await expect.poll(() => page.evaluate((s) => document.querySelector(s)!.scrollLeft, selector), { message: `${selector} scrolls from the keyboard`, timeout: 20_000 }).toBeGreaterThan(0)
    }
    await ctx.close()
  })

  it('prints the whole code line, wraps the table and leaves out the "#" anchors', async () => {
    const ctx = await browser.newContext({ viewport: { width: 800, height: 1000 } })
    const page = await ctx.newPage()
    await page.goto(site.origin + pages[0]!)
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => {
      const pre = document.querySelector<HTMLElement>('.prose pre')!
      const table = document.querySelector<HTMLElement>('.table-scroll')!
      return {
        codeCut: pre.scrollWidth > pre.clientWidth + 1,
        tableCut: table.scrollWidth > table.clientWidth + 1,
        anchors: [...document.querySelectorAll<HTMLElement>('a.anchor')].filter((a) => getComputedStyle(a).display !== 'none').length,
        pageWidth: document.documentElement.scrollWidth,
      }
    })
    expect(printed).toEqual({ codeCut: false, tableCut: false, anchors: 0, pageWidth: 800 })
    await ctx.close()
  })

  it('shows no leftovers of raw HTML: no style sheet text, no form control, no link to nowhere; the emoji heading has a clean id', async () => {
    const ctx = await browser.newContext()
    const page = await ctx.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
    await page.goto(site.origin + pages[0]!)
    const seen = await page.evaluate(() => {
      const section = document.getElementById('launch-party')!
      return {
        text: section.querySelector('.prose')!.textContent!.replace(/\s+/g, ' ').trim(),
        controls: section.querySelectorAll('input, button, form, textarea, select').length,
        linksWithoutAddress: section.querySelectorAll('.prose a:not([href])').length,
        imagesWithoutAlt: document.querySelectorAll('img:not([alt])').length,
        bodyShown: getComputedStyle(document.body).display !== 'none',
      }
    })
    expect(seen).toEqual({ text: 'Leftovers of the blog this came from: click go', controls: 0, linksWithoutAddress: 0, imagesWithoutAlt: 0, bodyShown: true })
    expect(dialogs).toEqual([])
    await ctx.close()
  })
})
