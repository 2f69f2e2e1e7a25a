/**
 * A limit on how deeply a report may nest, checked on the text before the Markdown parser
 * runs. The parser and everything after it (sanitizing, HTML output, plain text) recurse
 * once per level: a few thousand nested lists, quotes, emphasis marks or HTML elements
 * would take minutes and then overflow the stack without saying where. This scan is one
 * pass over the text, with no recursion, and names the line where the limit is passed.
 *
 * It over-estimates rather than misses: list items are counted from both their markers and
 * their indentation, and every emphasis opener counts until its closer. Real reports stay
 * far below the limit.
 */

export const maxNesting = 100

export interface TooDeep {
  /** 1-based line in the scanned text. */
  line: number
  what: 'lists and quotes' | 'emphasis and links' | 'HTML elements'
}

const voidOrOptional = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option'])
const fence = /^(`{3,}|~{3,})/
const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>/g

/** The first place where nesting passes `limit` levels, or undefined. */
export function findDeepNesting(markdown: string, limit = maxNesting): TooDeep | undefined {
  const lines = markdown.split('\n')
  let inFence: string | undefined
  let htmlDepth = 0
  let inlineDepth = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const { depth, rest } = containerPrefix(line)
    if (depth > limit) return { line: i + 1, what: 'lists and quotes' }

    const fenceMatch = fence.exec(rest.trimStart())
    if (inFence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(inFence)) inFence = undefined
      continue
    }
    if (fenceMatch) {
      inFence = fenceMatch[1]!
      continue
    }
    if (rest.trim() === '') {
      inlineDepth = 0 // emphasis and links never span a blank line
      continue
    }

    for (const m of rest.matchAll(tag)) {
      if (m[3] === '/' || voidOrOptional.has(m[2]!.toLowerCase())) continue
      htmlDepth = m[1] === '/' ? Math.max(0, htmlDepth - 1) : htmlDepth + 1
      if (htmlDepth > limit) return { line: i + 1, what: 'HTML elements' }
    }

    inlineDepth = inlineNesting(rest, inlineDepth, limit)
    if (inlineDepth > limit) return { line: i + 1, what: 'emphasis and links' }
  }
  return undefined
}

/**
 * How many block containers a line opens: quote markers and list markers in a row, plus
 * its indentation (a nested list item is indented by at least two columns per level).
 */
function containerPrefix(line: string): { depth: number; rest: string } {
  let depth = 0
  let i = 0
  let columns = 0
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      columns += line[i] === '\t' ? 4 : 1
      i++
    }
    const c = line[i]
    if (c === '>') {
      depth++
      i++
      continue
    }
    if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t' || i + 1 === line.length)) {
      depth++
      i++
      continue
    }
    const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11))
    if (ordered) {
      depth++
      i += ordered[0].length
      continue
    }
    break
  }
  return { depth: depth + Math.floor(columns / 2), rest: line.slice(i) }
}

const punctuationOrSpace = /[\s\p{P}\p{S}]/u

/**
 * Emphasis and link nesting through one line: a run of * _ ~ that can open (followed by
 * text, preceded by space or punctuation) adds its length, one that can only close takes it
 * away; [ and ] do the same for links. Code spans are skipped.
 */
function inlineNesting(text: string, start: number, limit: number): number {
  let depth = start
  let max = start
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === '\\') {
      i += 2
      continue
    }
    if (c === '`') {
      let run = 1
      while (text[i + run] === '`') run++
      const close = text.indexOf('`'.repeat(run), i + run)
      i = close === -1 ? i + run : close + run
      continue
    }
    if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    else if (c === '*' || c === '_' || c === '~') {
      let run = 1
      while (text[i + run] === c) run++
      const before = i === 0 ? ' ' : text[i - 1]!
      const after = i + run >= text.length ? ' ' : text[i + run]!
      const opens = !/\s/.test(after) && (punctuationOrSpace.test(before) || !punctuationOrSpace.test(after))
      const closes = !/\s/.test(before) && (punctuationOrSpace.test(after) || !punctuationOrSpace.test(before))
      if (opens && !closes) depth += run
      else if (closes && !opens) depth = Math.max(0, depth - run)
      i += run
      if (depth > max) max = depth
      if (max > limit) return max
      continue
    }
    if (depth > max) max = depth
    if (max > limit) return max
    i++
  }
  return depth
}
