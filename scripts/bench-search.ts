/**
 * Relevance of search on the query set in test/search/queries.ts: MRR and recall@5.
 * Builds the real content, then runs every query through the same module the browser uses.
 * Usage: npm run bench:search [-- --verbose]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from '../src/build.ts'
import { parseSearchIndexScript, searchIndexFile } from '../src/emit/search-index.ts'
import { Searcher } from '../src/search/query.ts'
import { relevanceSet, type RelevanceCase } from '../test/search/queries.ts'

export interface RelevanceScore {
  mrr: number
  recallAt5: number
  perQuery: { query: string; rank: number | null; recall: number; top: string[] }[]
}

export function scoreRelevance(searcher: Searcher, cases: RelevanceCase[]): RelevanceScore {
  const perQuery = cases.map(({ query, accept }) => {
    const ids = searcher.search(query, {}, 20).hits.map((h) => h.document.id)
    const index = ids.findIndex((id) => accept.includes(id))
    const top5 = ids.slice(0, 5)
    const recall = accept.filter((a) => top5.includes(a)).length / Math.min(accept.length, 5)
    return { query, rank: index === -1 ? null : index + 1, recall, top: top5 }
  })
  const mrr = perQuery.reduce((n, q) => n + (q.rank ? 1 / q.rank : 0), 0) / perQuery.length
  const recallAt5 = perQuery.reduce((n, q) => n + q.recall, 0) / perQuery.length
  return { mrr, recallAt5, perQuery }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await mkdtemp(path.join(tmpdir(), 'recap-bench-'))
  await build({ contentDir: 'content', outDir: path.join(out, 'site') })
  const data = parseSearchIndexScript(await readFile(path.join(out, 'site', searchIndexFile), 'utf8'))
  const score = scoreRelevance(new Searcher(data), relevanceSet)
  const verbose = process.argv.includes('--verbose')
  for (const q of score.perQuery) {
    if (verbose || q.rank !== 1 || q.recall < 1) {
      console.log(`${q.rank === null ? ' –' : String(q.rank).padStart(2)}  recall@5 ${q.recall.toFixed(2)}  ${q.query}${q.rank === 1 ? '' : `\n      top: ${q.top.join(', ')}`}`)
    }
  }
  console.log(`\n${relevanceSet.length} queries  MRR ${score.mrr.toFixed(3)}  recall@5 ${score.recallAt5.toFixed(3)}`)
  await rm(out, { recursive: true, force: true })
}
