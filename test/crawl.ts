/** The internal-link crawl shared by the link test and the smoke test. External links are not fetched. */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { htmlPages } from './browser/site.ts'

export interface CrawlResult {
  pages: string[]
  /** Internal links checked. */
  checked: number
  /** "page → target" for every link to a missing file or anchor. */
  broken: string[]
}

/** Follows every internal href, src and action of every page of the built site in `out`. */
export async function crawl(out: string): Promise<CrawlResult> {
  /** The file a URL path serves, as the static server does. */
  const fileFor = (urlPath: string): string | undefined => {
    const p = path.join(out, decodeURIComponent(urlPath))
    if (existsSync(p) && statSync(p).isDirectory()) return existsSync(path.join(p, 'index.html')) ? path.join(p, 'index.html') : undefined
    return existsSync(p) ? p : undefined
  }
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
  const pages = await htmlPages(out)
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
  return { pages, checked, broken }
}
