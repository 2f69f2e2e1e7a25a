/**
 * hastscript's `h` for HTML, node for node, with what it works out on every call kept: the
 * parsed selector ("a.chip", "main#main") and property-information's answer for each
 * property name. Templates call it some three million times for a site of 1,000 reports,
 * and parsing the same few hundred selectors and names again was a fifth of page rendering.
 * test/templates/h.test.ts compares the two on generated calls.
 */
import type { Element, Properties } from 'hast'
import { h as hastscript } from 'hastscript'
import { parse as parseCommas } from 'comma-separated-tokens'
import { find, html, normalize, type Info } from 'property-information'
import { parse as parseSpaces } from 'space-separated-tokens'

type Selector = { tagName: string; properties: Properties }

const selectors = new Map<string, Selector>()
const infos = new Map<string, Info>()

/** As hast-util-parse-selector: a tag name, then "#id" and ".class" parts in their order. */
function parsed(selector: string): Selector {
  let known = selectors.get(selector)
  if (!known) {
    const properties: Properties = {}
    let tagName: string | undefined
    let previous: string | undefined
    let start = 0
    const search = /[#.]/g
    while (start < selector.length) {
      search.lastIndex = start
      const match = search.exec(selector)
      const part = selector.slice(start, match ? match.index : selector.length)
      if (part) {
        if (!previous) tagName = part
        else if (previous === '#') properties.id = part
        else if (Array.isArray(properties.className)) properties.className.push(part)
        else properties.className = [part]
        start += part.length
      }
      if (match) {
        previous = match[0]
        start++
      }
    }
    known = { tagName: (tagName || 'div').toLowerCase(), properties }
    if (selectors.size < 10_000) selectors.set(selector, known)
  }
  return known
}

function infoOf(key: string): Info {
  // Names with a dash go to find() every time: it keeps state in a global regular expression
  // for those, and its answers are kept exact.
  if (key.includes('-')) return find(html, key)
  let info = infos.get(key)
  if (!info) {
    info = find(html, key)
    if (infos.size < 10_000) infos.set(key, info)
  }
  return info
}

type Child = Parameters<typeof hastscript>[2]

export const h = function h(selector: string | null | undefined, properties?: unknown, ...children: unknown[]) {
  if (selector === null || selector === undefined) return hastscript(selector, properties as Child, ...(children as Child[]))
  const { tagName, properties: fromSelector } = parsed(selector)
  const own: Properties = {}
  for (const key in fromSelector) {
    const value = fromSelector[key]
    own[key] = Array.isArray(value) ? [...value] : value
  }
  const node: Element = { type: 'element', tagName, properties: own, children: [] }
  if (isChild(properties)) children.unshift(properties)
  else for (const [key, value] of Object.entries(properties as Record<string, unknown>)) addProperty(own, key, value)
  for (const child of children) addChild(node.children as unknown[], child)
  if (tagName === 'template') {
    ;(node as Element & { content: unknown }).content = { type: 'root', children: node.children }
    node.children = []
  }
  return node
} as typeof hastscript

function isChild(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true
  const record = value as Record<string, unknown>
  if (typeof record.type !== 'string') return false
  for (const key of Object.keys(record)) {
    const item = record[key]
    if (item && typeof item === 'object') {
      if (!Array.isArray(item)) return true
      for (const x of item) if (typeof x !== 'number' && typeof x !== 'string') return true
    }
  }
  return 'children' in record && Array.isArray(record.children)
}

function addProperty(properties: Properties, key: string, value: unknown): void {
  if (value === null || value === undefined) return
  const info = infoOf(key)
  let result: unknown
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return
    result = value
  } else if (typeof value === 'boolean') {
    result = value
  } else if (typeof value === 'string') {
    if (info.spaceSeparated) result = parseSpaces(value)
    else if (info.commaSeparated) result = parseCommas(value)
    else if (info.commaOrSpaceSeparated) result = parseSpaces(parseCommas(value).join(' '))
    else result = primitive(info, value)
  } else if (Array.isArray(value)) {
    result = [...value]
  } else {
    result = info.property === 'style' ? style(value as Record<string, unknown>) : String(value)
  }
  if (Array.isArray(result)) result = result.map((item) => primitive(info, item))
  if (info.property === 'className' && Array.isArray(properties.className)) {
    result = [...properties.className, ...(Array.isArray(result) ? result : [result])]
  }
  properties[info.property] = result as Properties[string]
}

function primitive(info: Info, value: unknown): unknown {
  if (typeof value === 'string') {
    if (info.number && value && !Number.isNaN(Number(value))) return Number(value)
    if ((info.boolean || info.overloadedBoolean) && (value === '' || normalize(value) === normalize(info.property))) return true
  }
  return value
}

function addChild(nodes: unknown[], value: unknown): void {
  if (value === null || value === undefined) return
  if (typeof value === 'number' || typeof value === 'string') nodes.push({ type: 'text', value: String(value) })
  else if (Array.isArray(value)) for (const child of value) addChild(nodes, child)
  else if (typeof value === 'object' && 'type' in value) {
    if ((value as { type: unknown }).type === 'root') addChild(nodes, (value as unknown as { children: unknown }).children)
    else nodes.push(value)
  } else throw new Error('Expected node, nodes, or string, got `' + value + '`')
}

function style(styles: Record<string, unknown>): string {
  const result: string[] = []
  for (const [key, value] of Object.entries(styles)) result.push([key, value].join(': '))
  return result.join('; ')
}
