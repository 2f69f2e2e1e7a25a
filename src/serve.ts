/**
 * Serve the built site from the output folder, and nothing else: a request whose path
 * leaves the folder (`/../`, `%2e%2e`, `%2f`, a sibling folder whose name starts the same)
 * and a symbolic link that leads out of it both get the 404 page. sirv serves what passes.
 *
 * A site built with `--base /sub/` is served under /sub/, as its host will serve it: its
 * 404 page asks for /sub/assets/…, which must exist. "/" redirects there; any other path
 * outside the base gets the 404 page.
 */
import { readFile, realpath } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import { withCompression } from './compress.ts'
import { recoverOutput } from './emit/write.ts'
import { normalizeBase } from './paths.ts'

export interface ServeOptions {
  outDir: string
  host: string
  port: number
  /** The URL path the site is served under, "/" by default; normalized with both slashes. */
  base?: string
}

type Next = () => void

/** Whether `file` (after following every link) lies inside `root`. A missing file is inside: there is nothing to leak. */
export async function insideOutput(root: string, file: string): Promise<boolean> {
  const realRoot = await realpath(root).catch(() => path.resolve(root))
  // A path that does not exist (or goes through a file, ENOTDIR) names nothing sirv could serve.
  const real = await realpath(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? undefined : null))
  if (real === undefined) return true
  if (real === null) return false
  return real === realRoot || real.startsWith(realRoot + path.sep)
}

/** The files a URL path could name, the way sirv looks for them (as is, .html, index.html); undefined when the path leaves `root`. */
export function candidateFiles(root: string, rawPath: string): string[] | undefined {
  const decodings = new Set([rawPath])
  for (const decode of [decodeURI, decodeURIComponent]) {
    try {
      decodings.add(decode(rawPath))
    } catch {
      return undefined
    }
  }
  const files: string[] = []
  for (const p of decodings) {
    if (p.includes('\0') || p.includes('\\')) return undefined
    const target = path.join(root, p)
    if (target !== root && !target.startsWith(root + path.sep)) return undefined
    files.push(target, target + '.html', path.join(target, 'index.html'))
  }
  return files
}

/** Static files from `outDir` for an HTTP server; `next` runs for anything not served. */
export function outputFiles(outDir: string): (req: http.IncomingMessage, res: http.ServerResponse, next: Next) => void {
  const root = path.resolve(outDir)
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] })
  return (req, res, next) => {
    const rawPath = (req.url ?? '/').split(/[?#]/)[0]!
    const candidates = candidateFiles(root, rawPath)
    if (!candidates) return next()
    void Promise.all(candidates.map((f) => insideOutput(root, f))).then(
      (inside) => (inside.every(Boolean) ? files(req, res, next) : next()),
      () => next(),
    )
  }
}

/** The site's 404 page, when it is a file inside the output. */
export async function notFoundPage(outDir: string): Promise<string> {
  const file = path.join(outDir, '404.html')
  if (!(await insideOutput(outDir, file))) return 'Not found'
  return readFile(file, 'utf8').catch(() => 'Not found')
}

/** "/a/b?x=1" as ["/a/b", "?x=1"]. */
function splitQuery(url: string): [string, string | undefined] {
  const at = url.search(/[?#]/)
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at)]
}

/**
 * Where a request for `urlPath` goes on a site served under `base` (both as URL paths are
 * written, percent-encoded): "/" and the base without its slash redirect to the base, a path
 * outside it is not found, and any other is the path inside the site ("/sub/x/" is "/x/").
 * Shared by `serve` and `dev`, so the two answer alike.
 */
export function underBase(base: string, urlPath: string, query = ''): { redirect: string } | { outside: true } | { inside: string } {
  if (base === '/') return { inside: urlPath }
  if (urlPath === '/' || urlPath === base.slice(0, -1)) return { redirect: base + query }
  if (!urlPath.startsWith(base)) return { outside: true }
  return { inside: urlPath.slice(base.length - 1) }
}

export async function serve(options: ServeOptions): Promise<http.Server> {
  const root = path.resolve(options.outDir)
  // A build killed between its two renames left the old site aside: put it back.
  await recoverOutput(root)
  const files = outputFiles(root)
  const base = encodeURI(normalizeBase(options.base ?? '/'))
  const notFound = async (res: http.ServerResponse) => {
    res.statusCode = 404
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(await notFoundPage(root))
  }
  // Compressed, as a static host would send it (src/compress.ts).
  const server = http.createServer(
    withCompression((req, res) => {
      const [rawPath = '/', query = ''] = splitQuery(req.url ?? '/')
      const route = underBase(base, rawPath, query)
      if ('redirect' in route) {
        res.writeHead(302, { Location: route.redirect })
        res.end()
        return
      }
      if ('outside' in route) return void notFound(res)
      // The file server sees the path inside the site, as if the site were at the root.
      req.url = route.inside + query
      files(req, res, () => void notFound(res))
    }),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return server
}
