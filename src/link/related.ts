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

/** Related sections by section id, ranked when first asked for and kept. */
export interface RelatedLookup {
  /** Empty for an id that is no section. */
  get(id: string): Related[]
  /**
   * The same answer as `get`, ranked afresh and not kept: for a build, which shows each
   * section's once or twice and would otherwise hold every section's to the end.
   */
  rank(id: string): Related[]
}

/**
 * The lookup for the sections `list` gives: nothing is indexed until the first question, and
 * each section is ranked on its own, so a dev server that shows one page ranks one section.
 */
export function relatedLookup(list: () => readonly Tagged[], options: RelatedOptions = {}): RelatedLookup {
  let index: { relatedOf: (index: number) => Related[]; position: Map<string, number> } | undefined
  const ranked = new Map<string, Related[]>()
  const rank = (id: string): Related[] => {
    if (!index) {
      const sections = list()
      index = { relatedOf: relatedIndex(sections, options), position: new Map(sections.map((s, i) => [s.id, i])) }
    }
    const at = index.position.get(id)
    return at === undefined ? [] : index.relatedOf(at)
  }
  return {
    get(id) {
      let found = ranked.get(id)
      if (!found) ranked.set(id, (found = rank(id)))
      return found
    },
    rank,
  }
}

/** Every section's related sections, by id. */
export function relatedSections(sections: readonly Tagged[], options: RelatedOptions = {}): Map<string, Related[]> {
  const relatedOf = relatedIndex(sections, options)
  return new Map(sections.map((s, i) => [s.id, relatedOf(i)]))
}

/**
 * The index, built once (linear in the corpus); each section's related sections are ranked
 * when asked for, by its position in `sections`. A build asks for all of them; the dev server
 * only for the pages it serves, so an edit does not rank thousands of sections nobody sees.
 * Each answer is independent of which were asked for before.
 */
export function relatedIndex(sections: readonly Tagged[], options: RelatedOptions = {}): (index: number) => Related[] {
  const limit = options.limit ?? 5
  const postingLimit = options.postingLimit ?? 100
  const n = sections.length

  // Tags as small integers, each section's tags in one flat array (section i's are
  // tagIds[tagStart[i]] … tagIds[tagStart[i + 1] - 1], in kind order, then as written).
  // One map per kind: a name is looked up as it is, never joined to its kind first.
  const tagIndex = { topics: new Map<string, number>(), projects: new Map<string, number>(), speakers: new Map<string, number>() }
  const tagKind: Kind[] = []
  const tagName: string[] = []
  const postingCount: number[] = []
  const tagStart = new Int32Array(n + 1)
  const flat: number[] = []
  const reportIndex = new Map<string, number>()
  const reportOf = new Int32Array(n)
  sections.forEach((s, index) => {
    let r = reportIndex.get(s.report)
    if (r === undefined) reportIndex.set(s.report, (r = reportIndex.size))
    reportOf[index] = r
    tagStart[index] = flat.length
    for (const kind of kinds) {
      const byName = tagIndex[kind]
      for (const name of new Set(s[kind])) {
        let id = byName.get(name)
        if (id === undefined) {
          byName.set(name, (id = tagKind.length))
          tagKind.push(kind)
          tagName.push(name)
          postingCount.push(0)
        }
        postingCount[id]!++
        flat.push(id)
      }
    }
  })
  tagStart[n] = flat.length
  const tagIds = Int32Array.from(flat)
  const tags = tagKind.length

  // Postings, also flat: the sections carrying tag t, in corpus order.
  const postingStart = new Int32Array(tags + 1)
  for (let t = 0; t < tags; t++) postingStart[t + 1] = postingStart[t]! + postingCount[t]!
  const postings = new Int32Array(flat.length)
  const fill = postingStart.slice(0, tags)
  for (let i = 0; i < n; i++) for (let k = tagStart[i]!; k < tagStart[i + 1]!; k++) postings[fill[tagIds[k]!]!++] = i

  // A tag on more than half of all sections (Kubernetes, at KubeCon) relates nothing.
  const telling = new Uint8Array(tags)
  const weight = new Float64Array(tags)
  for (let t = 0; t < tags; t++) {
    const count = postingCount[t]!
    telling[t] = count * 2 <= n && count > 1 ? 1 : 0
    weight[t] = Math.log(n / count)
  }
  // Only telling tags can be shared (a section's own tags are all it marks): the same flat
  // layout with the others left out, in the same order, so every score sums the same way.
  const tellingStart = new Int32Array(n + 1)
  const tellingIds: number[] = []
  for (let i = 0; i < n; i++) {
    tellingStart[i] = tellingIds.length
    for (let k = tagStart[i]!; k < tagStart[i + 1]!; k++) if (telling[tagIds[k]!]) tellingIds.push(tagIds[k]!)
  }
  tellingStart[n] = tellingIds.length
  const ownTags = Int32Array.from(tellingIds)
  // Ties go to the smaller id (code-unit order): each section's place in that order, once.
  const idRank = new Int32Array(n)
  ;[...sections.keys()].sort((a, b) => (sections[a]!.id < sections[b]!.id ? -1 : sections[a]!.id > sections[b]!.id ? 1 : 0)).forEach((i, rank) => (idRank[i] = rank))

  // Scratch space reused for every section: no allocation per candidate.
  const mark = new Int32Array(tags)
  const seen = new Int32Array(n)
  const candidates = new Int32Array(n)
  // The best `limit` so far, best first.
  const topOther = new Int32Array(limit + 1)
  const topScore = new Float64Array(limit + 1)
  // Stamps tell this section's marks from those of the sections ranked before it: the first
  // ranking stamps 1, the next 2, whatever their positions.
  let stamp = 0
  return (index: number): Related[] => {
    stamp++
    const report = reportOf[index]!
    const mine = ownTags.subarray(tellingStart[index]!, tellingStart[index + 1]!)
    for (const t of mine) mark[t] = stamp
    let found = 0
    for (const t of mine) {
      if (postingCount[t]! > postingLimit) continue
      for (let p = postingStart[t]!; p < postingStart[t + 1]!; p++) {
        const other = postings[p]!
        if (seen[other] === stamp || reportOf[other] === report) continue
        seen[other] = stamp
        candidates[found++] = other
      }
    }
    // Nothing rare in common with anyone: look near this section (same conference and era)
    // in the postings of its rarest telling tag, a window of postingLimit sections.
    if (found < limit) {
      let rarest = -1
      for (const t of mine) {
        if (postingCount[t]! <= postingLimit) continue
        if (rarest < 0 || postingCount[t]! < postingCount[rarest]! || (postingCount[t] === postingCount[rarest] && t < rarest)) rarest = t
      }
      if (rarest >= 0) {
        const first = postingStart[rarest]!
        const length = postingCount[rarest]!
        const at = lowerBound(postings, first, first + length, index) - first
        const from = Math.max(0, Math.min(at - Math.floor(postingLimit / 2), length - postingLimit))
        for (let i = from; i < Math.min(length, from + postingLimit); i++) {
          const other = postings[first + i]!
          if (seen[other] === stamp || reportOf[other] === report) continue
          seen[other] = stamp
          candidates[found++] = other
        }
      }
    }
    // Score every candidate on all it shares, keep the best `limit`.
    let kept = 0
    for (let c = 0; c < found; c++) {
      const other = candidates[c]!
      let total = 0
      for (let k = tellingStart[other]!; k < tellingStart[other + 1]!; k++) {
        const t = ownTags[k]!
        if (mark[t] === stamp) total += weight[t]!
      }
      if (total <= 0) continue
      const score = Math.round(total * 1000) / 1000
      // Higher score first; at equal scores, the smaller id.
      let at = kept
      while (at > 0 && (score > topScore[at - 1]! || (score === topScore[at - 1]! && idRank[other]! < idRank[topOther[at - 1]!]!))) at--
      if (at >= limit) continue
      for (let j = Math.min(kept, limit - 1); j > at; j--) {
        topOther[j] = topOther[j - 1]!
        topScore[j] = topScore[j - 1]!
      }
      topOther[at] = other
      topScore[at] = score
      if (kept < limit) kept++
    }
    const best: Related[] = []
    for (let j = 0; j < kept; j++) {
      const other = topOther[j]!
      const shared: Related['shared'] = { topics: [], projects: [], speakers: [] }
      for (let k = tellingStart[other]!; k < tellingStart[other + 1]!; k++) {
        const t = ownTags[k]!
        if (mark[t] === stamp) shared[tagKind[t]!].push(tagName[t]!)
      }
      best.push({ section: sections[other]!.id, score: topScore[j]!, shared })
    }
    return best
  }
}

/** First position in the sorted `list[lo … hi - 1]` whose value is at least `value`. */
function lowerBound(list: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
