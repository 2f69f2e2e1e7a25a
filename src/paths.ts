import transliterate from '@sindresorhus/transliterate'
import { slug as githubSlug } from 'github-slugger'

/**
 * A page's place in the site, relative to the site root, always ending in "/" (or ""
 * for the home page): "topics/gitops/". Branded so a file path or an href cannot be
 * passed where a site path is meant.
 */
export type SitePath = string & { readonly __brand: 'SitePath' }

export function sitePath(...segments: string[]): SitePath {
  const clean = segments.filter((s) => s !== '').map((s) => s.replace(/^\/+|\/+$/g, ''))
  return (clean.length === 0 ? '' : clean.join('/') + '/') as SitePath
}

/** The file a page is written to inside the output folder. */
export function outputFile(path: SitePath): string {
  return path + 'index.html'
}

/**
 * A relative href from one page to another, so the site works under any sub-path
 * and from disk. Directory links end in "/"; the browser script appends index.html
 * when the site is opened from file://.
 */
export function relativeHref(from: SitePath, to: SitePath | string, hash?: string): string {
  return hrefsFrom(from)(to, hash)
}

/**
 * relativeHref from one page, its path split once: a page makes dozens of links, and
 * splitting both paths for each one was a hot spot of the write stage.
 */
export function hrefsFrom(from: SitePath): (to: SitePath | string, hash?: string) => string {
  const fromDirs = from === '' ? [] : from.split('/').slice(0, -1)
  const climbs = fromDirs.map((_, i) => '../'.repeat(fromDirs.length - i))
  return (to, hash) => {
    // Climb only as far as the two paths differ: from reports/r/ to reports/r/s/ is "s/".
    // A folder is in common when `to` has it, whole and followed by "/", at the same place.
    let common = 0
    let at = 0
    while (common < fromDirs.length) {
      const dir = fromDirs[common]!
      if (!to.startsWith(dir, at) || to.charCodeAt(at + dir.length) !== 47 /* "/" */) break
      at += dir.length + 1
      common++
    }
    const target = (climbs[common] ?? '') + to.slice(at)
    const href = target === '' ? './' : target
    return hash ? `${href}#${hash}` : href
  }
}

/** An absolute href under the site's base path (for the 404 page, which is served from any depth). */
export function absoluteHref(base: string, to: SitePath | string, hash?: string): string {
  // As a URL path is written: a base such as "/my recap/" would split a srcset candidate.
  const href = encodeURI(normalizeBase(base)) + to
  return hash ? `${href}#${hash}` : href
}

export function normalizeBase(base: string): string {
  let b = base.trim()
  if (!b.startsWith('/')) b = '/' + b
  if (!b.endsWith('/')) b += '/'
  return b
}

/**
 * Longest slug, in UTF-8 bytes. A slug becomes a folder name, and file systems allow 255
 * bytes: this leaves room for a "-2" that makes it unique and keeps URLs readable.
 */
export const maxSlugBytes = 100

/**
 * URL-safe slug in the GitHub style that Markdown users know (lowercase, hyphens, unicode
 * kept). Never empty: a title with nothing to slug ("🎉", "...") gives "section"; never
 * longer than maxSlugBytes: a long title is cut at a word boundary. Never starts or ends
 * with "-": GitHub makes "-rocket-talk" of "🚀 Rocket talk" and "keynote-" of "Keynote #",
 * where the hyphen stands for a space next to a dropped sign.
 */
export function slugify(text: string): string {
  const s = shorten(trimHyphens(githubSlug(text)))
  return s === '' ? 'section' : s
}

/**
 * `slug` without "-" at either end. Not /-+$/: a title with a long run of spaces is a long
 * run of hyphens, and that expression tries again from each one of them.
 */
function trimHyphens(slug: string): string {
  let start = 0
  let end = slug.length
  while (start < end && slug.charCodeAt(start) === 45 /* "-" */) start++
  while (end > start && slug.charCodeAt(end - 1) === 45) end--
  return slug.slice(start, end)
}

function shorten(slug: string): string {
  if (Buffer.byteLength(slug) <= maxSlugBytes) return slug
  let cut = ''
  let bytes = 0
  for (const ch of slug) {
    bytes += Buffer.byteLength(ch)
    if (bytes > maxSlugBytes) break
    cut += ch
  }
  const lastHyphen = cut.lastIndexOf('-')
  if (lastHyphen > cut.length / 2) cut = cut.slice(0, lastHyphen)
  return cut.replace(/^-+|-+$/g, '')
}

export const reportIdPattern = /^[a-z0-9][a-z0-9-]*$/

/** Longest report file name that `new` and `import` make, before ".md". */
const maxFileIdLength = 80

/**
 * A report's file name (its id) made from its title: ASCII letters, digits and hyphens, as
 * reportIdPattern asks, with letters transliterated ("Café in Łódź, Straße" → "cafe-in-lodz-strasse").
 * Empty when the title has nothing to spell it with ("東京", "???"): the caller picks a name.
 */
export function reportFileId(title: string): string {
  let id = transliterate(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (id.length > maxFileIdLength) id = id.slice(0, maxFileIdLength).replace(/-[^-]*$/, '')
  return reportIdPattern.test(id) ? id : ''
}
