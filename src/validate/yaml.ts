/**
 * YAML with positions: parse once with `yaml` and keep a way back from a value's path
 * to the line it was written on, so that every schema problem can name its line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { z } from 'zod'
import { stripControlsDeep } from '../load/controls.ts'
import { problem, type Problem } from '../problems.ts'
import { knownKeysAt } from './schema.ts'

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

/** `lineOffset` shifts positions when the YAML is embedded in a larger file (front matter). */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + lineOffset, column: col }
  }
  const problems = doc.errors.map((e) => {
    const { line, column } = at(e.pos[0])
    return problem('yamlSyntax', { file, line, column }, { reason: firstLine(e.message) })
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

  return { value: problems.length ? undefined : stripControlsDeep(doc.toJS()), locate, problems }
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
  for (const issue of result.error.issues) {
    // One problem per field: a value that fails two checks needs one fix.
    const key = formatPath(issue.path)
    if (issue.code !== 'unrecognized_keys' && seen.has(key)) continue
    seen.add(key)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key]
        problems.push(problem('unknownField', { file, ...yaml.locate(path), field: formatPath(path) }, { known: knownKeysAt(schema, issue.path) }))
      }
      continue
    }
    const field = formatPath(issue.path)
    const actual = valueAt(value, issue.path)
    const place = { file, ...yaml.locate(issue.path, actual !== undefined), field }
    if (actual === undefined && issue.code === 'invalid_type') {
      problems.push(problem('missingField', place, { expected: issue.expected }))
    } else if (issue.code === 'invalid_type') {
      problems.push(problem('wrongType', place, { reason: `expected ${issue.expected}, got ${describe(actual)}` }))
    } else {
      problems.push(problem('wrongType', place, { reason: issue.message }))
    }
  }
  return { data: undefined, problems }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function describe(v: unknown): string {
  if (v === null) return 'an empty value'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`
  return `${typeof v} ${String(v)}`
}
