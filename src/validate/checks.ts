/**
 * Content checks: warnings about text a report should not publish as it is. They read the
 * Markdown of one report, line by line, so a warning names the line to fix.
 *
 * - A paragraph that ends in ":" with nothing after it (the next block is a heading that ends
 *   its section, or the end of the report): usually a list or links lost when a post was
 *   copied. A heading below its section's ("Here are my top picks:" over the talks' headings)
 *   is what the sentence announces. Before the first heading, every heading is below: there
 *   a heading is announced when it heads others ("…the talks I attended:", then "# Talks"
 *   over the talks), and a lone section after the sentence ("Slides:", "## Keynote") is not.
 * - The placeholder sentences of the `npm run new` skeleton, left in the report.
 */
import { problem, sortProblems, type Problem } from '../problems.ts'
import type { ValidatedReport } from './content.ts'

/** The sentences `npm run new` writes for the author to replace (src/author/new-report.ts). */
export const placeholders = [
  'One or two sentences on what this report covers.',
  'Start with an introduction: what the conference was like and why you went.',
  'What the speakers said, and what you took away.',
  '## Title of a talk',
  'speakers="Speaker Name"',
  '- A first takeaway',
]

export function contentWarnings(report: ValidatedReport): Problem[] {
  const warnings: Problem[] = []
  const file = report.file
  if (report.frontMatter.summary === placeholders[0]) {
    warnings.push(problem('placeholderText', { file, ...(report.summaryAt ?? { line: 1, column: 1 }), field: 'summary' }, { text: placeholders[0]! }, 'warning'))
  }
  const lines = report.body.split('\n')
  let fence: string | undefined
  let inComment = false
  // The last line of the paragraph being read, when it ends in ":".
  let colonAt: number | undefined
  // The depth of the heading over the line being read; 0 before the first heading.
  let sectionDepth = 0
  // A colon before the first heading, followed by a heading: it announced that heading if the next heading is deeper.
  let introColon: { at: number; depth: number } | undefined
  const warnColon = (at: number) => warnings.push(problem('danglingColon', { file, line: report.bodyLine + at, column: lines[at]!.length }, {}, 'warning'))
  const flushColon = (endsHere: boolean) => {
    if (colonAt !== undefined && endsHere) warnColon(colonAt)
    colonAt = undefined
  }
  lines.forEach((raw, i) => {
    const line = raw.trimEnd()
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined
      return
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false
      return
    }
    if (/^\s*<!--/.test(line) && !line.includes('-->')) {
      inComment = true
      return
    }
    for (const p of placeholders.slice(1)) {
      const at = line.indexOf(p)
      if (at >= 0) warnings.push(problem('placeholderText', { file, line: report.bodyLine + i, column: at + 1 }, { text: p }, 'warning'))
    }
    if (fenceMark) {
      fence = fenceMark
      flushColon(false)
      return
    }
    if (line.trim() === '') return
    // What comes after a paragraph ending in ":" decides: a rule, or a heading of the same
    // section's depth or above, means nothing followed; a deeper heading is what it announced.
    const heading = /^\s{0,3}(#{1,6})(?:\s|$)/.exec(line)
    if (heading) {
      const depth = heading[1]!.length
      if (introColon) {
        if (depth <= introColon.depth) warnColon(introColon.at)
        introColon = undefined
      }
      if (colonAt !== undefined && sectionDepth === 0) introColon = { at: colonAt, depth }
      flushColon(sectionDepth > 0 && depth <= sectionDepth)
      sectionDepth = depth
      return
    }
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line)) {
      flushColon(true)
      return
    }
    const previousBlank = i === 0 || lines[i - 1]!.trim() === ''
    if (colonAt !== undefined && previousBlank) {
      // A new block after the paragraph: a list, a quote or more text followed it.
      colonAt = undefined
    }
    const isParagraphText = !/^\s*([-*+]\s|\d+[.)]\s|>|\||<)/.test(line)
    colonAt = isParagraphText && /:$/.test(line) && !/https?:$/.test(line) ? i : undefined
  })
  flushColon(!fence)
  if (introColon) warnColon(introColon.at)
  return sortProblems(warnings)
}
