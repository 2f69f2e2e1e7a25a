/**
 * Where the site lives: its base path (`--base`) and, when given, its absolute address
 * (`--site-url`). The two must agree, since the feed and sitemap link under the site URL and
 * the 404 page and data files under the base. A build records them in `.recap-site.json` at
 * the root of the output, so that `serve` serves the site under the path it was built for and
 * `search` prints the addresses it is published at.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { normalizeBase } from '../paths.ts'
import { normalizeSiteUrl } from './feeds.ts'
import type { OutputFile } from './write.ts'

export const siteRecordFile = '.recap-site.json'

export interface SiteAddress {
  /** "/" or "/recap/": always with both slashes. */
  base: string
  /** "https://example.org/recap/", when the build was given one. */
  siteUrl?: string
}

/** A --base and --site-url that cannot both be true; the message names both flags and what to do. */
export class AddressError extends Error {}

/**
 * A --base made whole ("recap" is "/recap/"), or an AddressError when it is not a path on the
 * site's own host: "//host/" is another host to a browser (the 404 page would load its styles
 * from there and `serve` would redirect to it), and "?", "#", "\\", "." and ".." segments and
 * control characters name no folder the site could be served from. build, serve and dev share it.
 */
export function checkedBase(base: string): string {
  const normal = normalizeBase(base)
  // "//host/" has an empty first segment.
  const segments = normal.split('/').slice(1, -1)
  if (/[?#\\\u0000-\u001f\u007f]/.test(normal) || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new AddressError(`--base ${JSON.stringify(base)} is not a path the site can be served under: give the folder part of its address, such as /recap/ or /docs/trips/ (no host, no "?", "#", "\\", "//", "." or "..").`)
  }
  return normal
}

/** A base as a URL path is written: percent-encoded, both slashes. */
function encodedBase(base: string): string {
  return new URL(normalizeBase(base), 'http://localhost').pathname
}

/**
 * The site's address from the build's flags. Without --base, the base is the site URL's path
 * (or "/" without a site URL); with both, the site URL's path must be the base.
 */
export function siteAddress(base: string | undefined, siteUrl: string | undefined): SiteAddress {
  const url = siteUrl === undefined ? undefined : normalizeSiteUrl(siteUrl)
  const urlPath = url === undefined ? undefined : new URL(url).pathname
  if (base === undefined) return { base: urlPath === undefined ? '/' : decodeURI(urlPath), ...(url ? { siteUrl: url } : {}) }
  const normal = checkedBase(base)
  if (urlPath !== undefined && encodedBase(normal) !== urlPath) {
    throw new AddressError(
      `--base ${normal} does not match --site-url ${url}, whose path is ${decodeURI(urlPath)}: the feed and sitemap would link under ${decodeURI(urlPath)} and the 404 page and data files under ${normal}. ` +
        `Leave out --base (it is then taken from --site-url) or give both the same path.`,
    )
  }
  return { base: normal, ...(url ? { siteUrl: url } : {}) }
}

/** The record a build writes beside its pages. */
export function siteRecord(address: SiteAddress): OutputFile {
  return { path: siteRecordFile, content: JSON.stringify({ base: address.base, siteUrl: address.siteUrl ?? null }) + '\n' }
}

/** The address a build into `outDir` recorded; undefined for a folder built before Recap recorded it, or not by Recap. */
export async function readSiteRecord(outDir: string): Promise<SiteAddress | undefined> {
  try {
    const value = JSON.parse(await readFile(path.join(outDir, siteRecordFile), 'utf8')) as { base?: unknown; siteUrl?: unknown }
    if (typeof value.base !== 'string') return undefined
    return { base: normalizeBase(value.base), ...(typeof value.siteUrl === 'string' ? { siteUrl: normalizeSiteUrl(value.siteUrl) } : {}) }
  } catch {
    return undefined
  }
}
