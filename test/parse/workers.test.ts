/**
 * Parsing in worker threads (issue 12): the same records, in the same order, with the same
 * problems as a parse on one thread; a bug in a worker surfaces as the same located error;
 * a worker that dies fails the parse instead of leaving it waiting. Both the TypeScript
 * workers (this suite runs from src/) and the compiled ones (build/) are exercised.
 */
import { execFile } from 'node:child_process'
import { cp, mkdir, symlink } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../scripts/corpus.ts'
import { loadContent } from '../../src/load/content.ts'
import { ParseCache } from '../../src/parse/cache.ts'
import { ParseFailure, prepareReports, type ParseContext } from '../../src/parse/workers.ts'
import { createTimer, readSite } from '../../src/pipeline.ts'
import { validateContent, type ValidatedReport } from '../../src/validate/content.ts'
import { fixtureContent, makeContent, plainSite, removeDir, report, root, tempDir } from '../helpers.ts'

let dir: string
let corpus: string
beforeAll(async () => {
  dir = await tempDir()
  corpus = path.join(dir, 'corpus')
  await writeCorpus(corpus, { reports: 60, seed: 3 })
}, 120_000)
afterAll(async () => removeDir(dir))

async function validated(content: string): Promise<{ reports: ValidatedReport[]; context: ParseContext }> {
  const v = validateContent(await loadContent(content))
  return { reports: v.reports, context: { topicIds: v.topics.map((t) => t.id), topics: v.topics, projects: v.projects } }
}

const sequential = { threads: 1 }
const parallel = { threads: 2, minReports: 1 }

describe('parsing in worker threads', () => {
  it('gives the same records, tags and problems as one thread, in the same order, on the fixture site and a generated corpus', async () => {
    // A report with problems (an empty section, an unknown topic) among them.
    const problems = await makeContent(
      { 'reports/troubled.md': report('title: Troubled\nconference: meshconf-2019\nsummary: S.', '## Empty\n\n## Tagged {topics="no-such-topic"}\n\nText.') },
      true,
    )
    try {
      for (const content of [fixtureContent, corpus, problems]) {
        const { reports, context } = await validated(content)
        const one = await prepareReports(reports, context, sequential)
        const many = await prepareReports(reports, context, parallel)
        expect(many.map((r) => r.report.id)).toEqual(reports.map((r) => r.id))
        expect(many).toEqual(one)
      }
      const { reports, context } = await validated(problems)
      const troubled = (await prepareReports(reports, context, parallel)).find((r) => r.report.id === 'troubled')!
      expect(troubled.problems.map((p) => [p.code, p.line])).toEqual([
        ['emptySection', 7],
        ['unknownTopic', 9],
      ])
    } finally {
      await removeDir(problems)
    }
  })

  it('builds the same site with workers as without, and sends only uncached reports to them', async () => {
    const read = (cache: ParseCache, workers: typeof parallel | typeof sequential) => readSite(corpus, createTimer(), cache, { workers })
    const one = await read(new ParseCache(), sequential)
    const cache = new ParseCache()
    const many = await read(cache, parallel)
    expect(plainSite(many.site)).toEqual(plainSite(one.site))
    expect(many.warnings).toEqual(one.warnings)
    expect(many.parsed).toEqual({ fresh: 60, cached: 0 })
    expect((await read(cache, parallel)).parsed).toEqual({ fresh: 0, cached: 60 })
  })

  it('surfaces a bug met in a worker as the same error as on one thread, naming the first failing report', async () => {
    const { reports, context } = await validated(corpus)
    // A report the parser cannot handle (its body is no text), twice: the first one is named.
    const broken = reports.map((r, i) => (i === 17 || i === 40 ? { ...r, body: 42 as unknown as string } : r))
    const failure = (options: object) => prepareReports(broken, context, options).then(() => undefined, (error: unknown) => error)
    const one = await failure(sequential)
    const many = await failure(parallel)
    expect(one).toBeInstanceOf(ParseFailure)
    expect(many).toBeInstanceOf(ParseFailure)
    expect((many as Error).message).toBe((one as Error).message)
    expect((many as ParseFailure).file).toBe(reports[17]!.file)
    expect((many as Error).message).toContain(`${reports[17]!.file}: parsing this report failed (TypeError:`)
  })

  it('fails, naming a report, when a worker dies instead of answering', async () => {
    const { reports, context } = await validated(corpus)
    // Workers too small for their work run out of memory and stop.
    const error = await prepareReports(reports, context, { ...parallel, resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ParseFailure)
    expect((error as ParseFailure).message).toMatch(/^.*corpus.*\.md: parsing this report failed \(the parse worker stopped: /)
  })

  it('works from the compiled JavaScript too', async () => {
    // The project compiled as `npm run build:cli` does, into a temporary folder.
    const compiled = path.join(dir, 'compiled')
    await mkdir(compiled, { recursive: true })
    await cp(path.join(root, 'package.json'), path.join(compiled, 'package.json'))
    await symlink(path.join(root, 'node_modules'), path.join(compiled, 'node_modules'))
    await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', compiled])
    const workers = (await import(pathToFileURL(path.join(compiled, 'src/parse/workers.js')).href)) as typeof import('../../src/parse/workers.ts')
    const { reports, context } = await validated(fixtureContent)
    const many = await workers.prepareReports(reports, context, parallel)
    expect(many).toEqual(await prepareReports(reports, context, sequential))
  }, 180_000)
})
