/** Small hand-made chart inputs for template tests: columns, points and a page context. */
import type { Column, ColumnPoint } from '../../src/emit/views.ts'
import type { Topic } from '../../src/link/graph.ts'
import type { SitePath } from '../../src/paths.ts'
import type { PageContext } from '../../templates/layout.ts'

/** The charts only ask a context for links. */
export const chartContext = { path: '' as SitePath, href: (to: string, hash?: string) => `/${to}${hash ? `#${hash}` : ''}`, feed: false } as unknown as PageContext

const cities = ['Berlin', 'Copenhagen', 'Barcelona', 'Lisbon', 'Valencia', 'Paris', 'Amsterdam', 'London']

export function column(year: number, city = cities[year % cities.length]!): Column {
  const key = `conf-${year}`
  return { key, label: String(year), sub: city, url: `conferences/${key}/` as SitePath, title: `Conf ${year}`, conferences: [key] }
}

export function topic(id: string, name: string): Topic {
  return { id, name, url: `topics/${id}/` as SitePath } as unknown as Topic
}

/** A point of `column`; its share and thin mark follow from the counts unless given. */
export function point(c: Column, p: Partial<ColumnPoint> & { count: number; total: number }): ColumnPoint {
  const reportTotal = p.reportTotal ?? 2
  return {
    column: c,
    focus: 0,
    share: p.total ? Math.round((p.count / p.total) * 1000) / 1000 : 0,
    reports: p.count ? 1 : 0,
    reportTotal,
    thin: p.total < 10 || reportTotal <= 1,
    ...(p.count ? { link: { path: `topics/x/` as SitePath, hash: `year-${c.key}` } } : {}),
    ...p,
  }
}
