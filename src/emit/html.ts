/**
 * Pages to HTML: the serialization of hast-util-to-html 9 with its default options, byte for
 * byte, in one pass that appends to a string. The library is general (options, a handler
 * per node type, an options object and a regular expression per escaped string); with
 * 18,000 pages at 1,000 reports it was half the time of the write stage. The escaping is the
 * library's: text escapes `<` and `&`, attribute values `"`, `&`, `'`, backtick and NUL, as
 * hexadecimal character references; attribute names and their kinds (boolean, comma- or
 * space-separated) come from property-information, as in the library. test/emit/html.test.ts
 * compares the two on every kind of node and on built pages.
 *
 * It also resolves site links as it goes (test/emit/site-links.ts is the reference it is tested against): an element with a string
 * `data-site-path` is written with `href` (an image: `src`) set to `siteHref(path)` and
 * without the data attribute, where `toHtml(resolveSiteLinks(tree, siteHref))` copied the tree first;
 * an image or source with `data-site-srcset` is written with each of its srcset's site paths so.
 */
import type { Element, ElementContent, Nodes, Parents, Properties } from 'hast'
import type { Raw } from 'mdast-util-to-hast'
import { toHtml } from 'hast-util-to-html'
import { htmlVoidElements } from 'html-void-elements'
import { find, html, svg, type Info, type Schema } from 'property-information'
import { stringify as commas } from 'comma-separated-tokens'
import { stringify as spaces } from 'space-separated-tokens'

export interface SerializeOptions {
  /** Href of a site path, for links that carry `data-site-path`; without it they are written as they are. */
  siteHref?: (sitePath: string) => string
}

export function serializeHtml(tree: Nodes, options: SerializeOptions = {}): string {
  return new Serializer(options.siteHref).one(tree, undefined, html)
}

const voids = new Set(htmlVoidElements)
/** SVG elements whose children are HTML again. */
const htmlIntegrationPoints = new Set(['desc', 'foreignObject', 'title'])

// Character references as hast-util-to-html writes them by default: `&#x` + upper-case hex + `;`.
const reference = (character: string) => '&#x' + character.charCodeAt(0).toString(16).toUpperCase() + ';'
const textSpecial = /[<&]/
const textSpecials = /[<&]/g
const valueSpecial = /[\0"&'`]/
const valueSpecials = /[\0"&'`]/g
const nameSpecials = /[\0\t\n\f\r "&'/<=>`]/g
const commentSpecials = /^>|^->|<!--|-->|--!>|<!-$/g
const commentEntities = /[<>]/g

function escapeText(value: string): string {
  return textSpecial.test(value) ? value.replace(textSpecials, reference) : value
}

function escapeValue(value: string): string {
  return valueSpecial.test(value) ? value.replace(valueSpecials, reference) : value
}

/** property-information's answer for a property, and its attribute name escaped, kept per schema. */
interface Attribute {
  info: Info
  name: string
}
const attributeCache = new Map<Schema, Map<string, Attribute>>([
  [html, new Map()],
  [svg, new Map()],
])
function attributeOf(schema: Schema, key: string): Attribute {
  // Keys with a dash go through find() each time: its data-attribute check uses a global
  // regular expression whose state carries over between calls, and we keep its answers exact.
  if (key.includes('-')) return described(find(schema, key))
  const cache = attributeCache.get(schema)!
  let attribute = cache.get(key)
  if (!attribute) cache.set(key, (attribute = described(find(schema, key))))
  return attribute
}
const described = (info: Info): Attribute => ({ info, name: info.attribute.replace(nameSpecials, reference) })

/** Whether a tag name is a void element: compared in lower case, as the library does. */
const voidTags = new Map<string, boolean>()
function isVoid(tagName: string): boolean {
  let answer = voidTags.get(tagName)
  if (answer === undefined) {
    answer = voids.has(tagName.toLowerCase())
    if (voidTags.size < 10_000) voidTags.set(tagName, answer)
  }
  return answer
}

class Serializer {
  constructor(private readonly siteHref: ((sitePath: string) => string) | undefined) {}

  one(node: Nodes, parent: Parents | undefined, schema: Schema): string {
    switch (node.type) {
      case 'root':
        return this.all(node, schema)
      case 'element':
        return this.element(node, schema)
      case 'text':
        return parent?.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style') ? node.value : escapeText(node.value)
      case 'doctype':
        return '<!doctype html>'
      case 'comment':
        return '<!--' + node.value.replace(commentSpecials, (match) => match.replace(commentEntities, reference)) + '-->'
      case 'raw': {
        // HTML this module wrote itself (PreRendered, fragments) goes in as it is.
        const fragment = fragments.get(node)
        if (fragment) return this.fragment(fragment)
        if (trusted.has(node)) return node.value
        // Other raw HTML is escaped as text, as the library does without allowDangerousHtml.
        return parent?.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style') ? node.value : escapeText(node.value)
      }
      default:
        // Unknown or invalid: the library throws its own error.
        return toHtml(node)
    }
  }

  /** A fragment's HTML with each open site link written as this page writes it. */
  fragment({ html, paths }: Fragment): string {
    const text = html.toString('utf8')
    if (paths.length === 0) return text
    const siteHref = this.siteHref
    if (!siteHref) throw new Error('Bug in Recap: a fragment with site links was serialized without siteHref.')
    return text.replace(slots, (_, index: string) => escapeValue(siteHref(paths[Number(index)]!)))
  }

  all(parent: Parents, schema: Schema): string {
    let out = ''
    for (const child of parent.children) out += this.one(child, parent, schema)
    return out
  }

  element(node: Element, schema: Schema): string {
    let childSchema = schema
    if (schema.space === 'html' && node.tagName === 'svg') childSchema = svg
    const attributes = this.attributes(node.properties, childSchema, node.tagName === 'img' ? 'src' : 'href')
    if (childSchema.space === 'svg' && htmlIntegrationPoints.has(node.tagName)) childSchema = html
    // A template's content is a fragment of its own, where resolveSiteLinks never looked.
    const content =
      schema.space === 'html' && node.tagName === 'template'
        ? new Serializer(undefined).all((node as unknown as { content?: Parents }).content ?? emptyRoot, childSchema)
        : this.all(node, childSchema)
    const selfClosing = schema.space === 'svg' ? false : isVoid(node.tagName) && !content
    const open = '<' + node.tagName + (attributes ? ' ' + attributes : '') + '>'
    return selfClosing ? open : open + content + '</' + node.tagName + '>'
  }

  /** `target`: the attribute a site path is written to, `href` or an image's `src`. */
  attributes(properties: Properties | undefined, schema: Schema, target: 'href' | 'src' = 'href'): string {
    if (!properties) return ''
    let sitePath: string | undefined
    if (this.siteHref && typeof properties.dataSitePath === 'string') sitePath = properties.dataSitePath
    // A srcset's site paths (parse/markdown.ts): written in place of the srcset as it was written.
    const srcset = this.siteHref && typeof properties.dataSiteSrcset === 'string' ? srcsetFor(properties.dataSiteSrcset, this.siteHref) : undefined
    let out = ''
    let hrefSeen = false
    // for…in, as the library: the order of the properties is the order of the attributes.
    for (const key in properties) {
      let value = properties[key]
      if (srcset !== undefined) {
        if (key === 'dataSiteSrcset') continue
        if (key === 'srcSet') value = srcset
      }
      if (sitePath !== undefined) {
        // As resolveSiteLinks: the data attribute goes, href takes its place or comes last.
        if (key === 'dataSitePath') continue
        if (key === target) {
          hrefSeen = true
          value = this.siteHref!(sitePath)
        }
      }
      if (value === null || value === undefined) continue
      const attribute = this.attribute(key, value, schema)
      if (attribute) out += (out ? ' ' : '') + attribute
    }
    if (sitePath !== undefined && !hrefSeen) {
      const attribute = this.attribute(target, this.siteHref!(sitePath), schema)
      if (attribute) out += (out ? ' ' : '') + attribute
    }
    return out
  }

  attribute(key: string, raw: Properties[string], schema: Schema): string {
    const { info, name } = attributeOf(schema, key)
    let value: unknown = raw
    if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true
    else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value)
    if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return ''
    if (value === true) return name
    const text = Array.isArray(value) ? (info.commaSeparated ? commas : spaces)(value as (string | number)[], { padLeft: true }) : String(value)
    return name + '="' + escapeValue(text) + '"'
  }
}

const emptyRoot: Parents = { type: 'root', children: [] }

/** A `data-site-srcset` ([site path or null, URL as written, descriptor] per candidate) as the srcset of a page. */
export function srcsetFor(encoded: string, siteHref: (sitePath: string) => string): string {
  const candidates = JSON.parse(encoded) as [string | null, string, string][]
  // A site path's href has no whitespace and no comma at its end, which would split a candidate:
  // a copied file's path is percent-encoded (parse/references.ts), a path from the root was one
  // srcset URL already, and the base of an absolute href is encoded (paths.ts).
  return candidates.map(([site, url, descriptor]) => (site === null ? url : siteHref(site)) + (descriptor ? ' ' + descriptor : '')).join(', ')
}

/** Raw nodes made by PreRendered: with fragments, the only raw HTML the serializer writes as it is. */
const trusted = new WeakSet<Raw>()

/**
 * A tree serialized once for every page that shows it: its HTML as UTF-8 bytes, with each
 * site link left open as a slot (`\uE000` index `\uE001`, index into `paths`). A page
 * fills the slots with its own relative hrefs; the bytes are the same as serializing the tree
 * on that page. A section's content is shown on its report's page, its own page and in the
 * data files: serialized once, it is neither parsed again nor walked again, and its bytes are
 * a fraction of its tree's.
 */
export interface Fragment {
  html: Buffer
  paths: string[]
}
const slotOpen = '\uE000'
const slotClose = '\uE001'
const slots = /\uE000(\d+)\uE001/g
const slotMarks = /[\uE000\uE001]/g

/**
 * `tree` as a fragment, or undefined when its text holds the characters that mark slots
 * (private-use characters a report may still contain): such a tree is kept as a tree.
 */
export function serializeFragment(tree: Parents): Fragment | undefined {
  const paths: string[] = []
  const text = new Serializer((path) => slotOpen + (paths.push(path) - 1) + slotClose).one(tree, undefined, html)
  const marks = text.match(slotMarks)?.length ?? 0
  if (marks !== paths.length * 2) return undefined
  return { html: Buffer.from(text), paths }
}

const fragments = new WeakMap<Raw, Fragment>()

/** A node that a page's serializer writes as `fragment`, its slots filled for that page. */
export function fragmentNode(fragment: Fragment): ElementContent {
  const node: Raw = { type: 'raw', value: '' }
  fragments.set(node, fragment)
  return node as unknown as ElementContent
}

/**
 * Parts of a page that are the same on many pages (the site header, the head's links),
 * serialized once per key and embedded as HTML. The key must name everything the part is
 * built from; the HTML is this serializer's own, so it is escaped as any other part.
 * A template keeps its own instance, so a template loaded afresh starts with an empty one.
 */
export class PreRendered {
  private readonly parts = new Map<string, Raw>()

  constructor(private readonly limit = 1000) {}

  /** The part for `key`: `build()` serialized the first time, the same HTML after. */
  get(key: string, build: () => ElementContent | ElementContent[]): ElementContent {
    let part = this.parts.get(key)
    if (!part) {
      if (this.parts.size >= this.limit) this.parts.clear()
      const built = build()
      part = { type: 'raw', value: serializeHtml({ type: 'root', children: Array.isArray(built) ? built : [built] }) }
      trusted.add(part)
      this.parts.set(key, part)
    }
    return part as unknown as ElementContent
  }
}
