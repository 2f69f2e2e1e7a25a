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
