/**
 * Links inside section content point at site paths (`data-site-path`); here they become
 * hrefs for the page (or data file) that shows them. Section content is sanitized hast
 * from the parse stage, so it is embedded as nodes and serialized with escaping.
 */
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'

export function resolveSiteLinks<T extends Root | Element>(tree: T, href: (sitePath: string) => string): T {
  const copy = structuredClone(tree)
  visit(copy, 'element', (el: Element) => {
    const path = el.properties.dataSitePath
    if (typeof path !== 'string') return
    el.properties.href = href(path)
    delete el.properties.dataSitePath
  })
  return copy
}
