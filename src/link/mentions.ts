/**
 * Mentions: where each topic and project is named, section by section, and the same
 * mentions grouped by conference. Built in one pass over the tagged sections.
 */
import type { Mention } from './tagger.ts'

export interface SectionMention extends Mention {
  section: string
}

export interface YearGroup {
  conference: string
  year: number
  mentions: SectionMention[]
}

/** What the grouping needs to know about a section. */
export interface Placed {
  conference: string
  year: number
  report: string
}

/** Mentions of one tag, grouped by conference in conference order; one pass, no search. */
export function byConference(mentions: readonly SectionMention[], sectionOf: (id: string) => Placed, conferenceOrder: ReadonlyMap<string, number>): YearGroup[] {
  const groups = new Map<string, YearGroup>()
  for (const m of mentions) {
    const s = sectionOf(m.section)
    let g = groups.get(s.conference)
    if (!g) groups.set(s.conference, (g = { conference: s.conference, year: s.year, mentions: [] }))
    g.mentions.push(m)
  }
  return [...groups.values()].sort((a, b) => conferenceOrder.get(a.conference)! - conferenceOrder.get(b.conference)!)
}
