/**
 * The site in memory, for the dev server: the same files a build writes, made only when asked
 * for. After an edit, `update` takes the newly linked site and forgets what was made from the
 * old one; a request then renders just the page it names, so an edit shows without rendering
 * or writing the thousands of pages nobody is looking at. The search index and the data files
 * are made on the first request for one of them, once per update.
 *
 * Lookups go by output path in a map of the files this site has, so no request path can name
 * anything else (there is no file system under it to escape into).
 */
import type { Site } from '../link/graph.ts'
import { withAutolinks, type AutolinkMemo } from './autolink.ts'
import { browserEntries, bundleBrowserCode } from './browser.ts'
import { dataFiles, lazyDataFiles } from './data.ts'
import { pageFiles, type PageFile } from './pages.ts'
import { buildSearchData, searchIndexFiles } from './search-index.ts'
import type { OutputFile } from './write.ts'

interface Made {
  name: string
  answers: (path: string) => boolean
  make: () => Promise<OutputFile[]> | OutputFile[]
}

export class MemorySite {
  private pages = new Map<string, PageFile>()
  private rendered = new Map<string, string>()
  private made = new Map<string, Promise<Map<string, OutputFile['content']>>>()
  private lazy: Made[] = []
  /** Auto-linked section content, reused across updates for sections whose parse did not change. */
  private autolinked: AutolinkMemo | undefined
  /** What pages show, and the paths of its data files once asked for (see has). */
  private shown: Parameters<typeof dataFiles>[0] | undefined
  private dataPaths: Set<string> | undefined
  /** The site before the last update, until the next one: what revert goes back to. */
  private previous: { pages: Map<string, PageFile>; rendered: Map<string, string>; made: Map<string, Promise<Map<string, OutputFile['content']>>>; lazy: Made[]; autolinked: AutolinkMemo | undefined; shown: Parameters<typeof dataFiles>[0] | undefined; dataPaths: Set<string> | undefined } | undefined

  constructor(private readonly base = '/') {}

  /** Takes a newly linked site; nothing is rendered until it is asked for. Returns the number of pages. */
  update(site: Site): number {
    this.previous = { pages: this.pages, rendered: this.rendered, made: this.made, lazy: this.lazy, autolinked: this.autolinked, shown: this.shown, dataPaths: this.dataPaths }
    const shown = withAutolinks(site, this.autolinked)
    this.autolinked = shown.memo
    this.pages = new Map(pageFiles(shown.site, { base: this.base, feed: false }).map((p) => [p.path, p]))
    this.shown = shown.site
    this.dataPaths = undefined
    this.rendered = new Map()
    this.made = new Map()
    // As the build makes them: the index from the linked site, the data from what pages show.
    this.lazy = [
      { name: 'search index', answers: (p) => p.startsWith('assets/search-index') || p.startsWith('assets/search/'), make: () => searchIndexFiles(buildSearchData(site)) },
      { name: 'browser code', answers: (p) => p.startsWith('assets/'), make: () => bundleBrowserCode() },
      { name: 'data', answers: (p) => p.startsWith('data/'), make: () => dataFiles(shown.site, this.base) },
    ]
    return this.pages.size
  }

  /**
   * Goes back to the site before the last update: a site that a later check refuses (a file of
   * public/ where it has a page) is never served, and the last good one is, as dev says.
   */
  revert(): void {
    if (!this.previous) return
    ;({ pages: this.pages, rendered: this.rendered, made: this.made, lazy: this.lazy, autolinked: this.autolinked, shown: this.shown, dataPaths: this.dataPaths } = this.previous)
    this.previous = undefined
  }

  /**
   * Whether the site has a file at `path`, made yet or not (without making it): a page, a data
   * file, the browser code or the search index.
   */
  has(path: string): boolean {
    if (this.pages.has(path) || path in browserEntries) return true
    if (path.startsWith('data/')) return this.shown !== undefined && (this.dataPaths ??= new Set(lazyDataFiles(this.shown, this.base).map((f) => f.path))).has(path)
    return this.lazy.some((l) => l.name === 'search index' && l.answers(path))
  }

  /** The bytes of the file at `path` (relative to the site root, e.g. "reports/x/index.html"), if the site has one. */
  async file(path: string): Promise<OutputFile['content'] | undefined> {
    const page = this.pages.get(path)
    if (page) {
      let html = this.rendered.get(path)
      if (html === undefined) this.rendered.set(path, (html = page.render()))
      return html
    }
    for (const { name, answers, make } of this.lazy) {
      if (!answers(path)) continue
      // One making for concurrent requests; a failure is not kept, the next request tries again.
      let files = this.made.get(name)
      if (!files) {
        const making = Promise.resolve().then(make).then((list) => new Map(list.map((f) => [f.path, f.content])))
        this.made.set(name, (files = making))
        making.catch(() => this.made.get(name) === making && this.made.delete(name))
      }
      const content = (await files).get(path)
      if (content !== undefined) return content
    }
    return undefined
  }
}
