/**
 * load → validate → parse → link: everything up to the knowledge graph, each stage timed.
 * `build` adds the emit stage; `check` stops here and writes nothing.
 */
import path from 'node:path'
import { loadContent, type ReadMemo } from './load/content.ts'
import { checkFiles, type ContentFile } from './link/files.ts'
import { linkSite, type Site, type TaggedReport } from './link/graph.ts'
import { tagging, tagReport } from './link/tagger.ts'
import { ParseCache, type CacheEntry } from './parse/cache.ts'
import { parseReport, reportFolder } from './parse/report.ts'
import { prepareReports, type ParseContext, type PoolOptions } from './parse/workers.ts'
import { ContentError, problem, sortProblems, type Problem } from './problems.ts'
import { projectRoot } from './root.ts'
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

/**
 * A report's content warnings, kept while it is the same validated report (validation is
 * remembered per text): a dev server checks again only the reports that changed.
 */
const warned = new WeakMap<ValidatedContent['reports'][number], Problem[]>()

/** Each cache entry as the link stage takes it (see below). */
const tagged = new WeakMap<CacheEntry, TaggedReport>()

export interface ReadResult {
  site: Site
  warnings: Problem[]
  /** Reports parsed now and reports taken from the cache. */
  parsed: { fresh: number; cached: number }
  /** Files of the content folder that reports show or link to: the site carries a copy. */
  files: ContentFile[]
}

export interface ReadOptions {
  /** How reports are parsed: how many worker threads, and from how many reports on. */
  workers?: PoolOptions
  /** Files read by an earlier load in this process, kept while unchanged (the dev server). */
  reads?: ReadMemo
  /** Where "/…" images and links are looked for; default Recap's public/. */
  publicDir?: string
}

/**
 * Throws ContentError with every error found; warnings ride along with the result. A bug
 * met while parsing a report throws ParseFailure, naming the report.
 */
export async function readSite(contentDir: string, timer: Timer = createTimer(), cache = new ParseCache(), options: ReadOptions = {}): Promise<ReadResult> {
  const loaded = await timer.timeAsync('load', () => loadContent(contentDir, options.reads))
  const validated = timer.time('validate', () => validateContent(loaded))
  const problems = [...validated.problems]
  if (problems.some((p) => p.severity === 'error')) {
    // The bodies are checked too, so that fixing the front matter reveals no second round of errors.
    const topicIds = validated.topicIds
    for (const r of [...validated.reports, ...validated.bodiesWithBadFrontMatter]) {
      // The front matter only rides along in the parsed record; here just the problems are kept.
      const bodyProblems = parseReport({ frontMatter: undefined as never, ...r }, topicIds).problems
      // Without a good topics.yml every topic would look unknown.
      problems.push(...bodyProblems.filter((p) => p.severity === 'error' && (p.code !== 'unknownTopic' || topicIds.length > 0)))
    }
    throw new ContentError(sortProblems(problems))
  }

  const context: ParseContext = { topicIds: validated.topics.map((t) => t.id), topics: validated.topics, projects: validated.projects, contentDir }
  let cached = 0
  const parsed: TaggedReport[] = await timer.timeAsync('parse', async () => {
    const reports = validated.reports
    const keys = reports.map((r) => cache.key(r, context.topicIds, reportFolder(r.file, contentDir)))
    const entries: (CacheEntry | undefined)[] = await Promise.all(keys.map((k) => cache.get(k)))
    const update: [string, CacheEntry][] = []
    // Cached parses whose tags came from another catalogue are tagged again, here: it is quick.
    let current: ReturnType<typeof tagging> | undefined
    entries.forEach((entry, i) => {
      if (!entry) return
      cached++
      current ??= tagging(context.topics, context.projects)
      if (entry.tagsKey === current.key && entry.tags) return
      entries[i] = { ...entry, tags: tagReport(entry.report.sections, current), tagsKey: current.key }
      update.push([keys[i]!, entries[i]!])
    })
    // Only the reports not in the cache go to the parse workers.
    const missing = reports.flatMap((_, i) => (entries[i] ? [] : [i]))
    const fresh = await prepareReports(
      missing.map((i) => reports[i]!),
      context,
      options.workers,
    )
    missing.forEach((at, n) => {
      entries[at] = fresh[n]!
      update.push([keys[at]!, fresh[n]!])
    })
    await cache.setAll(update)
    return entries.map((entry) => {
      problems.push(...entry!.problems)
      // One object per cache entry, so the link stage can tell an unchanged report by identity.
      let report = tagged.get(entry!)
      if (!report) tagged.set(entry!, (report = { ...entry!.report, tags: entry!.tags! }))
      return report
    })
  })
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(sortProblems(problems.filter((p) => p.severity === 'error')))

  for (const r of validated.reports) {
    let own = warned.get(r)
    if (!own) warned.set(r, (own = contentWarnings(r)))
    problems.push(...own)
  }
  // Only the catalogue: the linked site's lazy parts keep what they are given until the last
  // page is written, and the validated reports carry every report's text as read.
  const { conferences, topics, projects, people } = validated
  // The files reports point at are looked for here too: they are what the site links to.
  const { site, checked } = await timer.timeAsync('link', async () => ({
    checked: await checkFiles(parsed, { contentDir, publicDir: options.publicDir ?? path.join(projectRoot, 'public') }),
    site: linkSite(parsed, { conferences, topics, projects, people }),
  }))
  problems.push(...checked.warnings)
  problems.push(...linkWarnings(site, validated.topicPlaces))
  return { site, warnings: sortProblems(problems), parsed: { fresh: parsed.length - cached, cached }, files: checked.files }
}
