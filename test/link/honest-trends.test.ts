/**
 * Honest trends: every number of a trend comes with its base (sections and reports), thin
 * coverage is marked, and a topic page's first sentence says where and when it was discussed.
 */
import { describe, expect, it } from 'vitest'
import { columnPoints, columns, groupPages, thinSections, whereAndWhen, type ColumnPoint } from '../../src/emit/views.ts'
import { readSite } from '../../src/pipeline.ts'
import { fixtureContent } from '../helpers.ts'

describe('honest trends', () => {
  it('counts sections and reports behind each point of the fixture site, and marks thin columns', async () => {
    const { site } = await readSite(fixtureContent)
    const cols = columns(site.conferences)
    const security = site.topic.get('security')!
    const counts = { reportsOf: (c: string) => site.conference.get(c)!.reports.length, reportOf: (s: string) => site.section.get(s)!.report }
    const points = columnPoints(security, cols, groupPages(security), counts)
    // alpha-2018 and beta-2018 both discuss security; 2017 and 2019 have one report each.
    expect(points.map((p) => [p.column.key, p.reports, p.reportTotal, p.thin])).toEqual([
      ['meshconf-2017', 0, 1, true],
      ['meshconf-2018', 2, 2, points[1]!.total < thinSections],
      ['meshconf-2019', 0, 1, true],
    ])
    expect(whereAndWhen(points, (c) => c.conferences.map((id) => site.conference.get(id)!.year))).toBe('Discussed in 2018 by 2 of 2 reporters; no 2017 or 2019 report mentions it.')
  })

  const point = (key: string, count: number, reports: number, reportTotal: number): ColumnPoint => ({
    column: { key, label: key, sub: '', title: key, conferences: [key] },
    count,
    focus: 0,
    total: 20,
    share: count / 20,
    reports,
    reportTotal,
    thin: reportTotal <= 1,
  })
  const year = (c: { key: string }) => [Number(c.key)]

  it('says which years discussed a topic and which stayed silent, and skips years without reports', () => {
    expect(whereAndWhen([point('2017', 0, 0, 2), point('2018', 3, 2, 3), point('2019', 1, 1, 1), point('2020', 0, 0, 0)], year)).toBe(
      'Discussed in 2018 by 2 of 3 reporters and 2019 by 1 of 1 reporter; no 2017 report mentions it.',
    )
    expect(whereAndWhen([point('2017', 0, 0, 2)], year)).toBe('No report mentions it yet.')
    const many = ['2015', '2016', '2017', '2018', '2019', '2020'].map((y, i) => point(y, i === 0 ? 0 : 1, 1, i === 3 ? 1 : 4))
    expect(whereAndWhen(many, year)).toBe('Discussed in 5 of 6 years, most in 2018 by 1 of 1 reporter, 2019 by 1 of 4 reporters and 2020 by 1 of 4 reporters; no 2015 report mentions it.')
  })
})
