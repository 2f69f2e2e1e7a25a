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

/**
 * The file an image or link points at, or undefined when it is not a local file: a web
 * address, "//host/…", "#…", or a link to a page (a link counts as one to a file when its
 * name ends in a copied type: "slides.pdf", not "../other/" or "other.md").
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

/** `relative` made plain ("a/./b/../c" is "a/c"); undefined when it climbs out of its folder, "" for the folder itself. */
function within(relative: string): string | undefined {
  const clean = path.posix.normalize(relative)
  if (clean === '..' || clean.startsWith('../') || clean.startsWith('/')) return undefined
  return clean === '.' || clean === './' ? '' : clean.replace(/\/$/, '')
}
