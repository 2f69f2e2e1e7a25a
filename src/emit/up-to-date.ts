/**
 * A build of an unchanged tree does nothing: with a cache folder, each build records (in the
 * cache, never in the site) a fingerprint of everything the output depends on, and the size
 * and modification time of every file it wrote. The next build compares: same fingerprint,
 * and every file still there as written, means the site is already what this build would
 * write, so it is kept as it is.
 *
 * The fingerprint covers the bytes of every file in the content and public folders, the
 * options that change output (base, site URL), and the running code: parser and linker (the
 * parse cache's code version), templates and browser code.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isEditorFile } from '../load/ignored.ts'
import { codeVersion } from '../parse/cache.ts'
import { fileConcurrency, inPool } from '../pool.ts'
import { codeRoot, compiled, projectRoot } from '../root.ts'
import { prebuiltDir } from './browser.ts'
import { outputMarker } from './write.ts'

export interface BuildRecord<S> {
  fingerprint: string
  /** Every file written, relative to the output: [path, size, mtimeMs]. */
  files: [string, number, number][]
  /** What the build reported, to report again when nothing changed. */
  summary: S
}

/** Files under `dir`, sorted, with their bytes hashed in; a missing folder hashes as empty. */
async function hashFolder(hash: ReturnType<typeof createHash>, label: string, dir: string): Promise<void> {
  hash.update(`\u0000${label}\u0000`)
  if (!existsSync(dir)) return
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  // Links included: the build follows them (load and public copy decide what is allowed).
  const files = entries
    // An editor's lock, backup or swap file is not read by the build: it changes nothing.
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !isEditorFile(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  const bytes = await inPool(files, fileConcurrency, (f) => readFile(f).catch(() => Buffer.from('\u0000missing')))
  files.forEach((f, i) => hash.update(path.relative(dir, f)).update('\u0000').update(bytes[i]!).update('\u0000'))
}

let outputCode: Promise<string> | undefined

/** The running code as far as output depends on it: parse and link code, templates, browser code. */
function outputCodeVersion(): Promise<string> {
  outputCode ??= (async () => {
    const hash = createHash('sha256').update(codeVersion())
    await hashFolder(hash, 'templates', path.resolve(codeRoot, '../templates'))
    await hashFolder(hash, 'browser', compiled ? prebuiltDir : path.join(projectRoot, 'src/browser'))
    return hash.digest('hex')
  })()
  return outputCode
}

export async function inputFingerprint(input: { contentDir: string; publicDir: string; options: unknown }): Promise<string> {
  const hash = createHash('sha256').update(await outputCodeVersion()).update(JSON.stringify(input.options))
  await hashFolder(hash, 'content', input.contentDir)
  await hashFolder(hash, 'public', input.publicDir)
  return hash.digest('hex')
}

function recordFile(cacheDir: string, outDir: string): string {
  const id = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)
  return path.join(cacheDir, 'builds', `${id}.json`)
}

/** The summary of the last build into `outDir` when it is still exactly what a build now would write. */
export async function upToDate<S>(cacheDir: string, outDir: string, fingerprint: string): Promise<S | undefined> {
  let record: BuildRecord<S>
  try {
    record = JSON.parse(await readFile(recordFile(cacheDir, outDir), 'utf8')) as BuildRecord<S>
  } catch {
    return undefined
  }
  if (record.fingerprint !== fingerprint || !existsSync(path.join(outDir, outputMarker))) return undefined
  const same = await inPool(record.files, fileConcurrency, async ([file, size, mtimeMs]) => {
    const info = await stat(path.join(outDir, file)).catch(() => undefined)
    return info !== undefined && info.isFile() && info.size === size && info.mtimeMs === mtimeMs
  })
  return same.every(Boolean) ? record.summary : undefined
}

/** Records what was just written to `outDir`, for the next build to compare. */
export async function recordBuild<S>(cacheDir: string, outDir: string, fingerprint: string, summary: S): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(outDir, path.join(e.parentPath, e.name)))
  const infos = await inPool(files, fileConcurrency, (f) => stat(path.join(outDir, f)))
  const record: BuildRecord<S> = { fingerprint, files: files.map((f, i) => [f, infos[i]!.size, infos[i]!.mtimeMs]), summary }
  const file = recordFile(cacheDir, outDir)
  await mkdir(path.dirname(file), { recursive: true })
  // Replaced in one step: a build killed while writing leaves the old record or the new one.
  await writeFile(file + '.tmp', JSON.stringify(record))
  await rename(file + '.tmp', file)
}
