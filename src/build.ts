/**
 * The build: load → validate → parse → link → emit. Each stage is timed; the summary
 * counts what was built. Output is written atomically, and the same content always
 * gives byte-identical output (nothing time- or machine-dependent is written).
 */
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { inputFingerprint, recordBuild, upToDate } from './emit/up-to-date.ts'
import { recoverOutput, writeOutput, type OutputFile } from './emit/write.ts'
import { siteAddress, siteRecord } from './emit/site-address.ts'
import { ParseCache } from './parse/cache.ts'
import { projectRoot } from './root.ts'
import { createTimer, type StageTiming, type Timer } from './timer.ts'
import type { ReadResult } from './pipeline.ts'
import type { Problem } from './problems.ts'

export interface BuildOptions {
  contentDir: string
  outDir: string
  /** URL path the site is served under, e.g. "/recap/"; by default the path of `siteUrl`, else "/". */
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
  /** Nothing changed since the last build into this folder with this cache: the site was kept. */
  upToDate: boolean
}

export { projectRoot } from './root.ts'

export async function build(options: BuildOptions): Promise<BuildSummary> {
  // Refused before anything is read when --base and --site-url disagree; without --base, the site URL's path.
  const address = siteAddress(options.base, options.siteUrl)
  const base = address.base
  const timer = createTimer()
  const publicDir = options.publicDir ?? path.join(projectRoot, 'public')
  // With a cache folder, an unchanged tree is not built again (see emit/up-to-date.ts).
  const fingerprint = options.cacheDir
    ? await timer.timeAsync('compare', async () => {
        await recoverOutput(options.outDir)
        return inputFingerprint({ contentDir: options.contentDir, publicDir, options: { base, siteUrl: address.siteUrl ?? null } })
      })
    : undefined
  if (options.cacheDir && fingerprint) {
    const kept = await upToDate<Kept>(options.cacheDir, options.outDir, fingerprint)
    if (kept) {
      // The cache is pruned as after any build: other code versions' entries go.
      await new ParseCache(options.cacheDir).prune(Math.max(2000, 2 * kept.counts.reports))
      return { ...kept, outDir: options.outDir, timings: timer.timings, parsed: { fresh: 0, cached: kept.counts.reports }, upToDate: true }
    }
  }
  // Loaded only when there is something to build: an up-to-date check starts in a blink.
  const [{ takeShownSite }, { bundleBrowserCode }, { buildSearchData, takeSearchIndexFiles }, { lazyDataFiles }, { feedFiles }, { pageFiles, pagePaths }] = await Promise.all([
    import('./emit/shown.ts'),
    import('./emit/browser.ts'),
    import('./emit/search-index.ts'),
    import('./emit/data.ts'),
    import('./emit/feeds.ts'),
    import('./emit/pages.ts'),
  ])
  const { site, warnings, parsed, files: copied } = await readLinked({ ...options, publicDir }, timer)
  // What pages show, before anything else: the linked site's parsed trees go as the section
  // content is auto-linked and kept compact, so no later stage holds them (see shown.ts).
  const shown = timer.time('autolink', () => takeShownSite(site))

  // As UTF-8 bytes until written: the chunks of section text would take two bytes a character as strings.
  const index: OutputFile[] = timer.time('index', () => takeSearchIndexFiles(buildSearchData(shown)))
  const files = await timer.timeAsync('emit', async () => {
    const siteUrl = address.siteUrl
    // Pages and data files are made as they are written (the write stage), a few at a time.
    const pages = pageFiles(shown, { base, feed: siteUrl !== undefined })
    const scripts = await bundleBrowserCode()
    const feeds = siteUrl ? feedFiles(shown, siteUrl, pagePaths(shown)) : []
    return { pageFiles: pages, feeds, all: [...pages, ...lazyDataFiles(shown, base), ...scripts, ...index, ...feeds, siteRecord(address)] }
  })
  await timer.timeAsync('write', () => writeOutput(options.outDir, files.all, publicDir, [options.contentDir], copied))

  const kept: Kept = {
    counts: {
      reports: shown.reports.length,
      sections: shown.sections.length,
      sessions: shown.sections.filter((s) => s.kind !== 'note').length,
      topics: shown.topics.length,
      projects: shown.projects.length,
      conferences: shown.conferences.length,
      pages: files.pageFiles.length,
      files: files.all.length,
    },
    feeds: files.feeds.map((f) => f.path),
    // The manifest: what every search downloads first (the whole index when it is one file).
    searchIndex: { bytes: Buffer.byteLength(index[0]!.content), gzipBytes: gzipSync(index[0]!.content, { level: 9 }).length },
    warnings,
  }
  // A build that cannot record itself is still a good build; the next one just builds again.
  if (options.cacheDir && fingerprint) await recordBuild(options.cacheDir, options.outDir, fingerprint, kept).catch(() => undefined)
  return { ...kept, outDir: options.outDir, timings: timer.timings, parsed, upToDate: false }
}

/**
 * load → validate → parse → link, then the parse cache is pruned. The cache goes out of scope
 * here unless the caller keeps it: it holds every parsed report.
 */
async function readLinked(options: BuildOptions, timer: Timer): Promise<ReadResult> {
  const [{ readSite }, { forgetValidations }] = await Promise.all([import('./pipeline.ts'), import('./validate/content.ts')])
  const cache = options.cache ?? new ParseCache(options.cacheDir)
  const read = await readSite(options.contentDir, timer, cache, { ...(options.publicDir ? { publicDir: options.publicDir } : {}) })
  // What validation remembers serves a process that validates again (the dev server, which keeps its cache).
  if (!options.cache) forgetValidations()
  // Keeps the cache from growing forever: stale code versions go, and the least recently used.
  await cache.prune(Math.max(2000, 2 * read.site.reports.length))
  return read
}

/** What a build reports that an up-to-date check reports again. */
type Kept = Pick<BuildSummary, 'counts' | 'feeds' | 'searchIndex' | 'warnings'>
