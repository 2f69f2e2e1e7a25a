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
  const postingLimit = options.postingLimit ?? 100
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
  // Scratch space reused for every section: no allocation per candidate.
  const mark = new Int32Array(tagKind.length)
  const seen = new Int32Array(n)
  const candidates: number[] = []
  sections.forEach((s, index) => {
    const stamp = index + 1
    const mine = tagsOf[index]!.filter((t) => telling[t])
    for (const t of mine) mark[t] = stamp
    candidates.length = 0
    const consider = (other: number) => {
      if (seen[other] === stamp || sections[other]!.report === s.report) return
      seen[other] = stamp
      candidates.push(other)
    }
    for (const t of mine) {
      const list = postings[t]!
      if (list.length <= postingLimit) for (const other of list) consider(other)
    }
    // Nothing rare in common with anyone: look near this section (same conference and era)
    // in the postings of its rarest telling tag, a window of postingLimit sections.
    if (candidates.length < limit) {
      const rarest = mine.filter((t) => postings[t]!.length > postingLimit).sort((a, b) => postings[a]!.length - postings[b]!.length || a - b)[0]
      if (rarest !== undefined) {
        const list = postings[rarest]!
        const at = lowerBound(list, index)
        const from = Math.max(0, Math.min(at - postingLimit / 2, list.length - postingLimit))
        for (let i = from; i < Math.min(list.length, from + postingLimit); i++) consider(list[i]!)
      }
    }
    // Score every candidate on all it shares, keep the best `limit`.
    const top: { other: number; score: number }[] = []
    for (const other of candidates) {
      let total = 0
      for (const t of tagsOf[other]!) if (mark[t] === stamp) total += weight[t]!
      if (total <= 0) continue
      const score = Math.round(total * 1000) / 1000
      const entry = { other, score }
      let at = top.length
      while (at > 0 && better(entry, top[at - 1]!)) at--
      if (at < limit) {
        top.splice(at, 0, entry)
        if (top.length > limit) top.pop()
      }
    }
    result.set(
      s.id,
      top.map(({ other, score }) => {
        const shared = tagsOf[other]!.filter((t) => mark[t] === stamp)
        const names = (kind: Kind) => shared.filter((t) => tagKind[t] === kind).map((t) => tagName[t]!)
        return { section: sections[other]!.id, score, shared: { topics: names('topics'), projects: names('projects'), speakers: names('speakers') } }
      }),
    )
  })
  return result

  /** Higher score first; at equal scores, the smaller id (code-unit order, locale-free). */
  function better(a: { other: number; score: number }, b: { other: number; score: number }): boolean {
    if (a.score !== b.score) return a.score > b.score
    const x = sections[a.other]!.id
    const y = sections[b.other]!.id
    return x < y
  }
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
