/**
 * load → validate → parse → link: everything up to the knowledge graph, each stage timed.
 * `build` adds the emit stage; `check` stops here and writes nothing.
 */
import { loadContent } from './load/content.ts'
import { linkSite, type Site } from './link/graph.ts'
import { ParseCache } from './parse/cache.ts'
import { parseReport, type ParsedReport } from './parse/report.ts'
import { ContentError, problem, sortProblems, type Problem } from './problems.ts'
import { contentWarnings } from './validate/checks.ts'
import { validateContent, type ValidatedContent } from './validate/content.ts'

export { createTimer, type StageTiming, type Timer } from './timer.ts'
import { createTimer, type Timer } from './timer.ts'

/**
 * What only the linked site can tell: topics nothing mentions. A report of notes only (all
 * takeaways) is a valid report and gets no warning.
 */
function linkWarnings(site: Site, topicPlaces: ValidatedContent['topicPlaces']): Problem[] {
  const warnings: Problem[] = []
  for (const t of site.topics) {
    if (t.sections.length === 0) warnings.push(problem('unusedTopic', topicPlaces.get(t.id)!, { id: t.id }, 'warning'))
  }
  return warnings
}

export interface ReadResult {
  site: Site
  warnings: Problem[]
  /** Reports parsed now and reports taken from the cache. */
  parsed: { fresh: number; cached: number }
}

/** Throws ContentError with every error found; warnings ride along with the result. */
export async function readSite(contentDir: string, timer: Timer = createTimer(), cache = new ParseCache()): Promise<ReadResult> {
  const loaded = await timer.timeAsync('load', () => loadContent(contentDir))
  const validated = timer.time('validate', () => validateContent(loaded))
  const problems = [...validated.problems]
  if (problems.some((p) => p.severity === 'error')) {
    // The bodies are checked too, so that fixing the front matter reveals no second round of errors.
    const topicIds = validated.topics.map((t) => t.id)
    for (const r of [...validated.reports, ...validated.bodiesWithBadFrontMatter]) {
      // The front matter only rides along in the parsed record; here just the problems are kept.
      const bodyProblems = parseReport({ frontMatter: undefined as never, ...r }, topicIds).problems
      // Without a good topics.yml every topic would look unknown.
      problems.push(...bodyProblems.filter((p) => p.severity === 'error' && (p.code !== 'unknownTopic' || topicIds.length > 0)))
    }
    throw new ContentError(sortProblems(problems))
  }

  const topicIds = validated.topics.map((t) => t.id)
  let cached = 0
  const parsed: ParsedReport[] = await timer.timeAsync('parse', async () => {
    const out: ParsedReport[] = []
    for (const r of validated.reports) {
      const key = cache.key(r, topicIds)
      let result = await cache.get(key)
      if (result) cached++
      else {
        result = parseReport(r, topicIds)
        await cache.set(key, result)
      }
      problems.push(...result.problems)
      out.push(result.report)
    }
    return out
  })
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(sortProblems(problems.filter((p) => p.severity === 'error')))

  for (const r of validated.reports) problems.push(...contentWarnings(r))
  const site = timer.time('link', () => linkSite(parsed, validated))
  problems.push(...linkWarnings(site, validated.topicPlaces))
  return { site, warnings: sortProblems(problems), parsed: { fresh: parsed.length - cached, cached } }
}
