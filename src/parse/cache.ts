/**
 * Parsed reports cached by content hash, in memory and on disk, so a rebuild after a small
 * change parses only the reports that changed. The key covers the report's text, what it was
 * validated to, the known topic ids and the parser's own source, so a stale entry is never used.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Problem } from '../problems.ts'
import type { ValidatedReport } from '../validate/content.ts'
import type { ParsedReport } from './report.ts'

export interface ParseResult {
  report: ParsedReport
  problems: Problem[]
}

/** The parser's source: a change to it invalidates every entry. */
const parserVersion = (() => {
  const hash = createHash('sha256')
  for (const dir of [import.meta.dirname, path.join(import.meta.dirname, '../validate')]) {
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.ts')) hash.update(readFileSync(path.join(dir, name)))
  }
  return hash.digest('hex').slice(0, 16)
})()

export class ParseCache {
  private readonly memory = new Map<string, ParseResult>()
  hits = 0
  misses = 0

  /** `dir`: where entries are kept on disk; without it, memory only. */
  constructor(private readonly dir?: string) {}

  key(report: ValidatedReport, topicIds: readonly string[]): string {
    return createHash('sha256')
      .update(JSON.stringify([parserVersion, report.id, report.file, report.bodyLine, report.frontMatter, report.body, topicIds]))
      .digest('hex')
  }

  async get(key: string): Promise<ParseResult | undefined> {
    const inMemory = this.memory.get(key)
    if (inMemory) return inMemory
    if (!this.dir) return undefined
    try {
      const entry = JSON.parse(await readFile(this.file(key), 'utf8')) as ParseResult
      this.memory.set(key, entry)
      return entry
    } catch {
      return undefined
    }
  }

  async set(key: string, result: ParseResult): Promise<void> {
    this.memory.set(key, result)
    if (!this.dir) return
    await mkdir(this.dir, { recursive: true })
    await writeFile(this.file(key), JSON.stringify(result))
  }

  resetCounts(): void {
    this.hits = 0
    this.misses = 0
  }

  private file(key: string): string {
    return path.join(this.dir!, `${key}.json`)
  }
}
