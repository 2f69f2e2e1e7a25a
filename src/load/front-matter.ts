/**
 * The one front-matter reader, shared by the build, `check` and `import`. It only finds
 * where the front matter is and what language it is written in; the YAML package parses
 * it later. No engine that can run code is ever involved: gray-matter's `---js` (which
 * calls `eval`) and friends are refused with a located message instead.
 */

export type FrontMatterFormat = 'yaml' | 'toml' | 'none'

export interface SplitFrontMatter {
  format: FrontMatterFormat
  /** The front matter between its fences ('' when there is none). */
  raw: string
  /** Number of lines in the file before `raw` starts. */
  rawLinesBefore: number
  /** The Markdown after the closing fence. */
  body: string
  /** 1-based line where the body starts. */
  bodyLine: number
}

export interface FrontMatterProblem {
  line: number
  column: number
  reason: string
  hint: string
}

const yamlLanguages = new Set(['', 'yaml', 'yml'])

/** Splits `text` into front matter and body, or says why it cannot. Never evaluates anything. */
export function splitFrontMatter(text: string): SplitFrontMatter | FrontMatterProblem {
  const firstBreak = text.indexOf('\n')
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\r$/, '')
  const rest = firstBreak === -1 ? '' : text.slice(firstBreak + 1)

  const yamlOpen = /^---[ \t]*([A-Za-z0-9_-]*)[ \t]*$/.exec(firstLine)
  if (yamlOpen) {
    const language = yamlOpen[1]!.toLowerCase()
    if (!yamlLanguages.has(language)) {
      return {
        line: 1,
        column: 4,
        reason: `front matter in "${language}" is not supported: Recap reads only YAML front matter and never runs code from a report`,
        hint: 'Start the file with a plain --- line and write the fields in YAML (title: …).',
      }
    }
    return closeFence(rest, /^(---|\.\.\.)[ \t]*$/, 'yaml', '---')
  }
  if (/^\+\+\+[ \t]*$/.test(firstLine)) return closeFence(rest, /^\+\+\+[ \t]*$/, 'toml', '+++')
  return { format: 'none', raw: '', rawLinesBefore: 0, body: text, bodyLine: 1 }
}

function closeFence(rest: string, closing: RegExp, format: FrontMatterFormat, fence: string): SplitFrontMatter | FrontMatterProblem {
  const lines = rest.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (closing.test(lines[i]!.replace(/\r$/, ''))) {
      return {
        format,
        raw: lines.slice(0, i).join('\n'),
        rawLinesBefore: 1,
        body: lines.slice(i + 1).join('\n'),
        bodyLine: i + 3,
      }
    }
  }
  return {
    line: 1,
    column: 1,
    reason: `the front matter is not closed by a ${fence} line`,
    hint: `End the front matter with a line of ${fence} before the report's text.`,
  }
}

export function isFrontMatterProblem(value: SplitFrontMatter | FrontMatterProblem): value is FrontMatterProblem {
  return 'reason' in value
}
