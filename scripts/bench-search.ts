/**
 * Relevance of search on the query set in test/search/queries.ts: MRR and recall@5, for the
 * tuning half and the held-out half.
 * Usage: npm run bench:search [-- --verbose]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from '../src/build.ts'
import { fileSource } from '../src/search/files.ts'
import { Searcher } from '../src/search/query.ts'
import { heldOutSet, tuningSet, type RelevanceCase } from '../test/search/queries.ts'

export interface RelevanceScore {
  mrr: number
  recallAt5: number
  perQuery: { query: string; rank: number | null; recall: number; top: string[] }[]
}

export async function scoreRelevance(searcher: Searcher, cases: RelevanceCase[]): Promise<RelevanceScore> {
  const perQuery = []
  for (const { query, accept } of cases) {
    const ids = (await searcher.search(query, {}, { limit: 20, prefix: false })).hits.map((h) => h.document.id)
    const index = ids.findIndex((id) => accept.includes(id))
    const top5 = ids.slice(0, 5)
    const recall = accept.filter((a) => top5.includes(a)).length / Math.min(accept.length, 5)
    perQuery.push({ query, rank: index === -1 ? null : index + 1, recall, top: top5 })
  }
  const mrr = perQuery.reduce((n, q) => n + (q.rank ? 1 / q.rank : 0), 0) / perQuery.length
  const recallAt5 = perQuery.reduce((n, q) => n + q.recall, 0) / perQuery.length
  return { mrr, recallAt5, perQuery }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await mkdtemp(path.join(tmpdir(), 'recap-bench-'))
  await build({ contentDir: 'content', outDir: path.join(out, 'site'), cacheDir: path.join(out, 'cache') })
  const searcher = new Searcher(await fileSource(path.join(out, 'site')))
  const verbose = process.argv.includes('--verbose')
  for (const [name, set] of [['tuning', tuningSet], ['held-out', heldOutSet]] as const) {
    const score = await scoreRelevance(searcher, set)
    for (const q of score.perQuery) {
      if (verbose || q.rank !== 1 || q.recall < 1) {
        console.log(`${q.rank === null ? ' –' : String(q.rank).padStart(2)}  recall@5 ${q.recall.toFixed(2)}  ${q.query}${q.rank === 1 ? '' : `\n      top: ${q.top.join(', ')}`}`)
      }
    }
    console.log(`${name}: ${set.length} queries  MRR ${score.mrr.toFixed(3)}  recall@5 ${score.recallAt5.toFixed(3)}\n`)
  }
  await rm(out, { recursive: true, force: true })
}
