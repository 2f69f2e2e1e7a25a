/**
 * The one output writer. It only ever replaces a folder that Recap wrote itself (it carries
 * the marker file `.recap-output`) or an empty one; it refuses a file, a symbolic link, a
 * folder with anything else in it, and any folder that is or contains the content folder,
 * the working directory or Recap itself. Nothing is touched before these checks pass.
 *
 * The site is written into `.<out>.recap-tmp` beside the output, then swapped in with two
 * renames: the old site to `.<out>.recap-old`, the new one to `<out>`. A build killed at any
 * moment leaves the old site, the new site, or (between the two renames) the old site under
 * its stray name, which the next build or `serve` puts back before anything else; the next
 * build removes every stray. Files are written a few at a time, so a site of thousands of
 * pages builds under the usual limit of 1,024 open files; pages are rendered as they are
 * written, so memory holds a few pages at a time, not the site.
 */
import { constants, existsSync } from 'node:fs'
import { access, copyFile, lstat, mkdir, readdir, realpath, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { publicClashes } from '../link/files.ts'
import { fileConcurrency, inPool } from '../pool.ts'
import { projectRoot } from '../root.ts'

export interface OutputFile {
  /** Relative to the output folder, with forward slashes. */
  path: string
  content: string | Uint8Array
}

/** A file whose bytes are made only when it is written (a page): the site is never all in memory. */
export interface LazyFile {
  path: string
  render: () => string | Uint8Array
}

export type SiteFile = OutputFile | LazyFile

export function contentOf(file: SiteFile): string | Uint8Array {
  return 'render' in file ? file.render() : file.content
}

/**
 * A file's content as UTF-8 bytes, made now. writeFile keeps a string it is given until the
 * file is open, across a turn of the event loop: with dozens of pages in flight, the page
 * strings outlived the young generation and piled up in the old one until the next full
 * collection. Bytes live outside the heap, and the rendered string dies as it is made.
 */
function bytesOf(file: SiteFile): Uint8Array {
  const content = contentOf(file)
  return typeof content === 'string' ? Buffer.from(content) : content
}

/** Its presence says: Recap wrote this folder and may replace it. */
export const outputMarker = '.recap-output'
const markerText = 'This folder was written by Recap ("recap build") and is replaced on every build.\n'


/** A refusal or failure of the writer, in words for the user; the CLI prints it without a stack. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutputError'
  }
}

/** The stray folders that sit beside `<out>` while it is being replaced. */
export function strayFolders(outDir: string): { temp: string; old: string } {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const name = path.basename(target)
  return { temp: path.join(parent, `.${name}.recap-tmp`), old: path.join(parent, `.${name}.recap-old`) }
}

/** A file copied into the site as it is: an image or document of the content folder (see link/files.ts). */
export interface CopiedFile {
  /** Relative to the output folder, with forward slashes. */
  path: string
  /** The real path of the file, checked by the link stage. */
  source: string
}

/**
 * Writes `files` (and a copy of `publicDir`, then the `copied` files) as the complete new site
 * at `outDir`. `protect` lists folders that must never be replaced, such as the content folder.
 */
export async function writeOutput(outDir: string, files: readonly SiteFile[], publicDir?: string, protect: readonly string[] = [], copied: readonly CopiedFile[] = []): Promise<void> {
  const target = path.resolve(outDir)
  await recoverOutput(outDir)
  await checkTarget(outDir, target, [
    ...protect.map((dir) => ({ dir, what: `the content folder ${displayed(dir)}` })),
    ...(publicDir ? [{ dir: publicDir, what: `the public folder ${displayed(publicDir)}` }] : []),
    { dir: process.cwd(), what: 'the current folder' },
    { dir: projectRoot, what: `Recap's own folder ${displayed(projectRoot)}` },
  ])

  const { temp, old } = strayFolders(outDir)
  await removeStrays(outDir)
  try {
    await mkdir(temp, { recursive: true })
    if (publicDir && existsSync(publicDir)) {
      const fromPublic = await copyPublic(publicDir, temp)
      const own = new Set(files.map((f) => f.path))
      const clash = publicClashes(publicDir, fromPublic, (p) => own.has(p))
      if (clash) throw new OutputError(`${clash} Nothing at --out ${outDir} was replaced.`)
    }
    // Every path is checked before anything is written; they are made again when written, not kept.
    const dirs = [...new Set([...files, ...copied].map((f) => path.dirname(insideOrThrow(temp, f.path))))].sort()
    for (const dir of dirs) await mkdir(dir, { recursive: true })
    await inPool(copied, fileConcurrency, (f) => copyChecked(f.source, insideOrThrow(temp, f.path)))
    await inPool(files, fileConcurrency, (f) => writeFile(insideOrThrow(temp, f.path), bytesOf(f)))
    // Written last: a temporary folder with the marker is a complete site.
    await writeFile(path.join(temp, outputMarker), markerText)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw explain(error, outDir)
  }

  const hadOutput = existsSync(target)
  if (hadOutput) await rename(target, old)
  await rename(temp, target)
  // A leftover that cannot be removed now is removed by the next build.
  if (hadOutput) await rm(old, { recursive: true, force: true }).catch(() => undefined)
}

/**
 * Puts the old site back when a build was killed between its two renames (the output is
 * missing and the old site sits under its stray name). Safe to call at any time.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const target = path.resolve(outDir)
  const { old } = strayFolders(outDir)
  if (!existsSync(target) && existsSync(path.join(old, outputMarker))) await rename(old, target)
}

/** Removes what interrupted builds left beside the output, including the names older Recap versions used. */
async function removeStrays(outDir: string): Promise<void> {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const name = path.basename(target)
  const { temp, old } = strayFolders(outDir)
  const legacy = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|old)-\\d+-\\d+$`)
  const entries = existsSync(parent) ? await readdir(parent) : []
  const strays = [temp, old, ...entries.filter((e) => legacy.test(e)).map((e) => path.join(parent, e))]
  for (const stray of strays) await rm(stray, { recursive: true, force: true })
}

async function checkTarget(outDir: string, target: string, protect: readonly { dir: string; what: string }[]): Promise<void> {
  const refuse = (why: string, what: string) => {
    throw new OutputError(`--out ${outDir} ${why}. Nothing was written. ${what}`)
  }
  // "is" before "contains": the message names the folder itself when --out is one of them.
  for (const is of [true, false]) {
    for (const { dir, what } of protect) {
      const kept = path.resolve(dir)
      if (is ? kept === target : kept.startsWith(target + path.sep)) {
        refuse(`${is ? 'is' : 'contains'} ${what}, which a build must never replace`, 'Point --out at a folder of its own, e.g. --out dist.')
      }
    }
  }
  let ancestor = path.dirname(target)
  while (!existsSync(ancestor) && path.dirname(ancestor) !== ancestor) ancestor = path.dirname(ancestor)
  if (!(await stat(ancestor)).isDirectory()) refuse('cannot be a folder: a part of its path is a file', 'Point --out at a folder, e.g. --out dist.')
  let info
  try {
    info = await lstat(target)
  } catch {
    return // a new folder
  }
  if (info.isSymbolicLink()) refuse('is a symbolic link', 'Point --out at a real folder; Recap replaces the output folder and will not follow a link to do so.')
  if (!info.isDirectory()) refuse('is a file, not a folder', 'Point --out at a folder, e.g. --out dist.')
  const entries = await readdir(target)
  if (entries.length > 0 && !entries.includes(outputMarker)) {
    refuse(
      `is not empty and was not written by Recap (it has no ${outputMarker} file)`,
      'Point --out at a new or empty folder; Recap replaces the output folder on every build and will not delete files it did not write.',
    )
  }
  try {
    await access(target, constants.W_OK)
    await access(path.dirname(target), constants.W_OK)
    // access() says yes to root; a probe file says what the file system itself allows.
    const probe = path.join(target, '.recap-write-probe')
    await writeFile(probe, '')
    await unlink(probe)
  } catch {
    refuse('cannot be replaced: it or its parent folder is read-only', 'Make it writable (chmod u+w) or point --out elsewhere; the current site was left as it was.')
  }
}

function displayed(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p))
  return rel === '' ? 'the current folder' : rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(p) : rel
}

/** The absolute path of `relative` inside `dir`; a path that would leave it is a bug upstream. */
function insideOrThrow(dir: string, relative: string): string {
  const absolute = path.resolve(dir, relative)
  if (path.isAbsolute(relative) || !absolute.startsWith(dir + path.sep)) throw new OutputError(`refusing to write "${relative}" outside the output folder`)
  return absolute
}

/**
 * Copies public/ into the site and lists what it copied. Regular files and folders are copied; a symbolic link to a
 * file inside public/ is copied as that file; any other link (outside public/, or to a folder)
 * is refused, so that the site never carries a link out of itself.
 */
async function copyPublic(publicDir: string, dest: string): Promise<string[]> {
  const root = await realpath(publicDir)
  /** The files copied, relative to the site's root with "/". */
  const copied: string[] = []
  const walk = async (from: string, to: string): Promise<void> => {
    await mkdir(to, { recursive: true })
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name)
      const target = path.join(to, entry.name)
      if (!entry.isDirectory()) copied.push(path.relative(dest, target).split(path.sep).join('/'))
      if (entry.isDirectory()) await walk(source, target)
      else if (entry.isFile()) await copyFile(source, target)
      else if (entry.isSymbolicLink()) {
        const real = await realpath(source).catch(() => undefined)
        const inside = real !== undefined && real.startsWith(root + path.sep)
        if (!inside || !(await stat(real)).isFile()) {
          throw new OutputError(`${displayed(source)} is a symbolic link to ${real ? (inside ? 'a folder' : 'something outside public/') : 'nothing'}. Replace it with the file itself; links in public/ are copied only when they point to a file inside public/.`)
        }
        await copyFile(real, target)
      }
    }
  }
  await walk(root, dest)
  return copied
}

/**
 * Copies a file the link stage found, if it is still a plain file: one replaced by a symbolic
 * link since then could lead anywhere, so it stops the build instead.
 */
async function copyChecked(source: string, target: string): Promise<void> {
  const info = await lstat(source).catch(() => undefined)
  if (!info?.isFile()) throw new OutputError(`${displayed(source)} was removed or replaced while the site was built. Run the build again.`)
  await copyFile(source, target)
}

function explain(error: unknown, outDir: string): unknown {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENAMETOOLONG') return new OutputError(`a file name in the site is too long for this file system (${(error as Error).message}). Nothing at --out ${outDir} was replaced.`)
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new OutputError(`cannot write beside --out ${outDir}: ${(error as Error).message}. Nothing was replaced.`)
  if (code === 'ENOTDIR' || code === 'EEXIST') return new OutputError(`--out ${outDir} cannot be a folder: a part of its path is a file. Nothing was written.`)
  if (code === 'ENOSPC') return new OutputError(`the disk is full while writing the site. Nothing at --out ${outDir} was replaced.`)
  return error
}
