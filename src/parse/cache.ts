/**
 * Parsed reports cached by content hash, in memory and on disk, so a rebuild after a small
 * change parses only the reports that changed.
 *
 * An entry's key covers the report's text, what it was validated to and the known topic
 * ids. The code version covers everything else a parse depends on: every file of the running
 * code (the parser, the validators, the message catalogue in problems.ts; TypeScript in src/
 * or the compiled build/src/) and the installed dependency versions. Entries live in a folder
 * per code version, so a change of code or dependencies never serves a stale entry.
 *
 * Pruned so it does not grow forever: `prune()` removes the folders of other code versions,
 * and keeps at most `limit` entries of this one, the least recently used going first
 * (a hit touches its file). Entries used in this run are never removed.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Problem } from '../problems.ts'
import { codeRoot, projectRoot } from '../root.ts'
import type { ValidatedReport } from '../validate/content.ts'
import type { ParsedReport } from './report.ts'

export interface ParseResult {
  report: ParsedReport
  problems: Problem[]
}

/** A hash of the running code and the installed dependencies. */
export function codeVersion(root = codeRoot): string {
  const hash = createHash('sha256')
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  for (const file of files) hash.update(path.relative(root, file)).update(readFileSync(file))
  // npm writes the versions it installed here; package-lock.json when it is absent.
  for (const lock of [path.join(projectRoot, 'node_modules/.package-lock.json'), path.join(projectRoot, 'package-lock.json')]) {
    try {
      hash.update(readFileSync(lock))
      break
    } catch {
      // try the next one
    }
  }
  return hash.digest('hex').slice(0, 16)
}

let runningVersion: string | undefined

export class ParseCache {
  private readonly memory = new Map<string, ParseResult>()
  private readonly used = new Set<string>()
  private readonly version: string
  hits = 0
  misses = 0

  /** `dir`: where entries are kept on disk; without it, memory only. */
  constructor(
    private readonly dir?: string,
    options: { version?: string } = {},
  ) {
    this.version = options.version ?? (runningVersion ??= codeVersion())
  }

  key(report: ValidatedReport, topicIds: readonly string[]): string {
    return createHash('sha256')
      .update(JSON.stringify([report.id, report.file, report.bodyLine, report.frontMatter, report.body, topicIds]))
      .digest('hex')
  }

  async get(key: string): Promise<ParseResult | undefined> {
    this.used.add(key)
    const inMemory = this.memory.get(key)
    if (inMemory) return inMemory
    if (!this.dir) return undefined
    try {
      const file = this.file(key)
      const entry = JSON.parse(await readFile(file, 'utf8')) as ParseResult
      this.memory.set(key, entry)
      const now = new Date()
      await utimes(file, now, now)
      return entry
    } catch {
      return undefined
    }
  }

  async set(key: string, result: ParseResult): Promise<void> {
    this.used.add(key)
    this.memory.set(key, result)
    if (!this.dir) return
    await mkdir(this.folder(), { recursive: true })
    await writeFile(this.file(key), JSON.stringify(result))
  }

  /** Removes other code versions' entries and all but the `limit` most recently used of this one's. */
  async prune(limit = 2000): Promise<number> {
    if (!this.dir) return 0
    let removed = 0
    let entries: string[]
    try {
      entries = await readdir(this.dir)
    } catch {
      return 0
    }
    for (const name of entries) {
      // Only what this cache writes: version folders of 16 hex digits.
      if (name !== this.version && /^[0-9a-f]{16}$/.test(name)) {
        await rm(path.join(this.dir, name), { recursive: true, force: true })
        removed++
      }
    }
    let files: string[]
    try {
      files = (await readdir(this.folder())).filter((f) => /^[0-9a-f]{64}\.json$/.test(f))
    } catch {
      return removed
    }
    if (files.length <= limit) return removed
    const aged = await Promise.all(files.map(async (f) => ({ f, t: (await stat(path.join(this.folder(), f))).mtimeMs })))
    aged.sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1))
    for (const { f } of aged.slice(limit)) {
      if (this.used.has(f.slice(0, -'.json'.length))) continue
      await rm(path.join(this.folder(), f), { force: true })
      removed++
    }
    return removed
  }

  resetCounts(): void {
    this.hits = 0
    this.misses = 0
  }

  private folder(): string {
    return path.join(this.dir!, this.version)
  }

  private file(key: string): string {
    return path.join(this.folder(), `${key}.json`)
  }
}
