/**
 * `recap dev` serves the site from memory: the same bytes a build writes, pages rendered when
 * asked for, nothing written to the output folder, and an edit seen after re-reading in process.
 */
import { existsSync } from 'node:fs'
import http from 'node:http'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build.ts'
import { dev } from '../src/dev.ts'
import { MemorySite } from '../src/emit/memory.ts'
import { outputMarker } from '../src/emit/write.ts'
import { siteRecordFile } from '../src/emit/site-address.ts'
import { ReadMemo } from '../src/load/content.ts'
import { ParseCache } from '../src/parse/cache.ts'
import { readSite } from '../src/pipeline.ts'
import { httpGet, makeContent, rawGet, removeDir, tempDir } from './helpers.ts'

const dirs: string[] = []
let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
  for (const d of dirs.splice(0)) await removeDir(d)
})

async function builtFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    // The marker and the record of the build's address are about the folder, not pages a server shows.
    .filter((f) => f !== outputMarker && f !== siteRecordFile && f !== 'assets/favicon.svg')
    .sort()
}

describe('the site in memory', () => {
  it('gives every file a build writes, byte for byte, also after an incremental update', async () => {
    const content = await makeContent({}, true)
    const out = path.join(await tempDir(), 'site')
    dirs.push(content, path.dirname(out))
    await build({ contentDir: content, outDir: out })
    const files = await builtFiles(out)
    expect(files).toContain('reports/gamma-2017/index.html')

    const same = async (memory: MemorySite, dir: string) => {
      for (const f of await builtFiles(dir)) {
        const served = await memory.file(f)
        expect(served, f).toBeDefined()
        expect(Buffer.from(served!).equals(await readFile(path.join(dir, f))), f).toBe(true)
      }
    }
    const cold = new MemorySite()
    cold.update((await readSite(content)).site)
    await same(cold, out)
    expect(await cold.file('reports/no-such-report/index.html')).toBeUndefined()
    expect(await cold.file('../outside/index.html')).toBeUndefined()

    // Edits, each taken incrementally as the dev server takes them (one parse cache, files read
    // again only when changed, the link reusing unchanged reports), equal a fresh build of the
    // edited content: a report, the topics (tags change everywhere), a conference's name.
    const memory = cold
    const cache = new ParseCache()
    const reads = new ReadMemo()
    memory.update((await readSite(content, undefined, cache, { reads })).site)
    const edit = async (file: string, from: string, to: string) => {
      const at = path.join(content, file)
      const text = await readFile(at, 'utf8')
      expect(text, file).toContain(from)
      await writeFile(at, text.replace(from, to))
      reads.forget(at)
      memory.update((await readSite(content, undefined, cache, { reads })).site)
      await build({ contentDir: content, outDir: out })
      await same(memory, out)
    }
    await edit('reports/gamma-2017.md', 'the coffee was excellent.', 'the coffee was excellent, said the zebrafish.')
    expect(String(await memory.file('reports/gamma-2017/the-venue/index.html'))).toContain('zebrafish')
    await edit('topics.yml', 'aliases: [service mesh, sidecar]', 'aliases: [service mesh, sidecar, coffee]')
    expect(String(await memory.file('reports/gamma-2017/the-venue/index.html'))).toContain('Service mesh')
    await edit('conferences.yml', 'name: MeshConf 2017', 'name: MeshConf Oslo 2017')
    expect(String(await memory.file('reports/gamma-2017/the-venue/index.html'))).toContain('MeshConf Oslo 2017')
    // The year a conference is filed under is part of every section of its reports.
    await edit('conferences.yml', 'year: 2017\n  city: Oslo\n  country: Norway\n  dates: { start: 2017-04-03, end: 2017-04-04 }', 'year: 2016\n  city: Oslo\n  country: Norway\n  dates: { start: 2016-04-03, end: 2016-04-04 }')
    expect(String(await memory.file('data/sections/meshconf-2017.json'))).toContain('"year":2016')
  }, 120_000)
})

describe('recap dev', () => {
  async function start(base?: string) {
    const content = await makeContent({}, true)
    const work = await tempDir()
    dirs.push(content, work)
    const log: string[] = []
    const out = path.join(work, 'site')
    const server = await dev({ contentDir: content, outDir: out, cacheDir: path.join(work, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [], log: (l) => log.push(l), ...(base ? { base } : {}) })
    stop = server.close
    const port = (server.server.address() as AddressInfo).port
    return { content, out, log, port, get: (p: string) => httpGet(`http://127.0.0.1:${port}${p}`) }
  }

  it('serves pages, assets, data and public files from memory and writes nothing', async () => {
    const { out, log, port, get } = await start()
    expect(log.at(-1)).toMatch(/^Rebuilt after start in \d+ ms: parsed 4 reports, 0 from the cache; \d+ pages ready, rendered when asked for\.$/)

    const home = await get('/')
    expect(home.status).toBe(200)
    expect(home.body).toContain('<script src="/__recap/client.js"></script></body>')
    expect((await get('/reports/gamma-2017/the-venue/')).body).toContain('the coffee was excellent')
    expect((await get('/assets/site.js')).status).toBe(200)
    expect((await get('/assets/search-index.js')).body).toContain('coffee')
    expect(JSON.parse((await get('/data/index.json')).body).conferences.length).toBeGreaterThan(0)
    expect((await get('/assets/favicon.svg')).body).toContain('<svg')

    // A page asked for without its slash is redirected to it, on this site only.
    const location = (target: string) =>
      new Promise<string | undefined>((resolve, reject) => http.get({ host: '127.0.0.1', port, path: target }, (res) => (res.resume(), resolve(res.headers.location))).on('error', reject))
    expect(await location('/reports/gamma-2017')).toBe('/reports/gamma-2017/')
    expect(await location('/reports/gamma-2017/')).toBeUndefined()

    const missing = await get('/no-such-page/')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('<script src="/__recap/client.js"></script></body>')
    for (const target of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc/passwd']) {
      expect((await rawGet(port, target)).body, target).not.toContain('root:')
    }
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('serves the site under --base as a host will: "/" leads there, nothing outside it, pages made for it, live reload kept', async () => {
    const { port, get } = await start('/my recap/')
    const base = '/my%20recap/'
    const location = (target: string) =>
      new Promise<[number, string | undefined]>((resolve, reject) => http.get({ host: '127.0.0.1', port, path: target }, (res) => (res.resume(), resolve([res.statusCode!, res.headers.location]))).on('error', reject))
    expect(await location('/')).toEqual([302, base])
    expect(await location('/my%20recap?q=1')).toEqual([302, base + '?q=1'])
    expect(await location(base + 'reports/gamma-2017')).toEqual([301, base + 'reports/gamma-2017/'])

    const page = await get(base + 'reports/gamma-2017/the-venue/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('the coffee was excellent')
    // The live reload's client and events stay at the server's root, beside the site.
    expect(page.body).toContain('<script src="/__recap/client.js"></script></body>')
    expect((await get('/__recap/client.js')).status).toBe(200)
    expect((await get(base + 'assets/site.js')).status).toBe(200)
    expect((await get(base + 'assets/favicon.svg')).body).toContain('<svg')
    // Data files and the 404 page link under the base, as a build with --base writes them.
    expect(JSON.parse((await get(base + 'data/index.json')).body).conferences[0].url).toMatch(/^\/my(%20| )recap\/conferences\//)
    for (const outside of ['/reports/gamma-2017/the-venue/', '/assets/site.js', base + 'no-such-page/']) {
      const missing = await get(outside)
      expect(missing.status, outside).toBe(404)
      expect(missing.body, outside).toMatch(/href="\/my(%20| )recap\/assets\/style\.css"/)
    }
  }, 60_000)

  it('shows an edit after parsing only the edited report', async () => {
    const { content, out, log, get } = await start()
    // Rendered once before the edit, so a stale page would show.
    expect((await get('/reports/gamma-2017/the-venue/')).body).not.toContain('zebrafish')
    const file = path.join(content, 'reports/gamma-2017.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('the coffee was excellent.', 'the coffee was excellent, said the zebrafish.'))
    for (let i = 0; i < 300 && !log.some((l) => l.includes('gamma-2017.md')); i++) await new Promise((r) => setTimeout(r, 100))
    expect(log.at(-1)).toMatch(/^Rebuilt after .*gamma-2017\.md in \d+ ms: parsed 1 report, 3 from the cache; /)
    expect((await get('/reports/gamma-2017/the-venue/')).body).toContain('zebrafish')
    expect((await get('/assets/search-index.js')).body).toContain('zebrafish')
    expect(existsSync(out)).toBe(false)
  }, 60_000)
})
