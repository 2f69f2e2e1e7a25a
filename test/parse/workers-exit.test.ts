/**
 * A parse in worker threads hands back its results only once every worker has stopped: until
 * its 'exit', a worker keeps its listeners, and through them every parsed report, alive, and
 * the stages after the parse would run with all of them in memory (issue 12).
 */
import { vi, describe, expect, it } from 'vitest'
import type { Worker as WorkerType } from 'node:worker_threads'
import { loadContent } from '../../src/load/content.ts'
import { ParseFailure, prepareReports } from '../../src/parse/workers.ts'
import { validateContent } from '../../src/validate/content.ts'
import { fixtureContent } from '../helpers.ts'

/** Every worker started in this file, and those that have stopped. */
const started: WorkerType[] = []
const stopped = new Set<WorkerType>()

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>()
  class Watched extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args)
      started.push(this)
      this.once('exit', () => stopped.add(this))
    }
  }
  return { ...real, default: { ...real, Worker: Watched }, Worker: Watched }
})

async function validated(content: string) {
  const v = validateContent(await loadContent(content))
  return { reports: v.reports, context: { topicIds: v.topics.map((t) => t.id), topics: v.topics, projects: v.projects } }
}

describe('the parse workers', () => {
  it('have all stopped when the parse hands back its results', async () => {
    const { reports, context } = await validated(fixtureContent)
    const before = started.length
    const results = await prepareReports(reports, context, { threads: 2, minReports: 1 })
    expect(results.map((r) => r.report.id)).toEqual(reports.map((r) => r.id))
    const mine = started.slice(before)
    expect(mine.length).toBe(2)
    for (const w of mine) expect(stopped.has(w)).toBe(true)
  }, 60_000)

  it('have all stopped when the parse fails', async () => {
    const { reports, context } = await validated(fixtureContent)
    // A report the parser cannot handle (its body is no text) fails in one worker; the other stops too.
    const broken = reports.map((r, i) => (i === 0 ? { ...r, body: 42 as unknown as string } : r))
    const before = started.length
    await expect(prepareReports(broken, context, { threads: 2, minReports: 1 })).rejects.toBeInstanceOf(ParseFailure)
    const mine = started.slice(before)
    expect(mine.length).toBe(2)
    for (const w of mine) expect(stopped.has(w)).toBe(true)
  }, 60_000)
})
