/**
 * Structure inference, case by case: every folder in test/fixtures/structure/ holds a
 * report body in plain Markdown (input.md) and the records a reader expects from it
 * (expected.json: id, kind, title, speakers, group). `UPDATE=1` rewrites the expectations.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../src/parse/report.ts'
import { expectFixture, fixtureCases } from '../helpers.ts'

export function records(body: string) {
  const { report, problems } = parseReport(
    { id: 'r', file: 'content/reports/r.md', frontMatter: { title: 'R', conference: 'c', summary: 's', topics: [] }, body, bodyLine: 1 },
    [],
  )
  return {
    records: report.sections.map((s) => ({ id: s.slug, kind: s.kind, title: s.title, speakers: s.speakers, group: s.group ?? null })),
    groups: report.outline.filter((o) => o.type === 'group').map((o) => (o.type === 'group' ? o.title : '')),
    problems: problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.message}`),
  }
}

describe('structure inference', () => {
  for (const c of fixtureCases('structure')) {
    it(c.name, () => {
      expectFixture(c.dir, 'expected.json', records(readFileSync(path.join(c.dir, 'input.md'), 'utf8')))
    })
  }
})

describe('explicit sessions', () => {
  it('keep their lists as the author wrote them: no talk is lifted out of an explicit {.talk}', () => {
    const body = '## Lightning round {.talk}\n\n- Keynote: Tiny Clusters - Marta Quillfeather\n- Keynote: Quotas - Oskar Brightwater\n\nI liked “Tiny Clusters For All” by Marta Quillfeather at the talks.\n'
    const { report } = parseReport({ id: 'r', file: 'r.md', frontMatter: { title: 'R', conference: 'c', summary: 's', topics: [] }, body, bodyLine: 1 }, [])
    expect(report.sections.map((s) => s.title)).toEqual(['Lightning round'])
    const headings = JSON.stringify(report.sections[0]!.content).match(/"tagName":"h\d"/g) ?? []
    expect(headings).toEqual([])
  })
})

describe('comments after the speakers of listed talks', () => {
  it('stay the talk\'s text, with the heading left to the title and the speakers', () => {
    const body = 'Notes.\n\n## Saturday\n\n- **Async Drivers** by Ines Marchetti: a follow-up to *her* talk last year.\n- **Borrowing Across Threads** by Kwame Asante - the clearest one.\n- **Linting at Scale** by Hana Kobayashi, who maintains the linter.\n'
    const { report, problems } = parseReport({ id: 'r', file: 'r.md', frontMatter: { title: 'R', conference: 'c', summary: 's', topics: [] }, body, bodyLine: 1 }, [])
    const talks = report.sections.filter((s) => s.kind === 'talk')
    expect(talks.map((s) => [s.title, s.speakers.map((p) => p.name)])).toEqual([
      ['Async Drivers', ['Ines Marchetti']],
      ['Borrowing Across Threads', ['Kwame Asante']],
      ['Linting at Scale', ['Hana Kobayashi']],
    ])
    expect(talks.map((s) => toText(s.content).trim())).toEqual(['a follow-up to her talk last year.', 'the clearest one.', 'who maintains the linter.'])
    // The emphasis in the comment is kept as written.
    expect(JSON.stringify(talks[0]!.content)).toContain('"tagName":"em"')
    expect(problems.filter((p) => p.code === 'emptySection')).toEqual([])
  })
})

function toText(node: unknown): string {
  const n = node as { type: string; value?: string; children?: unknown[] }
  return n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(toText).join('')
}
