/**
 * Fuzzing with fast-check: generated input for the query module, the heading-attribute parser
 * and the front-matter reader. Thousands of inputs in all: none may throw, hang (each property
 * runs under the test's time limit) or put markup or control characters into the output.
 */
import fc from 'fast-check'
import type { Element, Root as HastRoot } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSearchIndex } from '../../src/emit/search-index.ts'
import { readSite } from '../../src/pipeline.ts'
import { parseReport } from '../../src/parse/report.ts'
import { formatProblem } from '../../src/problems.ts'
import { Searcher } from '../../src/search/query.ts'
import { memorySource } from '../../src/search/source.ts'
import { terminalSafe } from '../../src/terminal.ts'
import { validateContent } from '../../src/validate/content.ts'
import type { FrontMatter } from '../../src/validate/schema.ts'
import { baseData, goodFrontMatter, hostileContent, reportText } from './content.ts'

const controlCharacter = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/
/** Markup that must never come out of content: scripts, event handlers, javascript: URLs, frames. */
const activeMarkup = /<script|<iframe|<object|<embed|<svg|<style|\son[a-z]+\s*=|javascript:|<img[^>]*onerror/i
const activeElements = new Set(['script', 'iframe', 'object', 'embed', 'svg', 'style', 'form', 'base', 'meta', 'link'])

/** Elements and attributes that could run code or change the page, found in sanitized hast. */
function activeMarkupIn(tree: HastRoot): string[] {
  const found: string[] = []
  visit(tree, 'element', (el: Element) => {
    if (activeElements.has(el.tagName)) found.push(el.tagName)
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) found.push(name)
      if (typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${name}=${value}`)
    }
  })
  return found
}

/** Pieces hostile text is made of: syntax of lunr, Markdown, attributes, YAML and HTML, mixed with any text. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '-', '+', '*', '~', '^', ':', 'title:', 'body:', '~2', '^10', '"', "'", '\\', '{', '}', '{.talk', '.talk', '.keynote', '.bogus', '#id', '#',
    'speakers=', 'speakers="', 'topics=', 'topics="security"', '=', ' ', '\n', '\t', '\x1b[2J', '\x00', '\u202e', '&#27;', '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '"><svg onload=alert(1)>', '__proto__', 'constructor', 'istio', 'security',
    '---', '...', 'title: x', 'summary:', 'conference: devconf-2020', '- a', '&a [*a, *a]', '!!js/function', '!!binary', '? ', '|', '>', '%YAML 1.2', '🎉',
  ),
)
const hostileText = (maxLength: number) => fc.array(piece, { maxLength }).map((parts) => parts.join(''))

describe('the query module', () => {
  let searcher: Searcher
  beforeAll(async () => {
    const content = await hostileContent({
      'reports/notes.md': reportText(goodFrontMatter, '## Falco at night {.talk speakers="Ada"}\n\nRuntime security with Falco, `a < b` and istio.\n\n## Notes\n\nMore text.'),
      'reports/more.md': reportText('title: More <b>notes</b>\nconference: devconf-2020\nsummary: Secure things.', 'Secure istio meshes, constructor and __proto__.'),
    })
    const { site } = await readSite(content)
    searcher = new Searcher(memorySource(buildSearchIndex(site).data))
  })

  it('answers every query without an exception, within its limits', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(30), fc.integer({ min: 1, max: 20 }), fc.constantFrom(undefined, 'talk', 'sessions', 'notes', '<x>'), async (query, limit, kind) => {
        const result = await searcher.search(query, { kind }, { limit })
        expect(result.hits.length).toBeLessThanOrEqual(limit)
        for (const word of result.words) expect(word).not.toMatch(/\s/)
        for (const hit of result.hits) {
          const text = hit.snippet.map((p) => p.text).join('')
          expect(hit.document.text).toContain(text.replace(/^…|…$/g, '').trim().slice(0, 10))
          expect(text).not.toMatch(activeMarkup)
        }
      }),
      { numRuns: 2500 },
    )
  }, 30_000)
})

describe('the heading-attribute parser', () => {
  it('reads or refuses every heading, and the HTML never carries active markup or control characters', () => {
    fc.assert(
      fc.property(hostileText(12), hostileText(12), hostileText(20), (title, attributes, text) => {
        const body = `## ${title.replace(/\n/g, ' ')} {${attributes.replace(/\n/g, ' ')}}\n\n${text}\n`
        const frontMatter = { title: 'T', conference: 'devconf-2020', summary: 'S', topics: [] } as FrontMatter
        const { report, problems } = parseReport({ id: 'r', file: 'r.md', frontMatter, body, bodyLine: 5 }, ['security'])
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(5)
          expect(terminalSafe(formatProblem(p))).not.toMatch(controlCharacter)
        }
        for (const s of report.sections) {
          expect(s.slug).not.toBe('')
          expect(s.slug).not.toMatch(/[/\\]|^\.\.?$/)
          expect(activeMarkupIn(s.content)).toEqual([])
          expect(toHtml(s.content)).not.toMatch(controlCharacter)
        }
      }),
      { numRuns: 1000 },
    )
  }, 30_000)
})

describe('the front-matter reader', () => {
  it('reads or refuses every front matter with located problems, and runs nothing', () => {
    const fence = fc.constantFrom('---', '---js', '---javascript', '--- yaml', '---coffee', '+++', '', '---\r', '--- ')
    fc.assert(
      fc.property(fence, hostileText(15), fc.constantFrom('---', '...', '+++', ''), hostileText(10), (open, yaml, close, body) => {
        const text = `${open}\n${yaml}\n${close}\n${body}`
        const validated = validateContent({
          conferences: { file: 'conferences.yml', text: baseData['conferences.yml']! },
          topics: { file: 'topics.yml', text: baseData['topics.yml']! },
          projects: { file: 'projects.yml', text: baseData['projects.yml']! },
          reports: [{ file: 'reports/r.md', text }],
          problems: [],
        })
        for (const p of validated.problems) {
          expect(p.file).toBe('reports/r.md')
          expect(p.line).toBeGreaterThanOrEqual(1)
          expect(terminalSafe(formatProblem(p))).not.toMatch(controlCharacter)
        }
        for (const r of validated.reports) expect(JSON.stringify(r.frontMatter)).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/)
        expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined()
      }),
      { numRuns: 2500 },
    )
  }, 30_000)
})
