/**
 * The build: load → validate → parse → link → emit. Each stage is timed; the summary
 * counts what was built. Output is written atomically, and the same content always
 * gives byte-identical output (nothing time- or machine-dependent is written).
 */
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { withAutolinks } from './emit/autolink.ts'
import { bundleBrowserCode } from './emit/browser.ts'
import { buildSearchData, searchIndexFiles } from './emit/search-index.ts'
import { dataFiles } from './emit/data.ts'
import { feedFiles, normalizeSiteUrl } from './emit/feeds.ts'
import { pageFiles, pagePaths } from './emit/pages.ts'
import { writeOutput } from './emit/write.ts'
import { normalizeBase } from './paths.ts'
import { ParseCache } from './parse/cache.ts'
import { createTimer, readSite, type StageTiming } from './pipeline.ts'
import { projectRoot } from './root.ts'
import type { Problem } from './problems.ts'

export interface BuildOptions {
  contentDir: string
  outDir: string
  /** URL path the site is served under, e.g. "/recap/". */
  base?: string
  publicDir?: string
  /** Absolute URL the site is published at; enables feed.xml and sitemap.xml. */
  siteUrl?: string
  /** Folder for the parse cache; without it, nothing is cached between builds. */
  cacheDir?: string
  /** A parse cache kept between builds of one process (the dev server); overrides cacheDir. */
  cache?: ParseCache
}

export interface BuildSummary {
  outDir: string
  timings: StageTiming[]
  counts: { reports: number; sections: number; sessions: number; topics: number; projects: number; conferences: number; pages: number; files: number }
  /** Size of the search index as served: raw and gzip-compressed bytes. */
  searchIndex: { bytes: number; gzipBytes: number }
  warnings: Problem[]
  /** feed.xml and sitemap.xml when --site-url was given, else empty. */
  feeds: string[]
  /** Reports parsed in this build and taken from the parse cache. */
  parsed: { fresh: number; cached: number }
}

export { projectRoot } from './root.ts'

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const base = normalizeBase(options.base ?? '/')
  const timer = createTimer()
  const cache = options.cache ?? new ParseCache(options.cacheDir)
  const { site, warnings, parsed } = await readSite(options.contentDir, timer, cache)
  // Keeps the cache from growing forever: stale code versions go, and the least recently used.
  await cache.prune(Math.max(2000, 2 * site.reports.length))

  const index = timer.time('index', () => searchIndexFiles(buildSearchData(site)))
  const files = await timer.timeAsync('emit', async () => {
    const siteUrl = options.siteUrl ? normalizeSiteUrl(options.siteUrl) : undefined
    // Pages and data show section content with its auto-links; the graph holds none.
    const shown = withAutolinks(site).site
    // Pages render as they are written (the write stage), a few at a time.
    const pages = pageFiles(shown, { base, feed: siteUrl !== undefined })
    const scripts = await bundleBrowserCode()
    const feeds = siteUrl ? feedFiles(shown, siteUrl, pagePaths(shown)) : []
    return { pageFiles: pages, feeds, all: [...pages, ...dataFiles(shown, base), ...scripts, ...index, ...feeds] }
  })
  await timer.timeAsync('write', () => writeOutput(options.outDir, files.all, options.publicDir ?? path.join(projectRoot, 'public'), [options.contentDir]))

  return {
    outDir: options.outDir,
    timings: timer.timings,
    counts: {
      reports: site.reports.length,
      sections: site.sections.length,
      sessions: site.sections.filter((s) => s.kind !== 'note').length,
      topics: site.topics.length,
      projects: site.projects.length,
      conferences: site.conferences.length,
      pages: files.pageFiles.length,
      files: files.all.length,
    },
    feeds: files.feeds.map((f) => f.path),
    parsed,
    // The manifest: what every search downloads first (the whole index when it is one file).
    searchIndex: { bytes: Buffer.byteLength(index[0]!.content), gzipBytes: gzipSync(index[0]!.content, { level: 9 }).length },
    warnings,
  }
}
