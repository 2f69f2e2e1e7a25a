/** Every internal link and anchor in the built site resolves. External links are not fetched. */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { htmlPages } from './browser/site.ts'
import { realContent, removeDir, tempDir } from './helpers.ts'

let out: string
beforeAll(async () => {
  out = path.join(await tempDir(), 'site')
  await build({ contentDir: realContent, outDir: out, siteUrl: 'https://example.com/' })
})
afterAll(async () => removeDir(path.dirname(out)))

/** The file a URL path serves, as the static server does. */
function fileFor(urlPath: string): string | undefined {
  const p = path.join(out, decodeURIComponent(urlPath))
  if (existsSync(p) && statSync(p).isDirectory()) return existsSync(path.join(p, 'index.html')) ? path.join(p, 'index.html') : undefined
  return existsSync(p) ? p : undefined
}

describe('links in the built site', () => {
  it('resolve to a file, and anchors to an element with that id', async () => {
    const pages = await htmlPages(out)
    const ids = new Map<string, Set<string>>()
    const idsOf = async (file: string) => {
      if (!ids.has(file)) {
        const set = new Set<string>()
        visit(fromHtml(await readFile(file, 'utf8')), 'element', (el: Element) => {
          if (typeof el.properties.id === 'string') set.add(el.properties.id)
        })
        ids.set(file, set)
      }
      return ids.get(file)!
    }
    const broken: string[] = []
    let checked = 0
    for (const page of pages) {
      // The 404 page links absolutely under the base path, "/" here.
      const pageUrl = new URL(page, 'http://site.test/')
      const tree = fromHtml(await readFile(fileFor(page)!, 'utf8'))
      const targets: string[] = []
      visit(tree, 'element', (el: Element) => {
        for (const attr of ['href', 'src', 'action'] as const) {
          const value = el.properties[attr]
          if (typeof value === 'string') targets.push(value)
        }
      })
      for (const target of targets) {
        const url = new URL(target, pageUrl)
        if (url.origin !== pageUrl.origin) continue
        checked++
        const file = fileFor(url.pathname)
        if (!file) {
          broken.push(`${page} → ${target}`)
          continue
        }
        if (url.hash && file.endsWith('.html') && !(await idsOf(file)).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page} → ${target} (no such anchor)`)
      }
    }
    expect(checked).toBeGreaterThan(4000)
    expect(broken).toEqual([])
  })
})
