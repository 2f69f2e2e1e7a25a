/**
 * What a report's images and links to files point at, read from the URL alone (the parse
 * touches no file system; the link stage looks for the files, see link/files.ts).
 *
 * A path that starts with "/" is in public/ (the site's root). A relative path is relative to
 * the report's own file, as in a Hugo page bundle or Eleventy: `img/a.png` in
 * content/reports/foo.md is content/reports/img/a.png. Such a file is copied into the site at
 * the same path it has in the content folder (reports/img/a.png), when it is of a type that
 * cannot run code: content is not trusted, and an SVG or HTML file opened from the site would
 * run its scripts there.
 */
import path from 'node:path'
import { reportIdPattern } from '../paths.ts'

export interface FileReference {
  kind: 'image' | 'link'
  /** As written in the report. */
  url: string
  /** In the report file, once parseReport has placed it (in the body until then). */
  line: number
  column: number
  /** The folder the path is in: public/ for "/…", the content folder for a relative path. */
  in: 'public' | 'content'
  /** The file's path inside that folder, decoded, with "/"; absent when the path climbs out of it. */
  path?: string
  /** Where the site has the file, URL-encoded, with the query and fragment as written: set for a file Recap copies. */
  sitePath?: string
  /** Set when the type is one Recap does not copy from the content folder. */
  refused?: 'type'
  /** For a link to another report's Markdown file ("other.md"): that report's id. */
  report?: string
}

/**
 * Types copied from the content folder: images, documents and media that a browser shows
 * without running anything. None of them is a type the build itself writes, so a copy never
 * takes the place of a page, a data file or an asset.
 */
export const copiedTypes: ReadonlySet<string> = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.bmp', '.ico',
  '.pdf', '.txt', '.csv', '.zip',
  '.mp4', '.webm', '.mp3', '.ogg', '.m4a', '.wav',
])

const scheme = /^[a-z][a-z0-9+.-]*:/i
const markdownTypes = new Set(['.md', '.markdown'])

/**
 * The file an image or link points at, or undefined when it is not a local file: a web
 * address, "//host/…", "#…", or a link to a page (a link counts as one to a file when its
 * name ends in a copied type, "slides.pdf", not "../other/"). A relative link to another
 * report's Markdown file ("other.md#a-talk", as GitHub and Hugo read it) becomes a link to
 * that report's page.
 * `folder`: the report's folder relative to the content folder ("reports").
 */
export function fileReference(kind: FileReference['kind'], url: string, folder: string, at: { line: number; column: number }): FileReference | undefined {
  if (url === '' || scheme.test(url) || /^[/\\]{2}/.test(url) || /^[#?]/.test(url)) return undefined
  const cut = url.search(/[?#]/)
  const written = cut < 0 ? url : url.slice(0, cut)
  const suffix = cut < 0 ? '' : url.slice(cut)
  let decoded = written
  try {
    decoded = decodeURIComponent(written)
  } catch {
    // A stray "%": the path is the text as written.
  }
  // Browsers read "\" as "/" in a web address: so does the check, so "..\" cannot climb unseen.
  decoded = decoded.replace(/\\/g, '/')
  const type = path.posix.extname(decoded).toLowerCase()
  if (kind === 'link' && markdownTypes.has(type) && !decoded.startsWith('/')) return reportLink(url, path.posix.join(folder, decoded), suffix, at)
  if (kind === 'link' && !copiedTypes.has(type)) return undefined
  const place = { kind, url, line: at.line, column: at.column }
  if (decoded.startsWith('/')) {
    // markSiteLink leaves "/javascript:…" alone; so does the check.
    if (/^\/[^/?#]*:/.test(url)) return undefined
    const inside = within(decoded.slice(1))
    return inside === '' ? undefined : { ...place, in: 'public', ...(inside === undefined ? {} : { path: inside }) }
  }
  const inside = within(path.posix.join(folder, decoded))
  if (inside === '') return undefined
  if (inside === undefined) return { ...place, in: 'content' }
  if (!copiedTypes.has(type)) return { ...place, in: 'content', path: inside, refused: 'type' }
  const sitePath = inside.split('/').map(encodeURIComponent).join('/') + suffix
  return { ...place, in: 'content', path: inside, sitePath }
}

/** One candidate of a `srcset`: its URL as written and its descriptor ("2x", "640w", or ""). */
export interface SrcsetCandidate {
  url: string
  descriptor: string
}

/**
 * The candidates of a `srcset` value, split as the HTML standard's parser splits them: a URL is
 * a run of characters other than whitespace (it may hold commas: "a,b.png 1x"), commas at its
 * end separate it from the next candidate, and a descriptor runs to the next comma outside
 * parentheses. Empty candidates are skipped.
 */
export function srcsetCandidates(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = []
  const space = /[\t\n\f\r ]/
  let i = 0
  while (i < value.length) {
    while (i < value.length && (space.test(value[i]!) || value[i] === ',')) i++
    if (i >= value.length) break
    const start = i
    while (i < value.length && !space.test(value[i]!)) i++
    let url = value.slice(start, i)
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '')
      candidates.push({ url, descriptor: '' })
      continue
    }
    const from = i
    let depth = 0
    while (i < value.length && (value[i] !== ',' || depth > 0)) {
      if (value[i] === '(') depth++
      else if (value[i] === ')' && depth > 0) depth--
      i++
    }
    candidates.push({ url, descriptor: value.slice(from, i).trim().replace(/[\t\n\f\r ]+/g, ' ') })
  }
  return candidates
}

/** Candidates written back as a `srcset` value. */
export function writeSrcset(candidates: readonly SrcsetCandidate[]): string {
  return candidates.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ')
}

/** A link to a report file in reports/ (at any depth): the report's page, with the fragment as written. */
function reportLink(url: string, joined: string, suffix: string, at: { line: number; column: number }): FileReference | undefined {
  const inside = within(joined)
  if (inside === undefined || !inside.startsWith('reports/')) return undefined
  // The report id is its file name (validate/content.ts); a name that is not one is an error there.
  const id = path.posix.basename(inside).replace(/\.(md|markdown)$/i, '')
  if (!reportIdPattern.test(id)) return undefined
  const hash = suffix.indexOf('#')
  return { kind: 'link', url, line: at.line, column: at.column, in: 'content', path: inside, sitePath: `reports/${id}/${hash < 0 ? '' : suffix.slice(hash)}`, report: id }
}

/** `relative` made plain ("a/./b/../c" is "a/c"); undefined when it climbs out of its folder, "" for the folder itself. */
function within(relative: string): string | undefined {
  const clean = path.posix.normalize(relative)
  if (clean === '..' || clean.startsWith('../') || clean.startsWith('/')) return undefined
  return clean === '.' || clean === './' ? '' : clean.replace(/\/$/, '')
}
