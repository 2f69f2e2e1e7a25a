/**
 * The unified processors: Markdown → mdast (with session attributes read), and a section's
 * mdast nodes → sanitized HTML. Raw HTML in a report is parsed and then sanitized with
 * GitHub's schema: no script, no event handlers, no javascript: URLs; what sanitizing leaves
 * that a reader would take for something else (a style sheet's text, a form's controls, a link
 * that goes nowhere) is tidied away after it (see `tidy`).
 */
import type { Element, ElementContent, Parents, Root as HastRoot } from 'hast'
import type { Heading, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { EXIT, SKIP, visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { stripControls } from '../load/controls.ts'
import { contains } from '../tree.ts'
import { fileReference, srcsetCandidates, writeSrcset, type FileReference } from './references.ts'
import remarkSessionAttributes from './session-attributes.ts'
import remarkInferStructure from './structure/infer.ts'

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkSessionAttributes).use(remarkInferStructure)

export function parseMarkdown(markdown: string, path: string): { tree: Root; file: VFile } {
  const file = new VFile({ value: markdown, path })
  const tree = markdownParser.parse(file)
  // Plugins run as transformers: the attribute plugin reads and strips {.kind …} here,
  // then inference marks the sessions and groups the author left unmarked.
  markdownParser.runSync(tree, file)
  return { tree, file }
}

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true })

/**
 * Elements dropped with everything inside them. GitHub's schema drops only script's text and
 * unwraps the rest, so a style sheet, a template, a frame's fallback or a form's typed value
 * and choices were shown as text on the page ("body{display:none}").
 */
const droppedWithContent = ['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'title', 'textarea', 'select', 'datalist', 'option', 'optgroup']
/**
 * GitHub's schema, and the attributes of responsive images: `srcset` and `sizes` on an image
 * as on a picture's sources, and a source's `type`. Each srcset candidate is resolved as an
 * image's src is (markSiteLink), and one with a scheme other than http or https is dropped,
 * as the schema drops such a src.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  strip: [...new Set([...(defaultSchema.strip ?? []), ...droppedWithContent])],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'srcSet', 'sizes'],
    source: [...(defaultSchema.attributes?.source ?? []), 'sizes', 'type'],
  },
}

const withRaw = unified().use(rehypeRaw).use(rehypeSanitize, schema)
const withoutRaw = unified().use(rehypeSanitize, schema)

/** Where a section's files are found: the report's folder, and the lists its references are added to. */
export interface ReferenceContext {
  /** The report's folder relative to the content folder, with "/": "reports" or "reports/2019". */
  folder: string
  found: FileReference[]
  /** Links to "#…", with their lines in the body: the report checks that the page has the id. */
  fragments?: FragmentLink[]
  /** Raw `<img>` written without alt, with their lines in the body. */
  missingAlt?: { line: number; column: number }[]
}

export interface FragmentLink {
  /** The fragment decoded, without "#". */
  fragment: string
  line: number
  column: number
}

/**
 * A section's content as sanitized hast. Sub-headings inside a section are ranked below
 * the section heading: a section's own heading is rendered by the page, as h2.
 * With `references`, each image and link to a file is listed there, with its line in the body.
 */
export function sectionContent(nodes: RootContent[], headingDepth: number, references?: ReferenceContext): HastRoot {
  const rerank = (depth: number) => Math.min(6, 2 + Math.max(1, depth - headingDepth)) as Heading['depth']
  const root: Root = { type: 'root', children: nodes.map((node) => withHeadings(node, rerank)) }
  const converted = toHast.runSync(root) as HastRoot
  // rehype-raw parses the whole tree again with parse5 to place raw HTML; most sections have
  // none, and for them the pass changes nothing but costs a fifth of the parse.
  const hast = (contains(converted, (node) => node.type === 'raw') ? withRaw : withoutRaw).runSync(converted) as HastRoot
  // Raw HTML can spell control characters as &#27;; they never reach a page.
  // Source positions go too: nothing after the parse reads them, and they were 40% of a
  // cached report.
  visit(hast, (node) => {
    const at = node.position?.start
    delete node.position
    if (node.type === 'text' || node.type === 'comment') node.value = stripControls(node.value)
    else if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value === 'string') node.properties[name] = stripControls(value)
        else if (Array.isArray(value)) node.properties[name] = value.map((v) => (typeof v === 'string' ? stripControls(v) : v))
      }
      markSiteLink(node, at, references)
      noteForCheck(node, at ?? { line: 1, column: 1 }, references)
    }
  })
  tidy(hast)
  return hast
}

/** What the report's check needs from an element: a link to "#…", and a raw image without alt. */
function noteForCheck(node: Element, at: { line: number; column: number }, references: ReferenceContext | undefined): void {
  if (!references) return
  const href = node.properties.href
  if (node.tagName === 'a' && typeof href === 'string' && href.length > 1 && href.startsWith('#')) {
    let fragment = href.slice(1)
    try {
      fragment = decodeURIComponent(fragment)
    } catch {
      // A stray "%": the fragment is the text as written.
    }
    references.fragments?.push({ fragment, line: at.line, column: at.column })
  }
  if (node.tagName === 'img' && node.properties.alt === undefined) references.missingAlt?.push({ line: at.line, column: at.column })
}

/**
 * After sanitizing, what is left of raw HTML made readable, and code and tables usable from
 * the keyboard:
 * - an `<img>` without alt gets alt="" (HTML requires one; `check` asks for a real one);
 * - a form's controls go (a text box became a disabled checkbox); a button's or label's
 *   text stays, as text. The checkbox of a task list item ("- [x]") stays;
 * - an `<a>` whose address was removed (javascript:…) is no link: its text stays, as text,
 *   and an anchor it named (`<a name>`, `<a id>`) stays as a span with that id; so does a
 *   link with nothing in it to click;
 * - a code block may be wider than its box: it scrolls, and takes focus so that the keyboard
 *   can scroll it (WCAG 2.1.1), as in MkDocs Material;
 * - a table is wrapped in a box that scrolls sideways, focusable and named, so that a wide
 *   table never makes the whole page scroll on a phone or zoomed in.
 */
function tidy(tree: HastRoot): void {
  const tasks = taskCheckboxes(tree)
  visit(tree, 'element', (node: Element, index, parent: Parents | undefined) => {
    if (!parent || index === undefined) return undefined
    if (node.tagName === 'img' && node.properties.alt === undefined) node.properties.alt = ''
    // A paragraph of nothing but what was dropped (`<template>…</template>`, a text box) goes with it.
    const dropped = (c: ElementContent) => (c.type === 'text' && c.value.trim() === '') || (c.type === 'element' && c.tagName === 'input' && !tasks.has(c))
    if (node.tagName === 'p' && node.children.every(dropped)) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if (node.tagName === 'input' && !tasks.has(node)) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    // A link with nothing to click (`[]()`, left by a copied post) is a tab stop with no name: it goes too.
    const empty = node.children.every((c) => c.type === 'text' && c.value.trim() === '')
    if (node.tagName === 'a' && (node.properties.href === undefined || empty)) {
      const id = node.properties.id ?? node.properties.name
      if (typeof id === 'string' && id !== '') {
        parent.children[index] = { type: 'element', tagName: 'span', properties: { id }, children: node.children }
        return undefined
      }
      parent.children.splice(index, 1, ...node.children)
      return [SKIP, index]
    }
    if (node.tagName === 'pre') node.properties.tabIndex = 0
    if (node.tagName === 'table') {
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0, role: 'group', ariaLabel: tableLabel(node) }, children: [node] }
      return [SKIP, index + 1]
    }
    return undefined
  })
}

/** The checkboxes remark-gfm makes for "- [x] done": the first thing in a task list item (or in its first paragraph). */
function taskCheckboxes(tree: HastRoot): Set<Element> {
  const found = new Set<Element>()
  const first = (el: Element) => el.children.find((c): c is Element => c.type === 'element')
  visit(tree, 'element', (li: Element) => {
    const classes = li.properties.className
    if (li.tagName !== 'li' || !Array.isArray(classes) || !classes.includes('task-list-item')) return
    let box = first(li)
    if (box?.tagName === 'p') box = first(box)
    if (box?.tagName === 'input') found.add(box)
  })
  return found
}

/** A table's name for the keyboard and screen readers: its column headings, or its first row. */
function tableLabel(table: Element): string {
  let row: Element | undefined
  visit(table, 'element', (el: Element) => {
    if (el.tagName !== 'tr') return undefined
    row = el
    return EXIT
  })
  const cells = (row?.children ?? []).filter((c): c is Element => c.type === 'element').map((c) => hastText(c).replace(/\s+/g, ' ').trim()).filter(Boolean)
  const names = cells.join(', ')
  return names === '' ? 'Table' : `Table: ${names.length > 80 ? names.slice(0, 80).replace(/\s\S*$/, '') + '…' : names}`
}

function hastText(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(hastText).join('') : ''
}

/**
 * A link or image to "/images/stage.png" means this site's root, as in public/: it becomes a
 * site link, written relative to each page that shows it (and under `--base`), like Recap's own
 * links. Written as it is, it would miss under a base path and from disk.
 *
 * A relative one ("img/stage.png", "../img/stage.png") means the file next to the report, as
 * in a Hugo page bundle: when it is a type Recap copies, it becomes a site link to where the
 * build copies it (the same path as in the content folder). Either kind is listed in
 * `references`, so that the link stage can say when the file is missing.
 */
function markSiteLink(node: Element, at: { line: number; column: number } | undefined, references: ReferenceContext | undefined): void {
  if ((node.tagName === 'img' || node.tagName === 'source') && typeof node.properties.srcSet === 'string') markSrcset(node, node.properties.srcSet, at, references)
  const kind = node.tagName === 'img' ? 'image' : node.tagName === 'a' ? 'link' : undefined
  const url = kind && node.properties[kind === 'image' ? 'src' : 'href']
  if (!kind || typeof url !== 'string') return
  const site = sitePathOf(kind, url, at, references, node.properties.srcSet)
  if (site !== undefined) node.properties.dataSitePath = site
}

/**
 * Where the site has the file `url` points at, when it is one of the site's own (see
 * markSiteLink); the reference is listed for the link stage to look for. `listed`: a srcset
 * of the same element already listed, whose URLs are not listed twice.
 */
function sitePathOf(kind: FileReference['kind'], url: string, at: { line: number; column: number } | undefined, references: ReferenceContext | undefined, listed?: unknown): string | undefined {
  // Not "//host/…", and nothing that a page at the root would read as a scheme ("/javascript:…").
  let site = /^\/(?![/\\])/.test(url) && !/^\/[^/?#]*:/.test(url) ? url.slice(1) : undefined
  if (!references) return site
  const reference = fileReference(kind, url, references.folder, at ?? { line: 1, column: 1 })
  if (!reference) return site
  // `<img src="a.png" srcset="a.png 1x, a@2x.png 2x">`: one warning for a missing a.png.
  if (typeof listed !== 'string' || !srcsetCandidates(listed).some((c) => c.url === url)) references.found.push(reference)
  if (reference.in === 'content' && reference.sitePath !== undefined) site = reference.sitePath
  return site
}

/**
 * Each URL of an image's or a picture source's `srcset` is resolved as an image's src is:
 * written as it is, "img/a@2x.png 2x" would miss on every page but one and "/images/a.png"
 * under a base path. The site paths go in `data-site-srcset`, as [site path or null, URL,
 * descriptor] per candidate, and the serializer (emit/html.ts) writes each for its page. A
 * candidate with a scheme other than http or https is dropped, as the sanitizer drops such a src.
 */
function markSrcset(node: Element, srcset: string, at: { line: number; column: number } | undefined, references: ReferenceContext | undefined): void {
  const candidates = srcsetCandidates(srcset).filter((c) => !/^[a-z][a-z0-9+.-]*:/i.test(c.url) || /^https?:/i.test(c.url))
  if (candidates.length === 0) {
    delete node.properties.srcSet
    return
  }
  node.properties.srcSet = writeSrcset(candidates)
  const sites = candidates.map((c) => sitePathOf('image', c.url, at, references) ?? null)
  if (sites.some((s) => s !== null)) node.properties.dataSiteSrcset = JSON.stringify(candidates.map((c, i) => [sites[i], c.url, c.descriptor]))
}


/**
 * `node` with its headings at new depths. Copies only headings and the nodes above them, and
 * leaves `node` as it is: the parsed tree stays the author's (copying all of every section
 * was a tenth of the parse).
 */
function withHeadings<T extends RootContent>(node: T, depth: (depth: number) => Heading['depth']): T {
  if (node.type === 'heading') return { ...node, depth: depth(node.depth) }
  if (!('children' in node)) return node
  let children: RootContent[] | undefined
  node.children.forEach((child, i) => {
    const next = withHeadings(child as RootContent, depth)
    if (next !== child && !children) children = node.children.slice(0, i) as RootContent[]
    if (children) children.push(next)
  })
  return children ? { ...node, children } : node
}

const blockTypes = new Set(['paragraph', 'heading', 'code', 'tableCell', 'html'])

/** Plain text, one line per block, so that list items and paragraphs never run together. */
export function plainText(nodes: RootContent[]): string {
  const blocks: string[] = []
  const root: Root = { type: 'root', children: nodes }
  visit(root, (node) => {
    if (!blockTypes.has(node.type)) return
    // Inline raw HTML is markup, not text: leave it out of titles, text and the search index.
    const text = node.type === 'html' ? stripTags(node.value) : toString(node, { includeHtml: false })
    const clean = text.replace(/\s+/g, ' ').trim()
    if (clean) blocks.push(clean)
    return 'skip'
  })
  return blocks.join('\n')
}

function stripTags(html: string): string {
  // [^<>], not [^>]: with many "<" and no ">", each one would scan to the end of the text.
  return html.replace(/<[^<>]*>/g, ' ')
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}
