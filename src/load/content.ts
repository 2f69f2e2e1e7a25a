/**
 * Load: read the content folder from disk. Nothing after this stage touches the file system
 * for content; later stages receive the text read here.
 */
import type { Stats } from 'node:fs'
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { problem, type Problem } from '../problems.ts'
import { fileConcurrency, inPool } from '../pool.ts'
import { stripControls } from './controls.ts'
import { isEditorFile } from './ignored.ts'

export interface SourceFile {
  /** Path shown in messages: relative to the working directory when inside it. */
  file: string
  text: string
}

export interface LoadedContent {
  conferences: SourceFile | undefined
  topics: SourceFile | undefined
  projects: SourceFile | undefined
  /** people.yml is optional: undefined when the file does not exist. */
  people?: SourceFile | undefined
  reports: SourceFile[]
  problems: Problem[]
}

export const dataFileNames = {
  conferences: 'conferences.yml',
  topics: 'topics.yml',
  projects: 'projects.yml',
} as const

/** Optional data files: read when present, never missing. */
export const optionalDataFileNames = { people: 'people.yml' } as const

const reportExtensions = new Set(['.md', '.markdown'])

export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute)
  return rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel.split(path.sep).join('/')
}

/**
 * What one process read before, for a process that loads the same folder again and again (the
 * dev server): a file is read again only when its size, times or inode changed, or when it was
 * named as changed (the watcher saw it written; file times can be too coarse to tell two writes
 * within a few milliseconds apart). Files read with a problem and links are always read again.
 */
export class ReadMemo {
  private readonly files = new Map<string, { stamp: string; source: SourceFile }>()
  private readonly changed = new Set<string>()

  /** The file at this absolute path changed: its next load reads it. */
  forget(absolute: string): void {
    this.changed.add(path.resolve(absolute))
  }

  /** The file as read before, if it is unchanged; a file named as changed is read again (once). */
  get(absolute: string, stamp: string): SourceFile | undefined {
    if (this.changed.delete(absolute)) return undefined
    const hit = this.files.get(absolute)
    return hit && hit.stamp === stamp ? hit.source : undefined
  }

  /** Called with every file one load read: what it did not read is no longer kept. */
  keep(read: Map<string, { stamp: string; source: SourceFile }>): void {
    this.files.clear()
    for (const [absolute, entry] of read) this.files.set(absolute, entry)
  }
}

const stampOf = (info: { size: number; mtimeMs: number; ctimeMs: number; ino: number; dev: number }) => `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}:${info.dev}`

export async function loadContent(contentDir: string, memo?: ReadMemo): Promise<LoadedContent> {
  const problems: Problem[] = []
  const read = new Map<string, { stamp: string; source: SourceFile }>()

  // Links are followed only to files inside the content folder: a shared folder must not
  // be able to pull /etc/passwd or ~/.ssh into a site.
  const contentRoot = await realpath(contentDir).catch(() => path.resolve(contentDir))
  const outsideLink = async (absolute: string, info: Stats | undefined): Promise<string | undefined> => {
    if (!info?.isSymbolicLink()) return undefined
    const real = await realpath(absolute).catch(() => undefined)
    if (real === undefined) return 'a file that does not exist'
    if (!real.startsWith(contentRoot + path.sep)) return 'a file outside the content folder'
    return (await stat(real)).isFile() ? undefined : 'something that is not a file'
  }

  const readText = async (absolute: string): Promise<SourceFile | undefined> => {
    const file = displayPath(absolute)
    const info = await lstat(absolute).catch(() => undefined)
    const stamp = info?.isFile() ? stampOf(info) : undefined
    const key = path.resolve(absolute)
    const known = stamp && memo?.get(key, stamp)
    if (known) {
      read.set(key, { stamp: stamp!, source: known })
      return known
    }
    const badLink = await outsideLink(absolute, info)
    if (badLink) {
      problems.push(problem('symlink', { file }, { target: badLink }))
      return undefined
    }
    let bytes: Buffer
    try {
      bytes = await readFile(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') problems.push(problem('missingFile', { file }, { what: path.basename(absolute) }))
      else problems.push(problem('unreadableFile', { file }, { reason: code ?? String(error) }))
      return undefined
    }
    const text = decodeUtf8(bytes)
    if (typeof text !== 'string') {
      problems.push(problem('notUtf8', { file, line: text.line, column: text.column }, {}))
      return undefined
    }
    const source = { file, text: stripControls(text.replace(/^\uFEFF/, '')) }
    if (stamp) read.set(key, { stamp, source })
    return source
  }

  const [conferences, topics, projects] = await Promise.all(
    Object.values(dataFileNames).map((name) => readText(path.join(contentDir, name))),
  )

  const peoplePath = path.join(contentDir, optionalDataFileNames.people)
  const people = (await lstat(peoplePath).catch(() => undefined)) ? await readText(peoplePath) : undefined

  const reportsDir = path.join(contentDir, 'reports')
  let reportPaths: string[] = []
  try {
    const entries = await readdir(reportsDir, { recursive: true, withFileTypes: true })
    reportPaths = entries
      // Links are read like files (readText checks where they lead); links to folders are not followed.
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && reportExtensions.has(path.extname(e.name)) && !isEditorFile(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      // Sorted so that every build sees the reports in the same order.
      .sort()
    for (const e of entries) {
      if (e.isSymbolicLink() && !reportExtensions.has(path.extname(e.name)) && !isEditorFile(e.name)) {
        const info = await stat(path.join(e.parentPath, e.name)).catch(() => undefined)
        if (info?.isDirectory()) problems.push(problem('symlink', { file: displayPath(path.join(e.parentPath, e.name)) }, { target: 'a folder' }))
      }
    }
  } catch {
    problems.push(problem('missingFile', { file: displayPath(reportsDir) }, { what: 'the reports/ folder' }))
  }
  const reports = (await inPool(reportPaths, fileConcurrency, readText)).filter((r): r is SourceFile => r !== undefined)
  memo?.keep(read)

  return { conferences, topics, projects, people, reports, problems }
}

/** Strict UTF-8 decoding; on failure, the line and column of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): string | { line: number; column: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes)
    const at = lenient.indexOf('\uFFFD')
    const before = lenient.slice(0, Math.max(at, 0))
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    return { line, column }
  }
}
