/**
 * The files reports point at (see parse/references.ts), looked for where they belong: a
 * root-relative path in public/, a relative one in the content folder. A missing file is a
 * warning naming the report, the line and where to put it, as Hugo and MkDocs warn of a broken
 * reference; the build goes on. Files found in the content folder are listed for the writer
 * to copy. Looked for on every read, never cached with the parse: a file added to public/
 * or beside a report is seen by the next build or dev rebuild.
 *
 * A path never leads out of its folder: one that climbs out ("../../x.png"), or a symbolic
 * link to something outside, is not followed, and said so. Only the folders of the files named
 * are read, each once however many reports name files in it.
 *
 * This is the one place after the load stage that reads the content folder: which files are
 * wanted is known only once the reports are parsed, and their bytes are not read here (the
 * writer copies them).
 */
import type { Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { displayPath } from '../load/content.ts'
import type { FileReference } from '../parse/references.ts'
import { copiedTypes } from '../parse/references.ts'
import { fileConcurrency, inPool } from '../pool.ts'
import { problem, type Problem } from '../problems.ts'

/** A file of the content folder the site carries: where in the site, and the file it is copied from. */
export interface ContentFile {
  /** Relative to the site's root, with "/"; the same as in the content folder. */
  path: string
  /** The real path of the file to copy. */
  source: string
}

export interface CheckedFiles {
  warnings: Problem[]
  /** Sorted by path, each once. */
  files: ContentFile[]
}

type Found = { real: string } | { missing: true } | { outside: true } | { notFile: true } | { refusedTarget: string }

/** Every reference of every report looked for; `reports` as parsed (id, file and references). */
export async function checkFiles(reports: readonly { id: string; file: string; references: readonly FileReference[] }[], folders: { contentDir: string; publicDir: string }): Promise<CheckedFiles> {
  const ids = new Set(reports.map((r) => r.id))
  const roots = {
    content: await realpath(folders.contentDir).catch(() => path.resolve(folders.contentDir)),
    public: await realpath(folders.publicDir).catch(() => path.resolve(folders.publicDir)),
  }
  const shown = { content: folders.contentDir, public: folders.publicDir }
  // Each file once, in a fixed order: the lookups run a few at a time.
  const wanted = new Map<string, { in: FileReference['in']; path: string }>()
  for (const r of reports) {
    for (const ref of r.references) {
      if (ref.path !== undefined && ref.refused === undefined && ref.report === undefined) wanted.set(`${ref.in}:${ref.path}`, { in: ref.in, path: ref.path })
    }
  }
  const keys = [...wanted.keys()]
  const finders = { content: new Finder(roots.content, 'content'), public: new Finder(roots.public, 'public') }
  const answers = await inPool(keys, fileConcurrency, (key) => finders[wanted.get(key)!.in].look(wanted.get(key)!.path))
  const found = new Map(keys.map((k, i) => [k, answers[i]!]))

  const warnings: Problem[] = []
  const files = new Map<string, ContentFile>()
  /** Copies warned of for a file of public/ at their path: once each. */
  const shadowed = new Set<string>()
  for (const r of reports) {
    for (const ref of r.references) {
      const place = { file: r.file, line: ref.line, column: ref.column }
      const what = { kind: ref.kind === 'image' ? 'image' : 'link to', url: ref.url }
      const folder = ref.in === 'content' ? 'the content folder' : 'public/'
      if (ref.path === undefined) {
        warnings.push(problem('referenceOutside', place, { ...what, folder, reason: 'climbs out of' }, 'warning'))
        continue
      }
      // Where the file should be, as the user would type it: made only for a warning.
      const expected = () => displayPath(path.join(path.resolve(shown[ref.in]), ...ref.path!.split('/')))
      // A link to another report: its page is there when the report is.
      if (ref.report !== undefined) {
        if (!ids.has(ref.report)) warnings.push(problem('missingReference', place, { ...what, expected: expected() }, 'warning'))
        continue
      }
      if (ref.refused) {
        warnings.push(problem('referenceNotCopied', place, { ...what, type: path.posix.extname(ref.path) || 'extensionless', publicPath: '/' + path.posix.basename(ref.path) }, 'warning'))
        continue
      }
      const answer = found.get(`${ref.in}:${ref.path}`)!
      if ('real' in answer) {
        if (ref.in !== 'content' || files.has(ref.path) || shadowed.has(ref.path)) continue
        // public/ has something at the copy's path: one would silently take the other's place.
        const inPublic = await finders.public.look(ref.path)
        if ('missing' in inPublic) {
          files.set(ref.path, { path: ref.path, source: answer.real })
          continue
        }
        const folder = 'notFile' in inPublic
        shadowed.add(ref.path)
        // The file still goes into the site, unless a folder of public/ is in the way.
        if (!folder) files.set(ref.path, { path: ref.path, source: answer.real })
        const publicFile = displayPath(path.join(path.resolve(shown.public), ...ref.path.split('/')))
        const contentFile = displayPath(path.join(path.resolve(shown.content), ...ref.path.split('/')))
        warnings.push(problem('referenceAtPublicPath', place, { ...what, contentFile, sitePath: ref.path, publicFile, folder }, 'warning'))
      } else if ('outside' in answer) {
        warnings.push(problem('referenceOutside', place, { ...what, folder, reason: 'leads through a symbolic link out of' }, 'warning'))
      } else if ('refusedTarget' in answer) {
        warnings.push(problem('referenceNotCopied', place, { ...what, type: answer.refusedTarget, publicPath: '/' + path.posix.basename(ref.path) }, 'warning'))
      } else {
        warnings.push(problem('missingReference', place, { ...what, expected: expected(), folder: 'notFile' in answer ? 'a folder' : undefined }, 'warning'))
      }
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { warnings, files: sorted }
}

/**
 * Finds files inside `root` (a real path), a folder listing at a time: each folder named is
 * listed once, so a build of thousands of reports costs a few reads, not two system calls an
 * image. Names match exactly, as on a web server, whatever the file system's case rules. A
 * symbolic link is followed only to a file inside `root`.
 */
class Finder {
  private readonly folders = new Map<string, Promise<{ real: string; entries: Map<string, Dirent> } | 'outside' | undefined>>()

  constructor(
    private readonly root: string,
    private readonly inFolder: FileReference['in'],
  ) {}

  async look(relative: string): Promise<Found> {
    const folder = this.folder(path.posix.dirname(relative))
    const listed = await folder
    if (listed === 'outside') return { outside: true }
    const entry = listed?.entries.get(path.posix.basename(relative))
    if (!listed || !entry) return { missing: true }
    let real = path.join(listed.real, entry.name)
    if (entry.isSymbolicLink()) {
      const target = await realpath(real).catch(() => undefined)
      if (target === undefined) return { missing: true }
      if (!target.startsWith(this.root + path.sep)) return { outside: true }
      const info = await stat(target).catch(() => undefined)
      if (!info) return { missing: true }
      if (!info.isFile()) return { notFile: true }
      real = target
    } else if (!entry.isFile()) {
      return { notFile: true }
    }
    // A link named a.png that leads to notes.yml: the name promised an image, the file is not one.
    const type = path.extname(real).toLowerCase()
    if (this.inFolder === 'content' && !copiedTypes.has(type)) return { refusedTarget: type || 'extensionless' }
    return { real }
  }

  /** A folder's real path and entries; 'outside' when a link takes it out of the root. */
  private folder(relative: string) {
    let listed = this.folders.get(relative)
    if (!listed) {
      listed = (async () => {
        const real = await realpath(path.join(this.root, ...relative.split('/'))).catch(() => undefined)
        if (real === undefined) return undefined
        if (real !== this.root && !real.startsWith(this.root + path.sep)) return 'outside' as const
        const entries = await readdir(real, { withFileTypes: true }).catch(() => undefined)
        return entries && { real, entries: new Map(entries.map((e) => [e.name, e])) }
      })()
      this.folders.set(relative, listed)
    }
    return listed
  }
}

/**
 * The files of public/ at a path where the site has a file of Recap's own (a page, a data file,
 * the browser code, the search index), as a message naming each and what to do; undefined when
 * there is none. The site cannot carry both, and either choice is wrong: Recap's page silently
 * hides the user's file, or the user's file breaks the site (a stylesheet, the home page). So
 * build and dev refuse, as a static-site generator refuses two pages at one path.
 * `publicPaths` and `recapHas` take paths relative to the site's root, with "/".
 */
export function publicClashes(publicDir: string, publicPaths: Iterable<string>, recapHas: (sitePath: string) => boolean): string | undefined {
  const clashes = [...publicPaths].filter(recapHas).sort()
  if (clashes.length === 0) return undefined
  const shown = (p: string) => displayPath(path.join(path.resolve(publicDir), ...p.split('/')))
  const what = (p: string) => (p.startsWith('data/') ? 'data file' : p.endsWith('.html') ? 'page' : 'file')
  const named = clashes.slice(0, 5).map((p) => `${shown(p)} is at ${p} in the site, where Recap writes its own ${what(p)}`)
  const more = clashes.length > named.length ? `; and ${clashes.length - named.length} more` : ''
  return `${named.join('; ')}${more}. The site cannot carry both: rename or remove ${clashes.length === 1 ? 'it' : 'them'} in public/ (Recap writes its pages, data/ and its assets at these paths).`
}

/** The files in `publicDir` (and links, which the build copies as files), relative to it with "/"; none when it does not exist. */
export async function publicFilePaths(publicDir: string): Promise<string[]> {
  if (!existsSync(publicDir)) return []
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(publicDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}
