/**
 * Parsed reports cached by content hash, in memory and on disk, so a rebuild after a small
 * change parses only the reports that changed.
 *
 * An entry's key covers the report's text, what it was validated to and the known topic
 * ids. The code version covers everything else a parse depends on: every file of the running
 * code (the parser, the validators, the message catalogue in problems.ts; TypeScript in src/
 * or the compiled build/src/) and the installed dependency versions. Entries live in a folder
 * per code version, so a change of code or dependencies never serves a stale entry. An
 * entry also keeps its report's tags, with the key of the catalogue they were made with.
 *
 * On disk, a code version's entries are one append-only file, `entries.log`: a line per
 * entry, its key, a tab and the entry as JSON (which escapes every line break). One read serves a whole build (a file per
 * report cost more in opening files than in parsing them); only the entries asked for are
 * parsed. A build appends its new entries in one write that starts and ends with a line
 * break, so a line cut short (an interrupted build) spoils only itself: a line that does not
 * parse is a miss. The last line of a key wins.
 *
 * Pruned so it does not grow forever: `prune()` removes the folders of other code versions,
 * and once the log holds more than `limit` lines, rewrites it (atomically) with the entries
 * used in this run and the most recently written others, at most `limit` in all. Entries
 * used in this run are never removed.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { SectionTags } from '../link/tagger.ts'
import type { Problem } from '../problems.ts'
import { codeRoot, projectRoot } from '../root.ts'
import type { ValidatedReport } from '../validate/content.ts'
import type { ParsedReport } from './report.ts'

export interface ParseResult {
  report: ParsedReport
  problems: Problem[]
}

/** A cached parse, with its sections' tags and the key of the catalogue that made them. */
export interface CacheEntry extends ParseResult {
  tags?: SectionTags[]
  tagsKey?: string
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

/**
 * Makes the cache folder, or says in words why it cannot be one: `--cache` named a file, a
 * place that cannot be written, or a file system that takes no folders. Each missing folder is
 * made on its own: Node's recursive mkdir retries for ever under /proc.
 */
export async function prepareCacheDir(dir: string): Promise<string | undefined> {
  const absolute = path.resolve(dir)
  const missing: string[] = []
  let at = absolute
  for (;;) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => error)
    if (info instanceof Error) {
      // Missing, or under a file (ENOTDIR): look further up for what is there.
      if ((info.code === 'ENOENT' || info.code === 'ENOTDIR') && path.dirname(at) !== at) {
        missing.unshift(at)
        at = path.dirname(at)
        continue
      }
      return `--cache ${dir}: ${at} cannot be read (${info.code ?? info.message}). Pick a folder you can write to, e.g. --cache .recap-cache, or build with --no-cache.`
    }
    if (!info.isDirectory()) return `--cache ${dir}: ${at} is a file, not a folder. Pick a folder for the cache, e.g. --cache .recap-cache, or build with --no-cache.`
    break
  }
  const advice = 'Pick a folder you can write to, e.g. --cache .recap-cache, or build with --no-cache.'
  for (const folder of missing) {
    try {
      await mkdir(folder)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') continue
      return `--cache ${dir}: cannot make the folder ${folder} (${why(code, error)}). ${advice}`
    }
  }
  // A folder that exists may still refuse files (/sys, a read-only mount): try one.
  try {
    await rmdir(await mkdtemp(path.join(absolute, '.write-test-')))
  } catch (error) {
    return `--cache ${dir}: cannot write in ${absolute} (${why((error as NodeJS.ErrnoException).code, error)}). ${advice}`
  }
  return undefined
}

function why(code: string | undefined, error: unknown): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EROFS') return 'read-only file system'
  if (code === 'ENOENT') return 'this file system takes no new folders'
  if (code === 'ENOSPC') return 'no space left on the disk'
  return code ?? String(error)
}

let runningVersion: string | undefined

/** The log's name in a version folder. */
export const logName = 'entries.log'
const keyLength = 64
const newline = 0x0a
const tab = 0x09

export class ParseCache {
  private readonly memory = new Map<string, CacheEntry>()
  private readonly used = new Set<string>()
  private readonly version: string
  /** The log as read at the first get: each key's last line, as bytes, in the order written. */
  private onDisk?: Promise<Map<string, Uint8Array>>
  /** Lines this cache appended to the log, as bytes, for a rewrite by prune. */
  private readonly written = new Map<string, Uint8Array>()
  /** Lines in the log: what it read plus what it appended. */
  private lines = 0
  hits = 0
  misses = 0

  /** `dir`: where entries are kept on disk; without it, memory only. */
  constructor(
    private readonly dir?: string,
    options: { version?: string } = {},
  ) {
    this.version = options.version ?? (runningVersion ??= codeVersion())
  }

  /** `folder`: the report's folder in the content folder, which its relative image paths start from. */
  key(report: ValidatedReport, topicIds: readonly string[], folder = ''): string {
    // A validated report is one object for as long as its file is unchanged (validation is
    // remembered per text): a dev server hashes only the reports that changed.
    const topics = topicIds.join('\u0000') + '\u0001' + folder
    const known = this.keys.get(report)
    if (known?.topics === topics) return known.key
    // The body is hashed as it is, after the (self-delimiting) JSON of the rest: no escaped copy of it.
    const key = createHash('sha256')
      .update(JSON.stringify([report.id, report.file, report.bodyLine, report.frontMatter, topicIds, folder]))
      .update(report.body)
      .digest('hex')
    this.keys.set(report, { topics, key })
    return key
  }
  private readonly keys = new WeakMap<ValidatedReport, { topics: string; key: string }>()

  async get(key: string): Promise<CacheEntry | undefined> {
    this.used.add(key)
    const inMemory = this.memory.get(key)
    if (inMemory) return inMemory
    if (!this.dir) return undefined
    const line = (await this.read()).get(key)
    if (!line) return undefined
    try {
      const entry = JSON.parse(Buffer.from(line.buffer, line.byteOffset + keyLength + 1, line.byteLength - keyLength - 1).toString('utf8')) as CacheEntry
      this.memory.set(key, entry)
      return entry
    } catch {
      return undefined
    }
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    return this.setAll([[key, entry]])
  }

  /** Stores entries, on disk in one append. */
  async setAll(entries: readonly (readonly [string, CacheEntry])[]): Promise<void> {
    if (entries.length === 0) return
    const lines: Buffer[] = []
    for (const [key, entry] of entries) {
      this.used.add(key)
      this.memory.set(key, entry)
      if (!this.dir) continue
      const line = Buffer.from(`${key}\t${JSON.stringify(entry)}`)
      this.written.set(key, line)
      lines.push(line)
    }
    if (!this.dir) return
    await this.read()
    await mkdir(this.folder(), { recursive: true })
    // Starts and ends a line: a line an interrupted write left unfinished stays a line of its own.
    await appendFile(this.file(), Buffer.concat([...lines.flatMap((l) => [Buffer.of(newline), l]), Buffer.of(newline)]))
    this.lines += lines.length
  }

  /** Removes other code versions' entries and, past `limit` lines, all but the `limit` most recent of this one's. */
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
    const read = await this.read()
    if (this.lines <= limit) return removed
    // Written order is age: the oldest first, the lines of this run last.
    const all = new Map(read)
    for (const [key, line] of this.written) {
      all.delete(key)
      all.set(key, line)
    }
    const unused = [...all.keys()].filter((k) => !this.used.has(k))
    const keep = new Set([...unused.slice(Math.max(0, unused.length - Math.max(0, limit - this.used.size))), ...this.used])
    const kept: Uint8Array[] = []
    for (const [key, line] of all) if (keep.has(key)) kept.push(line, Buffer.of(newline))
    // Written aside and renamed: a reader sees the old log or the new one, never half of one.
    const temporary = `${this.file()}.${process.pid}.tmp`
    await writeFile(temporary, Buffer.concat(kept))
    await rename(temporary, this.file())
    removed += this.lines - kept.length / 2
    this.lines = kept.length / 2
    this.onDisk = Promise.resolve(new Map([...all].filter(([k]) => keep.has(k))))
    return removed
  }

  resetCounts(): void {
    this.hits = 0
    this.misses = 0
  }

  /** The log, read once: every key's last complete line. */
  private read(): Promise<Map<string, Uint8Array>> {
    return (this.onDisk ??= (async () => {
      const lines = new Map<string, Uint8Array>()
      let bytes: Buffer
      try {
        bytes = await readFile(this.file())
      } catch {
        return lines
      }
      for (let start = 0; start < bytes.length; ) {
        let end = bytes.indexOf(newline, start)
        if (end < 0) end = bytes.length
        if (end - start > keyLength + 1 && bytes[start + keyLength] === tab) {
          const key = bytes.toString('latin1', start, start + keyLength)
          if (/^[0-9a-f]{64}$/.test(key)) {
            lines.delete(key)
            lines.set(key, bytes.subarray(start, end))
            this.lines++
          }
        }
        start = end + 1
      }
      return lines
    })())
  }

  private folder(): string {
    return path.join(this.dir!, this.version)
  }

  private file(): string {
    return path.join(this.folder(), logName)
  }
}
