/**
 * Test helper: the records of a built site's data/ folder, read back through its index
 * (data/index.json and one file per record type per conference) into flat lists.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export interface TrendRecord { conference: string; year: number; count: number; focus: number; total: number; share: number }
export interface SiteData {
  reports: Record<string, unknown>[]
  sections: Record<string, unknown>[]
  conferences: Record<string, unknown>[]
  /** Index records plus `sections` and `trend` gathered from the conference files. */
  topics: (Record<string, unknown> & { id: string; sections: string[]; trend: TrendRecord[] })[]
  projects: (Record<string, unknown> & { id: string; sections: string[] })[]
}

export async function loadData(out: string): Promise<SiteData> {
  const json = async (p: string) => JSON.parse(await readFile(path.join(out, p), 'utf8'))
  const index = await json('data/index.json')
  const data: SiteData = {
    reports: [],
    sections: [],
    conferences: [],
    topics: index.topics.map((t: Record<string, unknown>) => ({ ...t, sections: [], trend: [] })),
    projects: index.projects.map((p: Record<string, unknown>) => ({ ...p, sections: [] })),
  }

  const project = new Map(data.projects.map((p) => [p.id, p]))
  for (const c of index.conferences) {
    const conference = await json(c.files.conference)
    data.conferences.push(conference)
    data.reports.push(...(await json(c.files.reports)))
    data.sections.push(...(await json(c.files.sections)))
    const here = new Map<string, { sections: string[]; count: number; focus: number; total: number; share: number }>(conference.topics.map((t: { id: string }) => [t.id, t]))
    const total = data.sections.filter((s) => s.conference === c.id).length
    for (const t of data.topics) {
      const p = here.get(t.id)
      t.sections.push(...(p?.sections ?? []))
      t.trend.push({ conference: c.id, year: c.year, count: p?.count ?? 0, focus: p?.focus ?? 0, total: p?.total ?? total, share: p?.share ?? 0 })
    }
    for (const p of conference.projects) project.get(p.id)!.sections.push(...p.sections)
  }
  return data
}
