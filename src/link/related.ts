/**
 * Related sections: other reports' sections ranked by the topics, projects and speakers they
 * share, each shared tag weighted by its rarity (inverse document frequency), so that sharing
 * "Kubeflow" says more than sharing "Kubernetes".
 *
 * Never all pairs: candidates come from an inverted index (tag → sections), and only tags
 * carried by at most `postingLimit` sections put forward candidates. A candidate is then
 * scored on everything it shares, common tags included. The work is bounded by
 * sections × rare tags per section × postingLimit, linear in the corpus. When the corpus is
 * small enough that every tag is rare, the result is the exact all-pairs ranking.
 */

export interface Tagged {
  id: string
  report: string
  topics: readonly string[]
  projects: readonly string[]
  speakers: readonly string[]
}

export interface Related {
  section: string
  score: number
  shared: { topics: string[]; projects: string[]; speakers: string[] }
}

export interface RelatedOptions {
  /** How many related sections each section keeps. */
  limit?: number
  /** Tags on more sections than this do not put forward candidates (they still score). */
  postingLimit?: number
}

type Kind = 'topics' | 'projects' | 'speakers'
const kinds: Kind[] = ['topics', 'projects', 'speakers']

export function relatedSections(sections: readonly Tagged[], options: RelatedOptions = {}): Map<string, Related[]> {
  const limit = options.limit ?? 5
  const postingLimit = options.postingLimit ?? 200
  const n = sections.length

  // Tags as small integers; postings hold section indexes in corpus order.
  const tagIds = new Map<string, number>()
  const tagKind: Kind[] = []
  const tagName: string[] = []
  const postings: number[][] = []
  const tagsOf: number[][] = sections.map((s, index) => {
    const mine: number[] = []
    for (const kind of kinds) {
      for (const name of new Set(s[kind])) {
        const key = `${kind}:${name}`
        let id = tagIds.get(key)
        if (id === undefined) {
          tagIds.set(key, (id = tagKind.length))
          tagKind.push(kind)
          tagName.push(name)
          postings.push([])
        }
        postings[id]!.push(index)
        mine.push(id)
      }
    }
    return mine
  })
  // A tag on more than half of all sections (Kubernetes, at KubeCon) relates nothing.
  const telling = postings.map((p) => p.length * 2 <= n && p.length > 1)
  const weight = postings.map((p) => Math.log(n / p.length))

  const result = new Map<string, Related[]>()
  const score = new Map<number, number>()
  sections.forEach((s, index) => {
    const mine = tagsOf[index]!.filter((t) => telling[t])
    const mineSet = new Set(mine)
    score.clear()
    for (const t of mine) {
      const list = postings[t]!
      if (list.length > postingLimit) continue
      for (const other of list) {
        if (!score.has(other) && sections[other]!.report !== s.report) score.set(other, 0)
      }
    }
    // Nothing rare in common with anyone: look near this section (same conference and era)
    // in the postings of its rarest telling tag, a window of postingLimit sections.
    if (score.size < limit) {
      const rarest = mine.filter((t) => postings[t]!.length > postingLimit).sort((a, b) => postings[a]!.length - postings[b]!.length || a - b)[0]
      if (rarest !== undefined) {
        const list = postings[rarest]!
        const at = lowerBound(list, index)
        const from = Math.max(0, Math.min(at - postingLimit / 2, list.length - postingLimit))
        for (const other of list.slice(from, from + postingLimit)) {
          if (!score.has(other) && sections[other]!.report !== s.report) score.set(other, 0)
        }
      }
    }
    const ranked: Related[] = []
    for (const other of score.keys()) {
      const shared = tagsOf[other]!.filter((t) => mineSet.has(t))
      const total = shared.reduce((sum, t) => sum + weight[t]!, 0)
      if (total <= 0) continue
      const names = (kind: Kind) => shared.filter((t) => tagKind[t] === kind).map((t) => tagName[t]!)
      ranked.push({
        section: sections[other]!.id,
        score: Math.round(total * 1000) / 1000,
        shared: { topics: names('topics'), projects: names('projects'), speakers: names('speakers') },
      })
    }
    ranked.sort((a, b) => b.score - a.score || (a.section < b.section ? -1 : a.section > b.section ? 1 : 0))
    result.set(s.id, ranked.slice(0, limit))
  })
  return result
}

/** First position in the sorted `list` whose value is at least `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
