/**
 * Auto-linking, a rehype plugin of the emit stage: in a section's content, the first mention
 * of each topic alias or project links to its page. Never inside code, an existing link or a
 * heading, and never inside another word (the matcher works on whole words).
 *
 * The transform copies only what it changes: nodes without a mention below them are shared
 * with the input, which is left as it is (the linked site keeps its parsed content).
 * Links carry a site path in `data-site-path`; the page serializer (html.ts) turns it into an href relative
 * to whichever page shows the section.
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import type { Plugin, Processor } from 'unified'
import { unified } from 'unified'
import type { Section, Site } from '../link/graph.ts'
import { PhraseMatcher, taggingKey, type Target } from '../link/tagger.ts'
import { sitePath } from '../paths.ts'

const skipInside = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style'])

export interface AutolinkOptions {
  matcher: PhraseMatcher
  /** Site path of a target's page. */
  pathOf: (target: Target) => string
}

/** rehype plugin: returns a linked tree and leaves its input unchanged. */
export const rehypeAutolink: Plugin<[AutolinkOptions], Root> = function (options) {
  return (tree: Root) => autolink(tree, options)
}

/** A copy of `tree` with auto-links added; unchanged subtrees are shared with the input. */
export function autolink(tree: Root, options: AutolinkOptions): Root {
  const linked = new Set<string>()
  const walk = <T extends Root | Element>(parent: T): T => {
    let next: ElementContent[] | undefined
    parent.children.forEach((child, i) => {
      let replacement: ElementContent[] | undefined
      if (child.type === 'element') {
        if (!skipInside.has(child.tagName)) {
          const walked = walk(child)
          if (walked !== child) replacement = [walked]
        }
      } else if (child.type === 'text') {
        const parts = linkText(child, linked, options)
        if (parts) replacement = parts
      }
      if (replacement && !next) next = parent.children.slice(0, i) as ElementContent[]
      if (next) next.push(...(replacement ?? [child as ElementContent]))
    })
    return next ? ({ ...parent, children: next } as T) : parent
  }
  return walk(tree)
}

/** The options for a site: its topics and projects, linked to their pages. */
export function siteAutolinkOptions(site: Pick<Site, 'topics' | 'projects'>): AutolinkOptions {
  return {
    matcher: PhraseMatcher.fromCatalogue(site.topics, site.projects, { links: true }),
    pathOf: (t) => sitePath(t.type === 'topic' ? 'topics' : 'projects', t.id),
  }
}

/**
 * The site as pages show it: every section's content with its auto-links. Sections are
 * shallow copies; the linked site itself is not changed. `previous` lets a rebuild reuse the
 * linked content of sections whose parsed content is the same object as before.
 */
export function withAutolinks(site: Site, previous?: AutolinkMemo): { site: Site; memo: AutolinkMemo } {
  // Links follow the catalogue: a changed topic or project (an alias, a name) links anew.
  const key = taggingKey(site.topics, site.projects)
  const memo: AutolinkMemo =
    previous?.key === key ? previous : { key, trees: new WeakMap(), processor: unified().use(rehypeAutolink, siteAutolinkOptions(site)) }
  const sections: Section[] = site.sections.map((s) => {
    let content = memo.trees.get(s.content)
    if (!content) memo.trees.set(s.content, (content = memo.processor.runSync(s.content) as Root))
    return { ...s, content }
  })
  return { site: { ...site, sections, section: new Map(sections.map((s) => [s.id, s])) }, memo }
}

/** Linked content by parsed content, for one catalogue (its tagging key). */
export interface AutolinkMemo {
  key: string
  trees: WeakMap<Root, Root>
  processor: Processor<undefined, Root, Root>
}

function linkText(node: Text, linked: Set<string>, options: AutolinkOptions): ElementContent[] | undefined {
  const text = node.value
  // Longest first; at equal length a project wins over a topic (it is the more specific page).
  const candidates = options.matcher
    .match(text)
    .filter((m) => !linked.has(key(m.target)) && !dotted(text, m))
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || (a.target.type === 'project' ? -1 : 1))
  const chosen: typeof candidates = []
  let cursor = 0
  for (const m of candidates) {
    if (m.start < cursor || linked.has(key(m.target))) continue
    chosen.push(m)
    linked.add(key(m.target))
    cursor = m.end
  }
  if (chosen.length === 0) return undefined
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

/** Part of a longer dotted name ("kubeapps" in "kubeapps.com", "Node" in "Node.js"): named, but no link of its own. */
function dotted(text: string, m: { start: number; end: number }): boolean {
  return /^\.[\p{L}\p{N}]/u.test(text.slice(m.end, m.end + 2)) || /[\p{L}\p{N}]\.$/u.test(text.slice(Math.max(0, m.start - 2), m.start))
}

function key(t: Target): string {
  return `${t.type}:${t.id}`
}
