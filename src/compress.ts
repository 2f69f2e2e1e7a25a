/**
 * Compressed responses for `recap serve` and `recap dev`, as any static host sends them, so
 * what a reader downloads on localhost is what they would download from a real host. Wraps
 * a request handler: whatever it writes goes through brotli or gzip when the browser accepts
 * it and the type is text. Streams (server-sent events), HEAD requests, small bodies and
 * responses already encoded pass as they are.
 */
import type http from 'node:http'
import zlib from 'node:zlib'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>

const compressible = /^(text\/(?!event-stream)|application\/(javascript|json|xml|atom\+xml|manifest\+json)|image\/svg\+xml)/
/** Below this, compressing costs more than it saves. */
const minimumBytes = 1024

export function encodingFor(acceptEncoding: string | string[] | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>()
  for (const part of String(acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean)
    if (name) accepted.set(name, q ? Number(q[1]) : 1)
  }
  for (const encoding of ['br', 'gzip'] as const) if ((accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0) return encoding
  return undefined
}

export function withCompression(handler: Handler): Handler {
  return (req, res) => {
    const encoding = req.method === 'HEAD' ? undefined : encodingFor(req.headers['accept-encoding'])
    if (encoding) compressResponse(res, encoding)
    return handler(req, res)
  }
}

function compressResponse(res: http.ServerResponse, encoding: 'br' | 'gzip'): void {
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => http.ServerResponse
  let stream: zlib.BrotliCompress | zlib.Gzip | undefined
  let decided = false

  const decide = () => {
    if (decided) return
    decided = true
    const type = String(res.getHeader('content-type') ?? '')
    const length = Number(res.getHeader('content-length') ?? Infinity)
    if (res.statusCode === 204 || res.statusCode === 304 || res.getHeader('content-encoding') || !compressible.test(type) || length < minimumBytes) return
    stream =
      encoding === 'br'
        ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } })
        : zlib.createGzip({ level: 6 })
    res.removeHeader('content-length')
    res.setHeader('content-encoding', encoding)
    res.setHeader('vary', 'Accept-Encoding')
    stream.on('data', (chunk: Buffer) => write(chunk))
    stream.on('end', () => end())
  }

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    // Headers given here are set first, so the decision sees them.
    const headers = rest.find((r) => typeof r === 'object' && r !== null)
    if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string)
    res.statusCode = status
    decide()
    return writeHead(status)
  }) as typeof res.writeHead
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!res.headersSent) decide()
    if (!stream) return write(chunk, ...rest)
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined
    const ok = stream.write(chunk as Buffer, cb)
    // A piped file waits for "drain" on the response: pass the compressor's on.
    if (!ok) stream.once('drain', () => res.emit('drain'))
    return ok
  }) as typeof res.write
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent) decide()
    if (!stream) return end(...args)
    const chunk = args.find((a) => typeof a === 'string' || Buffer.isBuffer(a) || a instanceof Uint8Array)
    if (chunk !== undefined) stream.end(chunk as Buffer)
    else stream.end()
    return res
  }) as typeof res.end
}
