/**
 * Auto-linking: in a section's content, the first mention of each topic alias or project
 * links to its page. Never inside code, an existing link or a heading, and never inside
 * another word (the matcher works on whole words).
 *
 * Links carry a site path in `data-site-path`; the emit stage turns it into an href
 * relative to whichever page shows the section.
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import type { PhraseMatcher, Target } from './tagger.ts'

const skipInside = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style'])

export interface AutolinkOptions {
  matcher: PhraseMatcher
  /** Site path of a target's page. */
  pathOf: (target: Target) => string
}

/** A copy of `tree` with auto-links added; the input is left as it is. */
export function autolink(tree: Root, options: AutolinkOptions): Root {
  const linked = new Set<string>()
  const copy = structuredClone(tree)
  const walk = (parent: Root | Element) => {
    const next: (Root | Element)['children'] = []
    for (const child of parent.children) {
      if (child.type === 'element') {
        if (!skipInside.has(child.tagName)) walk(child)
        next.push(child)
      } else if (child.type === 'text') {
        next.push(...linkText(child, linked, options))
      } else {
        next.push(child as ElementContent)
      }
    }
    parent.children = next as typeof parent.children
  }
  walk(copy)
  return copy
}

function linkText(node: Text, linked: Set<string>, options: AutolinkOptions): ElementContent[] {
  const text = node.value
  // Longest first; at equal length a project wins over a topic (it is the more specific page).
  const candidates = options.matcher
    .match(text)
    .filter((m) => !linked.has(key(m.target)))
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || (a.target.type === 'project' ? -1 : 1))
  const chosen: typeof candidates = []
  let cursor = 0
  for (const m of candidates) {
    if (m.start < cursor || linked.has(key(m.target))) continue
    chosen.push(m)
    linked.add(key(m.target))
    cursor = m.end
  }
  if (chosen.length === 0) return [node]
  const out: ElementContent[] = []
  let at = 0
  for (const m of chosen) {
    if (m.start > at) out.push({ type: 'text', value: text.slice(at, m.start) })
    const path = options.pathOf(m.target)
    out.push({
      type: 'element',
      tagName: 'a',
      properties: { href: path, dataSitePath: path, className: ['autolink'] },
      children: [{ type: 'text', value: text.slice(m.start, m.end) }],
    })
    at = m.end
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) })
  return out
}

function key(t: Target): string {
  return `${t.type}:${t.id}`
}
