/**
 * Reporters: conferences where two or more reports discussed the same topic or project, and
 * for each conference the themes its reporters shared, so they can be read side by side.
 */
import type { SectionMention, YearGroup } from './mentions.ts'

/** Two or more reports of one conference on the same topic or project, side by side. */
export interface Reporters {
  conference: string
  reports: { report: string; mentions: SectionMention[] }[]
}

export interface SharedTheme {
  type: 'topic' | 'project'
  id: string
  reports: { report: string; mentions: SectionMention[] }[]
}

/** The tag's conferences with two or more reports on it; one pass over its mentions. */
export function reporters(groups: readonly YearGroup[], reportOf: (section: string) => string): Reporters[] {
  const out: Reporters[] = []
  for (const g of groups) {
    const perReport = new Map<string, SectionMention[]>()
    for (const m of g.mentions) {
      const report = reportOf(m.section)
      const list = perReport.get(report)
      if (list) list.push(m)
      else perReport.set(report, [m])
    }
    if (perReport.size >= 2) out.push({ conference: g.conference, reports: [...perReport].map(([report, mentions]) => ({ report, mentions })) })
  }
  return out
}

const mentionCount = (theme: SharedTheme) => theme.reports.reduce((n, r) => n + r.mentions.length, 0)

/**
 * Per conference, the themes two or more of its reports shared, most reporters first. Each
 * tag's reporters are visited once. `telling` drops tags on more than half of all sections
 * (Kubernetes, at KubeCon): they are no shared theme.
 */
export function sharedThemes(tags: readonly { type: 'topic' | 'project'; id: string; reporters: readonly Reporters[]; telling: boolean }[]): Map<string, SharedTheme[]> {
  const byConference = new Map<string, SharedTheme[]>()
  for (const tag of tags) {
    if (!tag.telling) continue
    for (const r of tag.reporters) {
      const list = byConference.get(r.conference) ?? []
      list.push({ type: tag.type, id: tag.id, reports: r.reports })
      byConference.set(r.conference, list)
    }
  }
  // Stable sort: ties keep catalogue order, topics before projects.
  for (const list of byConference.values()) list.sort((a, b) => b.reports.length - a.reports.length || mentionCount(b) - mentionCount(a))
  return byConference
}
