/**
 * Trends: how much each conference's reports discussed a topic or project. Computed from
 * the tag's mentions already grouped by conference, so each tag costs its mentions plus one
 * point per conference.
 */
import type { YearGroup } from './mentions.ts'

/** How much one conference's reports discussed a topic or project. */
export interface TrendPoint {
  conference: string
  year: number
  /** Sections that mention it. */
  count: number
  /** Of those, sections about it (see Tags.focus); for projects, the same as count. */
  focus: number
  /** All sections from that conference's reports. */
  total: number
  /** count / total, 0 when the conference has no sections. */
  share: number
}

/**
 * One point per conference, in `conferences` order, zeros included. `isFocus` tells whether a
 * mentioning section is about the tag; without it every mention counts as focus.
 */
export function trend(
  groups: readonly YearGroup[],
  conferences: readonly { id: string; year: number }[],
  sectionsPerConference: ReadonlyMap<string, number>,
  isFocus?: (section: string) => boolean,
): TrendPoint[] {
  const byConference = new Map(groups.map((g) => [g.conference, g]))
  return conferences.map((c) => {
    const mentions = byConference.get(c.id)?.mentions ?? []
    const count = mentions.length
    const focus = isFocus ? mentions.filter((m) => isFocus(m.section)).length : count
    const total = sectionsPerConference.get(c.id) ?? 0
    return { conference: c.id, year: c.year, count, focus, total, share: total ? Math.round((count / total) * 1000) / 1000 : 0 }
  })
}
