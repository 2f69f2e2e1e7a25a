/** `recap serve` compresses what a static host would: text types, brotli or gzip, as accepted. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodingFor } from '../../src/compress.ts'
import { serve } from '../../src/serve.ts'
import { removeDir, tempDir } from '../helpers.ts'

describe('compressed responses', () => {
  let dir: string
  let server: http.Server
  let port: number
  const script = `window.x = ${JSON.stringify('search terms '.repeat(2000))};\n`

  beforeAll(async () => {
    dir = await tempDir()
    await mkdir(path.join(dir, 'assets'), { recursive: true })
    await writeFile(path.join(dir, 'assets/big.js'), script)
    await writeFile(path.join(dir, 'assets/tiny.js'), 'x()\n')
    await writeFile(path.join(dir, 'assets/image.png'), Buffer.alloc(4000, 7))
    await writeFile(path.join(dir, '404.html'), `<!doctype html><title>Not found</title>${'<p>missing</p>'.repeat(200)}`)
    server = await serve({ outDir: dir, host: '127.0.0.1', port: 0 })
    port = (server.address() as AddressInfo).port
  })

  afterAll(async () => {
    server?.close()
    await removeDir(dir)
  })

  const get = (p: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: p, headers, method }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })

  it('sends brotli when accepted, gzip otherwise, plain when neither', async () => {
    const br = await get('/assets/big.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.body.length).toBeLessThan(script.length / 10)
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script)

    const gzip = await get('/assets/big.js', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script)

    const plain = await get('/assets/big.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('leaves images, small files and HEAD requests alone, and compresses the 404 page', async () => {
    const accept = { 'accept-encoding': 'br, gzip' }
    expect((await get('/assets/image.png', accept)).headers['content-encoding']).toBeUndefined()
    expect((await get('/assets/tiny.js', accept)).body.toString()).toBe('x()\n')
    const head = await get('/assets/big.js', accept, 'HEAD')
    expect(head.headers['content-encoding']).toBeUndefined()
    const missing = await get('/no/such/page', accept)
    expect(missing.status).toBe(404)
    expect(zlib.brotliDecompressSync(missing.body).toString()).toContain('<title>Not found</title>')
  })

  it('reads Accept-Encoding with its weights', () => {
    expect(encodingFor('gzip;q=1, br;q=0')).toBe('gzip')
    expect(encodingFor('identity')).toBeUndefined()
    expect(encodingFor('*')).toBe('br')
    expect(encodingFor(undefined)).toBeUndefined()
  })
})
