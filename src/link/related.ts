/**
 * Related sections: other reports' sections ranked by the topics and projects they share,
 * each shared tag weighted by its rarity (inverse document frequency), so that sharing
 * "Kubeflow" says more than sharing "Kubernetes".
 */
import { compareCodePoints } from '../compare.ts'


export interface Tagged {
  id: string
  report: string
  topics: readonly string[]
  projects: readonly string[]
}

export interface Related {
  section: string
  score: number
  shared: { topics: string[]; projects: string[] }
}

export function relatedSections(sections: readonly Tagged[], limit = 5): Map<string, Related[]> {
  const n = sections.length
  const df = new Map<string, number>()
  const keysOf = (s: Tagged) => [...s.topics.map((t) => 't:' + t), ...s.projects.map((p) => 'p:' + p)]
  for (const s of sections) for (const k of keysOf(s)) df.set(k, (df.get(k) ?? 0) + 1)
  const weight = (k: string) => Math.log(n / df.get(k)!)
  // A tag on more than half of all sections (Kubernetes, at KubeCon) relates nothing.
  const telling = (k: string) => df.get(k)! * 2 <= n

  const result = new Map<string, Related[]>()
  for (const s of sections) {
    const mine = new Set(keysOf(s).filter(telling))
    const ranked: Related[] = []
    for (const other of sections) {
      if (other.report === s.report) continue
      const shared = keysOf(other).filter((k) => mine.has(k))
      const score = shared.reduce((sum, k) => sum + weight(k), 0)
      if (score <= 0) continue
      ranked.push({
        section: other.id,
        score: Math.round(score * 1000) / 1000,
        shared: {
          topics: shared.filter((k) => k.startsWith('t:')).map((k) => k.slice(2)),
          projects: shared.filter((k) => k.startsWith('p:')).map((k) => k.slice(2)),
        },
      })
    }
    ranked.sort((a, b) => b.score - a.score || compareCodePoints(a.section, b.section))
    result.set(s.id, ranked.slice(0, limit))
  }
  return result
}
