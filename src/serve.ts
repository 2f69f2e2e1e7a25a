/** Serve the built site from the output folder (sirv: no path traversal, 404 page on misses). */
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import { withCompression } from './compress.ts'

export interface ServeOptions {
  outDir: string
  host: string
  port: number
}

export async function serve(options: ServeOptions): Promise<http.Server> {
  const root = path.resolve(options.outDir)
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] })
  const server = http.createServer(withCompression((req, res) => {
    files(req, res, async () => {
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      try {
        res.end(await readFile(path.join(root, '404.html')))
      } catch {
        res.end('Not found')
      }
    })
  }))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return server
}
