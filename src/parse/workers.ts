/**
 * Parse on every core: reports are parsed (and tagged, see tagReport) in a small pool of
 * worker threads, and the results come back in report order, exactly as a sequential parse
 * gives them. A small corpus is parsed here, on this thread: starting a worker costs more
 * than it saves.
 *
 * A worker runs worker.ts (compiled: worker.js) from this folder. From TypeScript (tsx,
 * vitest) it first registers tsx, as bin/recap.js does, since a worker starts with no loader.
 *
 * A bug that throws while parsing a report surfaces as the same ParseFailure either way,
 * naming the first failing report in report order; a worker that dies takes the build down
 * with an error naming the report it was parsing, never a hang.
 */
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { tagReport, tagging, type SectionTags } from '../link/tagger.ts'
import type { ProjectEntry, TopicEntry } from '../validate/schema.ts'
import type { ValidatedReport } from '../validate/content.ts'
import type { ParseResult } from './cache.ts'
import { parseReport, reportFolder } from './report.ts'

/** What every report's parse and tags depend on besides the report itself. */
export interface ParseContext {
  topicIds: readonly string[]
  topics: readonly TopicEntry[]
  projects: readonly ProjectEntry[]
  /** The content folder, which relative image and link paths are found in; without it, reports are taken to be in reports/. */
  contentDir?: string
}

export interface Prepared extends ParseResult {
  /** Each section's tags, computed with the catalogue whose tagging key is `tagsKey`. */
  tags: SectionTags[]
  tagsKey: string
}

/** A bug met while parsing one report: which report, and what went wrong. */
export class ParseFailure extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: parsing this report failed (${detail}). This is a bug in Recap: please report it with the file.`)
    this.name = 'ParseFailure'
  }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))

/** Tagging prepared once per catalogue, per thread. */
let preparedFor: { context: ParseContext; tagging: ReturnType<typeof tagging> } | undefined

/** One report, as every path parses it: its parse, its problems and its sections' tags. */
export function prepareReport(report: ValidatedReport, context: ParseContext): Prepared {
  if (preparedFor?.context !== context) preparedFor = { context, tagging: tagging(context.topics, context.projects) }
  const t = preparedFor.tagging
  try {
    const { report: parsed, problems } = parseReport(report, context.topicIds, context.contentDir === undefined ? undefined : reportFolder(report.file, context.contentDir))
    return { report: parsed, problems, tags: tagReport(parsed.sections, t), tagsKey: t.key }
  } catch (error) {
    throw new ParseFailure(report.file, describe(error))
  }
}

/** Below this many reports to parse, one thread is faster than starting workers. */
export const minReportsForWorkers = 50

export interface PoolOptions {
  /** Worker threads to use; default: the available parallelism, at least 1. */
  threads?: number
  /** Reports below which the parse stays on this thread; default minReportsForWorkers. */
  minReports?: number
  /** Caps on each worker's memory; a worker past them stops, and the parse fails. */
  resourceLimits?: ResourceLimits
}

/** Each report's parse and tags, in the order given. */
export async function prepareReports(reports: readonly ValidatedReport[], context: ParseContext, options: PoolOptions = {}): Promise<Prepared[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), reports.length))
  if (threads <= 1 || reports.length < (options.minReports ?? minReportsForWorkers)) return reports.map((r) => prepareReport(r, context))
  return inWorkers(reports, context, threads, options.resourceLimits)
}

/** Messages between this thread and a worker (see worker.ts). */
export type ToWorker = { index: number; report: ValidatedReport }
export type FromWorker = { index: number; result: Prepared } | { index: number; failure: { file: string; message: string } }

function inWorkers(reports: readonly ValidatedReport[], context: ParseContext, threads: number, resourceLimits?: ResourceLimits): Promise<Prepared[]> {
  return new Promise((resolve, reject) => {
    const results: Prepared[] = new Array(reports.length)
    const failures: { index: number; error: Error }[] = []
    const workers: Worker[] = []
    let next = 0
    let done = 0
    let settled = false

    const finish = () => {
      if (settled) return
      settled = true
      // The first failure in report order, as the sequential parse would have met it.
      failures.sort((a, b) => a.index - b.index)
      // Settled only once every worker has stopped: until its 'exit', a worker keeps its
      // listeners, and through them every parsed report, alive. The stage after the parse
      // (the link, the index) would otherwise run with all of them still in memory.
      void Promise.allSettled(workers.map((w) => w.terminate())).then(() => {
        if (failures.length > 0) reject(failures[0]!.error)
        else resolve(results)
      })
    }
    const feed = (worker: Worker, state: { busy?: number }) => {
      if (next < reports.length) {
        state.busy = next
        worker.postMessage({ index: next, report: reports[next]! } satisfies ToWorker)
        next++
      } else {
        state.busy = undefined
      }
    }

    for (let n = 0; n < threads; n++) {
      const worker = startWorker(context, resourceLimits)
      const state: { busy?: number } = {}
      workers.push(worker)
      worker.on('message', (message: FromWorker) => {
        if ('result' in message) results[message.index] = message.result
        else failures.push({ index: message.index, error: new ParseFailure(message.failure.file, message.failure.message) })
        done++
        if (done === reports.length) finish()
        else feed(worker, state)
      })
      // A worker that cannot start or dies (out of memory, a crash) must not leave the build waiting.
      const died = (detail: string) => {
        if (settled) return
        const at = state.busy
        const error = at === undefined ? new Error(`A parse worker stopped: ${detail}.`) : new ParseFailure(reports[at]!.file, `the parse worker stopped: ${detail}`)
        failures.push({ index: at ?? -1, error })
        finish()
      }
      worker.on('error', (error) => died(describe(error)))
      worker.on('exit', (code) => died(`exit code ${code}`))
      feed(worker, state)
    }
  })
}

const workerFile = import.meta.url.endsWith('.ts') ? 'worker.ts' : 'worker.js'

function startWorker(context: ParseContext, resourceLimits: ResourceLimits = {}): Worker {
  const entry = new URL(workerFile, import.meta.url)
  if (workerFile.endsWith('.js')) return new Worker(entry, { workerData: context, resourceLimits })
  // TypeScript: the worker registers tsx before it imports the entry, as bin/recap.js does.
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(code, { eval: true, workerData: context, resourceLimits })
}

/** tsx's ESM API, resolved from this project (tsx is a development dependency). */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const exported = (createRequire(import.meta.url)('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!
  return pathToFileURL(path.join(path.dirname(manifest), exported.import.default)).href
}
