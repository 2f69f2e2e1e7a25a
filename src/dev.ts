/**
 * `recap dev`: read, serve, watch, re-read, reload.
 *
 * The site is kept in memory and served from there (like `hugo server`): an edit re-reads
 * the content in this process, with parsed reports kept in memory so only the edited report
 * is parsed again, links the site again, and renders a page only when a browser asks for it.
 * Nothing is written to the output folder, so an edit shows in about the time it takes to
 * parse one report and link the site, whatever the number of pages.
 *
 * Code cannot be reloaded into a running process: once a template, style or other code file
 * changes, every later rebuild runs `recap build` in a fresh process into the output folder,
 * which is served from then on, so the edited code takes effect without a restart. Files in
 * public/ are served from there directly. A failed rebuild leaves the last good site in
 * place: the errors are printed and shown over open tabs until the content is fixed.
 *
 * It recovers by itself when the content folder is removed and put back, and (once serving
 * from the output folder) when that folder is deleted (the next request rebuilds it).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { watch } from 'chokidar'
import { withCompression } from './compress.ts'
import { MemorySite } from './emit/memory.ts'
import { displayPath, ReadMemo } from './load/content.ts'
import { isEditorFile } from './load/ignored.ts'
import { ParseCache } from './parse/cache.ts'
import { readSite } from './pipeline.ts'
import { ContentError, formatProblem } from './problems.ts'
import { projectRoot } from './root.ts'
import { checkedBase } from './emit/site-address.ts'
import { publicClashes, publicFilePaths } from './link/files.ts'
import { insideOutput, notFoundPage, outputFiles, underBase } from './serve.ts'

export interface DevOptions {
  contentDir: string
  outDir: string
  cacheDir: string
  host: string
  port: number
  /** Folders whose changes trigger a rebuild besides the content. */
  watchDirs: string[]
  /** Copied into the site by a build; served as it is by dev. Default: Recap's public/. */
  publicDir?: string
  /**
   * The URL path the site is served under, as `build --base` (checked as it checks it): the
   * pages are made for it and served under it, and "/" redirects there, as `serve` does.
   */
  base?: string
  log: (line: string) => void
}

export const eventsPath = '/__recap/events'
const clientPath = '/__recap/client.js'
/**
 * How long a burst of file events must be quiet before a rebuild: editors write a file in one
 * or a few steps within milliseconds, and a rebuild that starts too early is followed by one
 * more anyway (changes during a build schedule another).
 */
const settleMs = 25
const recapBin = path.join(projectRoot, 'bin/recap.js')

type BuildState = { ok: true } | { ok: false; errors: string[] }

export async function dev(options: DevOptions): Promise<{ server: http.Server; close: () => Promise<void> }> {
  const base = checkedBase(options.base ?? '/')
  /** As a URL path is written, for comparing with request paths. */
  const encodedBase = encodeURI(base)
  const outDir = path.resolve(options.outDir)
  const clients = new Set<http.ServerResponse>()
  let state: BuildState = { ok: true }

  const send = (res: http.ServerResponse, s: BuildState) => {
    res.write(s.ok ? 'event: reload\ndata: {}\n\n' : `event: problems\ndata: ${JSON.stringify(s.errors)}\n\n`)
  }

  const cache = new ParseCache(options.cacheDir)
  /** Content files as last read: a rebuild reads again only what changed. */
  const reads = new ReadMemo()
  /** Set once code changes: from then on, builds run in a fresh process with that code. */
  let codeChanged = false
  /** Where pages come from: memory until a build in a fresh process has written the output folder. */
  let fromDisk = false
  const memory = new MemorySite(base)
  /** The content folder's files the site carries (images beside reports), by site path. */
  let contentFiles = new Map<string, string>()
  const contentDir = path.resolve(options.contentDir)
  const publicDir = path.resolve(options.publicDir ?? path.join(projectRoot, 'public'))

  /** Warnings already printed: each rebuild prints only the new ones, before its summary line. */
  let warned = new Set<string>()
  const finish = (reason: string, started: number, result: { ok: true; parsed: string; done: string; warnings?: string[] } | { ok: false; errors: string[] }) => {
    const ms = Math.round(performance.now() - started)
    if (result.ok && result.warnings) {
      const fresh = result.warnings.filter((w) => !warned.has(w))
      warned = new Set(result.warnings)
      if (fresh.length) options.log([`${fresh.length === 1 ? 'A new warning' : `${fresh.length} new warnings`} (the build goes on; "npm run check" lists them all):`, ...fresh.map((l) => '  ' + l)].join('\n'))
    }
    if (!result.ok) {
      state = { ok: false, errors: result.errors }
      options.log([`Build failed after ${reason} (${ms} ms); still serving the last good site:`, ...result.errors.map((l) => '  ' + l)].join('\n'))
    } else {
      state = { ok: true }
      options.log(`Rebuilt after ${reason} in ${ms} ms: parsed ${result.parsed}; ${result.done}.`)
    }
    for (const c of clients) send(c, state)
  }

  let pruned = false
  const buildInMemory = async (reason: string) => {
    const started = performance.now()
    try {
      const { site, parsed: counts, warnings, files } = await readSite(options.contentDir, undefined, cache, { reads, publicDir })
      const publicPaths = await publicFilePaths(publicDir)
      // As the build refuses it (emit/write.ts): a file of public/ where the site has its own.
      // Checked in the same turn as the update, and undone: a refused site is never served,
      // the last good one stays, as the log says.
      const pages = memory.update(site)
      const clash = publicClashes(publicDir, publicPaths, (p) => memory.has(p))
      if (clash) {
        memory.revert()
        throw new Error(clash)
      }
      contentFiles = new Map(files.map((f) => [f.path, f.source]))
      const parsed = `${counts.fresh} report${counts.fresh === 1 ? '' : 's'}, ${counts.cached} from the cache`
      finish(reason, started, { ok: true, parsed, done: `${pages} pages ready, rendered when asked for`, warnings: warnings.map((w) => formatProblem(w)) })
      // As a build does, once: the cache keeps what this content needs.
      if (!pruned) {
        pruned = true
        await cache.prune(Math.max(2000, 2 * site.reports.length))
      }
    } catch (error) {
      const errors = error instanceof ContentError ? error.problems.map((p) => formatProblem(p)) : [(error as Error).message]
      finish(reason, started, { ok: false, errors })
    }
  }

  const buildInChild = (reason: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now()
      execFile(
        process.execPath,
        [recapBin, 'build', '--content', options.contentDir, '--out', outDir, '--cache', options.cacheDir, '--base', base, ...(options.publicDir ? ['--public', options.publicDir] : [])],
        { maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) finish(reason, started, { ok: false, errors: stderr.split('\n').filter((l) => l.trim() && !l.includes('nothing was written')) })
          else {
            fromDisk = true
            // The build in a fresh process counts its warnings without listing them.
            const warned = stdout.match(/(\d+) warnings?: run/)?.[1]
            if (warned) options.log(`${warned} warning${warned === '1' ? '' : 's'} (the build goes on; "npm run check" lists them)`)
            finish(reason, started, { ok: true, parsed: stdout.match(/parsed (.+)/)?.[1] ?? 'nothing', done: stdout.startsWith('Up to date') ? 'the output folder was already up to date' : `${stdout.match(/(\d+) pages written/)?.[1] ?? '?'} pages and the search index written` })
          }
          resolve()
        },
      )
    })

  const runBuild = (reason: string) => (codeChanged ? buildInChild(reason) : buildInMemory(reason))

  // One build at a time; changes during a build trigger one more afterwards.
  let building: Promise<void> | undefined
  let pending: string | undefined
  const schedule = (reason: string) => {
    if (building) {
      pending = reason
      return
    }
    building = runBuild(reason).then(() => {
      building = undefined
      if (pending) {
        const next = pending
        pending = undefined
        schedule(next)
      }
    })
  }

  /** The first build: it starts once the port is ours, and requests wait for it. */
  let firstBuild: Promise<void> | undefined

  const files = outputFiles(outDir)
  const publicFiles = outputFiles(publicDir)
  const server = http.createServer(withCompression(async (req, res) => {
    await firstBuild
    const url = new URL(req.url ?? '/', 'http://localhost')
    // The output folder was deleted under us: build it again before answering.
    if (fromDisk && url.pathname !== eventsPath && !existsSync(outDir)) {
      if (!building) schedule('the output folder was removed')
      await building
    }
    if (url.pathname === eventsPath) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      if (!state.ok) send(res, state)
      req.on('close', () => clients.delete(res))
      return
    }
    if (url.pathname === clientPath) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' })
      res.end(clientScript)
      return
    }
    const notFound = async () => {
      const page = fromDisk ? await notFoundPage(outDir) : await memory.file('404.html')
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(withClient(String(page ?? 'Not found')))
    }
    // Under a base path, as `serve` and the host will serve it: "/" leads there, anything else
    // outside it is not found, and the files see the path inside the site.
    const route = underBase(encodedBase, url.pathname, url.search)
    if ('redirect' in route) {
      res.writeHead(302, { Location: route.redirect })
      res.end()
      return
    }
    if ('outside' in route) return void (await notFound())
    const inside = route.inside
    if (encodedBase !== '/') req.url = inside + url.search
    if (!fromDisk) {
      await serveFromMemory(memory, contentFiles, inside, encodedBase, res, () => publicFiles(req, res, () => void notFound()))
      return
    }
    const html = await htmlFile(outDir, inside)
    if (html) {
      res.writeHead(html.status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(withClient(html.text))
      return
    }
    files(req, res, () => void notFound())
  }))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  // Listening first: a port in use is said at once, not after building the whole site.
  firstBuild = runBuild('start')
  await firstBuild

  // Never react to our own writes: the output, its temporary build folders, the parse cache.
  const cacheDir = path.resolve(options.cacheDir)
  const buildFolders = path.sep + '.' + path.basename(outDir) + '.'
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep)
  const ignored = (p: string) => {
    const abs = path.resolve(p)
    return inside(abs, outDir) || inside(abs, cacheDir) || abs.includes(buildFolders) || isEditorFile(abs)
  }
  let timer: NodeJS.Timeout | undefined
  const changed = new Set<string>()
  // Declared before any watcher starts: an event during the first scan schedules it.
  const flush = () => {
    const list = [...changed]
    changed.clear()
    schedule(list.length === 1 ? list[0]! : `${list.length} changes`)
  }
  const onChange = (event: string, file: string) => {
    const abs = path.resolve(file)
    reads.forget(abs)
    if (event === 'unlinkDir' && abs === contentDir) contentPresent = false
    // While the content folder is away, its return is handled below, once a new watcher is ready.
    if (!contentPresent && inside(abs, contentDir)) {
      if (event === 'addDir' && abs === contentDir) contentReturned()
      return
    }
    // public/ is served as it is: a change there needs a reload, not a build (until builds
    // write the folder); the reload's read looks again for the images reports point at.
    if (!inside(abs, contentDir) && (fromDisk || !inside(abs, publicDir))) codeChanged = true
    changed.add(displayPath(file))
    clearTimeout(timer)
    timer = setTimeout(flush, settleMs)
  }
  // A fresh watcher each time the content folder comes back: one that saw its folder
  // removed does not see the files of a new folder at the same path.
  const startWatcher = () => {
    const w = watch([options.contentDir, ...options.watchDirs.filter((d) => path.resolve(d) !== publicDir)], { ignoreInitial: true, ignored })
    w.on('all', onChange)
    return w
  }
  // public/ is watched on its own, without following links: a link there counts only when it
  // leads to a file inside public/, which is watched itself, and a link that loops back up
  // must not send the watcher round it.
  const publicWatcher = watch(publicDir, { ignoreInitial: true, ignored, followSymlinks: false })
  publicWatcher.on('all', onChange)
  // An unreadable corner of public/ is no reason to stop serving.
  publicWatcher.on('error', () => undefined)
  // A removed folder is no longer watched, and watching its parent (often the whole temp
  // folder) misses a quick move back: look for its return a few times a second instead.
  let contentPresent = existsSync(contentDir)
  let watcher = startWatcher()
  // Changes made before the first scan ends would go unseen.
  await Promise.all([watcher, publicWatcher].map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve()))))
  let restarting = false
  const contentReturned = () => {
    if (restarting) return
    restarting = true
    contentPresent = true
    // chokidar shares its file-system handles between watchers: close the old one first.
    void watcher.close().then(() => {
      watcher = startWatcher()
      watcher.once('ready', () => {
        restarting = false
        changed.add(displayPath(contentDir))
        clearTimeout(timer)
        timer = setTimeout(flush, settleMs)
      })
    })
  }
  const returnCheck = setInterval(() => {
    const present = existsSync(contentDir)
    if (present && !contentPresent) contentReturned()
    else if (!present) contentPresent = false
  }, 250)
  returnCheck.unref()

  return {
    server,
    async close() {
      clearTimeout(timer)
      await watcher.close()
      await publicWatcher.close()
      clearInterval(returnCheck)
      for (const c of clients) c.end()
      await new Promise((resolve) => server.close(resolve))
      await building
    },
  }
}

const withClient = (html: string) => html.replace('</body>', `<script src="${clientPath}"></script></body>`)

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  // The types copied from the content folder (parse/references.ts).
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
}

/**
 * Answers from the site in memory: "/x/" is x/index.html, "/x" is the file x or a redirect to
 * "/x/" (under `base`, encoded) when that is a page. Calls `next` for anything the site does not have.
 */
async function serveFromMemory(memory: MemorySite, contentFiles: ReadonlyMap<string, string>, urlPath: string, base: string, res: http.ServerResponse, next: () => void): Promise<void> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return next()
  }
  const file = decoded.replace(/^\/+/, '') + (decoded.endsWith('/') ? 'index.html' : '')
  // Only the files the link stage found and checked, by name: no path here reaches the disk.
  const copied = contentFiles.get(file)
  const content = copied === undefined ? await memory.file(file) : await readFile(copied).catch(() => undefined)
  if (content === undefined) {
    if (!decoded.endsWith('/') && (await memory.file(file + '/index.html')) !== undefined) {
      // Built from the file name, never the raw path: "//host/x" must not redirect off the site.
      res.writeHead(301, { Location: base + encodeURI(file) + '/' })
      res.end()
      return
    }
    return next()
  }
  const type = contentTypes[path.posix.extname(file).toLowerCase()] ?? 'application/octet-stream'
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(type.startsWith('text/html') ? withClient(String(content)) : content)
}

/** The HTML page a URL path names, read only from inside the output folder. */
async function htmlFile(outDir: string, urlPath: string): Promise<{ status: number; text: string } | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  const target = path.resolve(outDir, '.' + path.posix.normalize('/' + decoded))
  if (target !== outDir && !target.startsWith(outDir + path.sep)) return undefined
  const file = decoded.endsWith('/') ? path.join(target, 'index.html') : target.endsWith('.html') ? target : undefined
  if (!file || !(await insideOutput(outDir, file))) return undefined
  try {
    return { status: 200, text: await readFile(file, 'utf8') }
  } catch {
    return undefined
  }
}

/** In every served page: reload on a good rebuild; show the errors over the page on a bad one. */
const clientScript = `(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)});
  events.addEventListener('open', () => { document.documentElement.dataset.recapDev = 'connected'; });
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (event) => {
    let box = document.getElementById('recap-dev-overlay');
    if (!box) {
      box = document.createElement('div');
      box.id = 'recap-dev-overlay';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,23,28,.94);color:#fde2e2;padding:2rem;font:14px/1.5 ui-monospace,monospace';
      document.body.append(box);
    }
    const title = document.createElement('p');
    title.style.cssText = 'font-weight:bold;color:#fff';
    title.textContent = 'The content has errors; this page shows the last good build. Fix them and it reloads.';
    const list = document.createElement('pre');
    list.style.whiteSpace = 'pre-wrap';
    list.textContent = JSON.parse(event.data).join('\\n');
    box.replaceChildren(title, list);
  });
})();
`
