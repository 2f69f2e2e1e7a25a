/**
 * YAML with positions: parse once with `yaml` and keep a way back from a value's path
 * to the line it was written on, so that every schema problem can name its line.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Range, type YAMLError } from 'yaml'
import type { z } from 'zod'
import { stripControlsDeep } from '../load/controls.ts'
import { maxNesting } from '../parse/nesting.ts'
import { problem, type Problem } from '../problems.ts'
import { knownKeysAt, schemaAt } from './schema.ts'

export interface Position {
  line: number
  column: number
}

export interface ParsedYaml {
  value: unknown
  /**
   * Where the key at `path` was written (or its value, with `value`); for a missing key,
   * where its parent is.
   */
  locate: (path: readonly PropertyKey[], value?: boolean) => Position
  problems: Problem[]
}

/** How many errors of one file are traced back to the value they are about. */
const relocateLimit = 50

/** `lineOffset` shifts positions when the YAML is embedded in a larger file (front matter). */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedYaml {
  // The YAML parser recurses once per level: a few thousand nested [ would overflow the stack.
  const deepLine = findDeepYaml(text, maxNesting)
  if (deepLine !== undefined) {
    const tooDeep = problem('tooDeep', { file, line: deepLine + lineOffset }, { what: 'YAML lists and mappings', limit: maxNesting })
    return { value: undefined, locate: () => ({ line: deepLine + lineOffset, column: 1 }), problems: [tooDeep] }
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + lineOffset, column: col }
  }
  // The parser notices an unclosed bracket or quote where the value should have ended (often
  // the next line), and text after a closing one where that text starts: the problem is put
  // where the value starts, and says what is wrong with it. Two errors found at one place (a
  // quote left open inside a list) are one problem.
  // The same value can be blamed by several errors (the open quote, then the "key" its next
  // line seems to be): one problem per place.
  const seen = new Set<string>()
  const problems = doc.errors.flatMap((e, i) => {
    if (seen.has(`at ${e.pos[0]}`)) return []
    seen.add(`at ${e.pos[0]}`)
    // Each search walks the document: a file broken in thousands of places keeps the parser's positions past the first few.
    const open = i < relocateLimit ? badValue(doc, e, text, lineOffset) : undefined
    const { line, column } = at(open?.range[0] ?? e.pos[0])
    if (seen.has(`${line}:${column}`)) return []
    seen.add(`${line}:${column}`)
    return [problem('yamlSyntax', { file, line, column }, { reason: open?.reason ?? firstLine(e.message) })]
  })

  const locate = (path: readonly PropertyKey[], value = false): Position => {
    let node: unknown = doc.contents
    let best = node && (node as Node).range ? at((node as Node).range![0]) : { line: 1 + lineOffset, column: 1 }
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key))
        if (!pair) return best
        if (isScalar(pair.key) && pair.key.range) best = at(pair.key.range[0])
        node = pair.value
        if (value && key === path.at(-1) && node && (node as Node).range) best = at((node as Node).range![0])
      } else if (isSeq(node)) {
        node = node.items[Number(key)]
        if (node && (node as Node).range) best = at((node as Node).range![0])
      } else {
        return best
      }
    }
    return best
  }

  let value: unknown
  if (!problems.length) {
    try {
      // Aliases are resolved here: one that names no anchor, or too many of them (an alias bomb), is refused.
      value = stripControlsDeep(doc.toJS({ maxAliasCount: 100 }))
    } catch (error) {
      const alias = firstAlias(doc)
      const { line, column } = alias?.range ? at(alias.range[0]) : { line: 1 + lineOffset, column: 1 }
      problems.push(problem('yamlSyntax', { file, line, column }, { reason: firstLine((error as Error).message) }))
    }
  }
  return { value, locate, problems }
}

/**
 * The first line (1-based) where YAML nests deeper than `limit`, found without recursion:
 * flow collections by their brackets (outside quotes and comments), block collections by
 * indentation and "- " markers at the start of a line. Over-estimates rather than misses.
 */
export function findDeepYaml(text: string, limit: number): number | undefined {
  let depth = 0
  let line = 1
  let quote: string | undefined
  let comment = false
  let lineStart = true
  let prefix = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\n') {
      line++
      comment = false
      lineStart = true
      prefix = 0
      continue
    }
    if (lineStart) {
      if (c === ' ' || c === '\t' || ((c === '-' || c === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t'))) {
        if (++prefix > limit) return line
        continue
      }
      lineStart = false
    }
    if (comment) continue
    if (quote) {
      if (quote === '"' && c === '\\') i++
      else if (c === quote) quote = undefined
      continue
    }
    const before = i === 0 ? ' ' : text[i - 1]!
    if (c === '#' && /\s/.test(before)) comment = true
    else if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) quote = c
    else if (c === '[' || c === '{') {
      if (++depth > limit) return line
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1)
  }
  return undefined
}

/**
 * The value an error is about, for the errors the parser finds past it: a bracket or quote
 * never closed (the innermost flow list or mapping, or quoted text, that runs on to where the
 * error was found), or text after a closing bracket or quote (`title: [WIP] My talk`).
 */
function badValue(doc: Document, error: YAMLError, text: string, lineOffset: number): { range: Range; reason: string } | undefined {
  const unclosed = error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT'
  if (!unclosed && error.code !== 'UNEXPECTED_TOKEN') return undefined
  const where = error.pos[0]
  let found: { range: Range; reason: string } | undefined
  visit(doc, (_key, node) => {
    if (!isNode(node) || !node.range) return
    const [start, valueEnd, end] = node.range
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
    const flow = (isSeq(node) || isMap(node)) && node.flow === true
    if (!(quoted || flow) || start >= where || (found && found.range[0] > start)) return
    const [opening, closing, what] = quoted ? (node.type === 'QUOTE_DOUBLE' ? ['"', '"', 'quoted text'] : ["'", "'", 'quoted text']) : isSeq(node) ? ['[', ']', 'list'] : ['{', '}', 'mapping']
    if (unclosed && end >= where && (error.code === 'MISSING_CHAR') === quoted) {
      // "a…⏎b" with the second line at column 0: libyaml (Hugo, Jekyll, PyYAML) reads it, YAML
      // itself does not (yaml-test-suite QB6E): say where the line is and what it needs.
      const unindented = quoted ? /\n(?=[^\s])/.exec(text.slice(start, Math.max(end, where + 2))) : null
      // Only when that line ends the quote: a quote left open before "key: value" is unclosed.
      const nextLine = unindented ? text.slice(start + unindented.index + 1).split('\n')[0]! : ''
      const reason = unindented && new RegExp(`${closing}\\s*(?:#.*)?$`).test(nextLine)
        ? `the ${what} opened with ${opening} here goes on at the start of line ${text.slice(0, start + unindented.index + 1).split('\n').length + lineOffset}: indent that line (two spaces) to keep it part of the ${what}, or write the value on one line`
        : quoted
          ? `the ${what} opened with ${opening} here is never closed with ${closing}`
          : `the ${what} opened with "${opening}" here is never closed with "${closing}" (quote the whole value if the "${opening}" is part of the text)`
      found = { range: node.range, reason }
    } else if (!unclosed && valueEnd <= where && where < end) {
      const reason = quoted
        ? `text follows the closing ${closing} of the ${what} that starts here (quote the whole value with the other kind of quote, or leave out the quotes)`
        : `text follows the "${closing}" that closes the ${what} starting here (quote the whole value if the "${opening}" is part of the text)`
      found = { range: node.range, reason }
    }
  })
  return found
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined
  visit(doc, {
    Alias(_key, node) {
      found = node
      return visit.BREAK
    },
  })
  return found
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/** `topics[2].aliases[0]` style, as a user would point at a field. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '')
}

/** Validate `value` against `schema`; one problem per bad field, each with its line. */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  yaml: ParsedYaml,
  file: string,
): { data: z.infer<S> | undefined; problems: Problem[] } {
  const result = schema.safeParse(value)
  if (result.success) return { data: result.data, problems: [] }
  const problems: Problem[] = []
  const seen = new Set<string>()
  // Fields a misspelt key stands for: "missing" is no news about them.
  const meant = new Set<string>()
  for (const issue of result.error.issues) {
    // One problem per field: a value that fails two checks needs one fix.
    const key = formatPath(issue.path)
    if (issue.code !== 'unrecognized_keys' && seen.has(key)) continue
    seen.add(key)
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path)
      const present = (valueAt(value, issue.path) ?? {}) as Record<string, unknown>
      for (const key of issue.keys) {
        const path = [...issue.path, key]
        // A misspelt field: name the one meant, and check the value as that field's now, so renaming it brings no second round.
        const suggestion = nearest(key, known.filter((k) => !Object.hasOwn(present, k)))
        const checked = suggestion ? schemaAt(schema, [...issue.path, suggestion])?.safeParse(present[key]) : undefined
        const valueProblem = checked && !checked.success ? checked.error.issues[0]?.message : undefined
        if (suggestion) meant.add(formatPath([...issue.path, suggestion]))
        problems.push(problem('unknownField', { file, ...yaml.locate(path), field: formatPath(path) }, { known, ...(suggestion ? { suggestion } : {}), ...(valueProblem ? { valueProblem } : {}) }))
      }
      continue
    }
    const field = formatPath(issue.path)
    const actual = valueAt(value, issue.path)
    const place = { file, ...yaml.locate(issue.path, actual !== undefined), field }
    if (actual === undefined && issue.code === 'invalid_type') {
      problems.push(problem('missingField', place, { expected: kindOf(issue.expected) }))
    } else if (issue.code === 'invalid_type') {
      // YAML reads `title: 2019` or `summary: yes` as a number or true/false: quoting keeps the text.
      const quote = issue.expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean') ? '; put the value in quotes to keep it as text' : ''
      problems.push(problem('wrongType', place, { reason: `expected ${kindOf(issue.expected)}, got ${describe(actual)}${quote}` }))
    } else {
      problems.push(problem('wrongType', place, { reason: issue.message }))
    }
  }
  return { data: undefined, problems: problems.filter((p) => p.code !== 'missingField' || !meant.has(p.field!)) }
}

/**
 * The known key a misspelt one most likely means: at most two edits away (one for short keys),
 * letters swapped counting as one, case ignored; undefined when none is that close or two tie.
 */
export function nearest(key: string, known: readonly string[]): string | undefined {
  const limit = key.length <= 4 ? 1 : 2
  let best: string | undefined
  let bestDistance = limit + 1
  let tie = false
  for (const k of known) {
    if (Math.abs(k.length - key.length) > limit) continue
    const d = editDistance(key.toLowerCase(), k.toLowerCase())
    if (d < bestDistance) [best, bestDistance, tie] = [k, d, false]
    else if (d === bestDistance) tie = true
  }
  return best !== undefined && !tie ? best : undefined
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps); keys are short. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

/** A type as the README and the other messages name it: one word per concept ("a list", never "array"). */
function kindOf(expected: string): string {
  const words: Record<string, string> = { string: 'text', array: 'a list', object: 'a mapping', number: 'a number', boolean: 'true or false', date: 'a date' }
  return words[expected] ?? expected
}

function describe(v: unknown): string {
  if (v === null) return 'an empty value'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`
  if (typeof v === 'number') return `the number ${String(v)}`
  if (typeof v === 'boolean') return String(v)
  return `${typeof v} ${String(v)}`
}
