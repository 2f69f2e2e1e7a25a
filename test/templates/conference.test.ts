/**
 * The conference page's theme × reporter matrix: every column must say whose it is, also
 * when reports have no author or one author wrote two of them.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.ts'
import { makeContent, removeDir, report, tempDir } from '../helpers.ts'

const body = `## Opening keynote {.keynote speakers="Ada Park"}

Security was everywhere, and mutual TLS in particular.

## Service mesh in practice {.talk speakers="Bo Chen"}

Running a service mesh with security in mind.`

function toString(el: Element): string {
  let text = ''
  visit(el, 'text', (t: { value: string }) => void (text += t.value))
  return text
}

async function matrixHeads(reports: Record<string, string>): Promise<{ heads: string[]; hidden: string[]; quotes: Map<string, string[]> }> {
  const content = await makeContent(reports)
  const out = path.join(await tempDir(), 'site')
  await build({ contentDir: content, outDir: out, cacheDir: path.join(await tempDir(), 'cache') })
  const page = fromHtml(await readFile(path.join(out, 'conferences/meshconf-2019/index.html'), 'utf8'))
  const heads: string[] = []
  const hidden: string[] = []
  // Each row's theme, and the sentence quoted in each of its cells.
  const quotes = new Map<string, string[]>()
  visit(page, 'element', (el: Element) => {
    if (el.tagName !== 'table') return
    visit(el, 'element', (cell: Element) => {
      if (cell.tagName === 'th' && cell.properties.scope === 'col') heads.push(toString(cell))
      if (cell.tagName === 'span' && String(cell.properties.className).includes('matrix-reporter')) hidden.push(toString(cell))
      if (cell.tagName === 'tr') {
        const head = cell.children.find((c): c is Element => c.type === 'element' && c.tagName === 'th' && c.properties.scope === 'row')
        if (!head) return
        const theme = toString(head.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a')!)
        const cells: string[] = []
        visit(cell, 'element', (q: Element) => void (q.tagName === 'blockquote' && cells.push(toString(q).trim())))
        quotes.set(theme, cells)
      }
    })
  })
  await removeDir(content)
  await removeDir(path.dirname(out))
  return { heads, hidden, quotes }
}

describe('the conference matrix', () => {
  it('heads a column with its reporter, or with the report title where two would read the same', async () => {
    const { heads, hidden } = await matrixHeads({
      'reports/anon-one.md': report('title: Notes from the front row\nconference: meshconf-2019\nsummary: One.', body),
      'reports/anon-two.md': report('title: Three days of mesh\nconference: meshconf-2019\nsummary: Two.', body),
      'reports/named.md': report('title: My MeshConf\nauthor: Ann Lee\nconference: meshconf-2019\nsummary: Three.', body),
    })
    expect(heads).toEqual(expect.arrayContaining(['Theme', 'Notes from the front row', 'Three days of mesh', 'Ann Lee']))
    expect(heads).toHaveLength(4)
    expect(hidden).not.toContain('Unnamed author')
    expect(hidden).toContain('Ann Lee')
  })

  it('tells apart two reports by the same author', async () => {
    const { heads } = await matrixHeads({
      'reports/day-one.md': report('title: Day one\nauthor: Ann Lee\nconference: meshconf-2019\nsummary: One.', body),
      'reports/day-two.md': report('title: Day two\nauthor: Ann Lee\nconference: meshconf-2019\nsummary: Two.', body),
    })
    expect(heads.slice(1).sort()).toEqual(['Day one', 'Day two'])
  })

  it("quotes each reporter's most telling sentence: from a section about the theme, not a word in a list", async () => {
    const listFirst = `## What I saw

- security
- service mesh

## Locking it down {.talk speakers="Ada Park"}

This talk showed how mutual TLS makes security the default for every service. Security reviews got shorter.

## Hallway {.talk speakers="Cy Moss"}

We talked about GitOps and pull requests all afternoon.

## Closing {.keynote speakers="Di Ray"}

The closing keynote was about operators and custom controllers.`
    const { quotes } = await matrixHeads({
      'reports/one.md': report('title: Day one\nauthor: Ann Lee\nconference: meshconf-2019\nsummary: One.', listFirst),
      'reports/two.md': report('title: Day two\nauthor: Bo Chen\nconference: meshconf-2019\nsummary: Two.', listFirst),
    })
    expect(quotes.get('Security')).toEqual([
      'This talk showed how mutual TLS makes security the default for every service.',
      'This talk showed how mutual TLS makes security the default for every service.',
    ])
  })
})
