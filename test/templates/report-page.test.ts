/**
 * What a report's page says about the report's own text: the footer's count, the ids of
 * headings that open with an emoji, and the group headings' ids the parse gave them.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.ts'
import { makeContent, removeDir, report, tempDir } from '../helpers.ts'

async function built(reports: Record<string, string>): Promise<(page: string) => Promise<string>> {
  const content = await makeContent(reports)
  const out = path.join(await tempDir(), 'site')
  await build({ contentDir: content, outDir: out })
  await removeDir(content)
  return (page) => readFile(path.join(out, page, 'index.html'), 'utf8')
}

const fm = (title: string) => `title: ${title}\nconference: meshconf-2019\nsummary: Testing.`

describe('a report page', () => {
  it('counts one trip report in the singular in the footer, two in the plural', async () => {
    const one = await built({ 'reports/a.md': report(fm('A'), '## Talk\n\nText.') })
    expect(await one('')).toContain('Built by Recap from 1 trip report.')
    const two = await built({ 'reports/a.md': report(fm('A'), '## Talk\n\nText.'), 'reports/b.md': report(fm('B'), '## Talk\n\nText.') })
    expect(await two('reports/a')).toContain('Built by Recap from 2 trip reports.')
  })

  it('gives a heading that opens with an emoji, and a group heading, an id without a leading hyphen', async () => {
    const page = await built({ 'reports/a.md': report(fm('A'), '## 🎉 Day 1\n\n### 🚀 Rocket talk {.talk}\n\nText.\n\n### Keynote # {.keynote}\n\nText.') })
    const html = await page('reports/a')
    expect([...html.matchAll(/<(?:section|h\d)[^>]* id="([^"]+)"/g)].map((m) => m[1])).toEqual(['day-1', 'rocket-talk', 'keynote'])
    expect(html).toContain('<a class="anchor" href="#day-1"')
  })
})
