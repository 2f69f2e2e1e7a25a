/**
 * The reference for src/emit/html.ts, which resolves site links as it serializes: links inside
 * section content point at site paths (`data-site-path`); here they become hrefs for the page
 * (or data file) that shows them, on a copy of the tree. Section content is sanitized hast
 * from the parse stage, so it is embedded as nodes and serialized with escaping.
 *
 * Copy on write: only the elements on the way to a rewritten link are copied; everything
 * else is shared with the input, which stays as it is (pages embed the linked site's nodes).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'

export function resolveSiteLinks<T extends Root | Element>(tree: T, href: (sitePath: string) => string): T {
  const walk = <N extends Root | Element>(node: N): N => {
    let properties = (node as Element).properties
    if (node.type === 'element') {
      const path = node.properties.dataSitePath
      if (typeof path === 'string') {
        const { dataSitePath: _, ...rest } = node.properties
        // An image's site path is its src; any other element's, its href.
        properties = { ...rest, [node.tagName === 'img' ? 'src' : 'href']: href(path) }
      }
      const srcset = node.properties.dataSiteSrcset
      if (typeof srcset === 'string') {
        // Each candidate's site path, in the srcset's place.
        const { dataSiteSrcset: _, ...rest } = properties
        const candidates = JSON.parse(srcset) as [string | null, string, string][]
        properties = { ...rest, srcSet: candidates.map(([site, url, d]) => (site === null ? url : href(site)) + (d ? ' ' + d : '')).join(', ') }
      }
    }
    let children: (RootContent | ElementContent)[] | undefined
    node.children.forEach((child, i) => {
      const walked = child.type === 'element' ? walk(child) : child
      if (walked !== child && !children) children = node.children.slice(0, i)
      if (children) children.push(walked)
    })
    if (!children && properties === (node as Element).properties) return node
    return { ...node, ...(node.type === 'element' ? { properties } : {}), children: children ?? node.children } as N
  }
  return walk(tree)
}
