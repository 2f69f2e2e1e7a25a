/**
 * The dev server recovers by itself (issue 10, item 11): after the content folder is removed
 * and put back, and, once a code change has it build into the output folder, after that
 * folder is deleted. Runs the server in this process.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dev } from '../src/dev.ts'
import { httpGet, makeContent, minimalFrontMatter, removeDir, report, tempDir } from './helpers.ts'

let stop: (() => Promise<void>) | undefined
const dirs: string[] = []
afterEach(async () => {
  await stop?.()
  stop = undefined
  for (const d of dirs.splice(0)) await removeDir(d)
})

async function start() {
  const content = await makeContent({ 'reports/notes.md': report(minimalFrontMatter, '## Hello {.talk}\n\nA talk about otters.') })
  const work = await tempDir()
  dirs.push(content, work)
  const log: string[] = []
  // Stands for templates/: a change there means code changed.
  const code = path.join(work, 'code')
  await mkdir(code)
  const { server, close } = await dev({ contentDir: content, outDir: path.join(work, 'site'), cacheDir: path.join(work, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [code], log: (l) => log.push(l) })
  stop = close
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 300; i++) {
      if (await check()) return
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`timed out waiting for ${what}; log:\n${log.join('\n')}`)
  }
  return { content, work, code, log, get: (p: string) => httpGet(base + p), until }
}

describe('recap dev recovers', () => {
  it('after the content folder is removed and put back', async () => {
    const { content, work, log, get, until } = await start()
    expect((await get('/reports/notes/hello/')).body).toContain('otters')
    // Moved away and back, as `mv content elsewhere && mv elsewhere content` does.
    const saved = path.join(work, 'saved')
    await rename(content, saved)
    await until(async () => log.some((l) => l.startsWith('Build failed')), 'the build to fail without content')
    // The last good site is still served meanwhile.
    expect((await get('/reports/notes/hello/')).status).toBe(200)
    await rename(saved, content)
    const file = path.join(content, 'reports/notes.md')
    await until(async () => log.at(-1)!.startsWith('Rebuilt after'), 'a rebuild once the folder is back')
    // And it watches the folder again: an edit shows.
    await writeFile(file, (await readFile(file, 'utf8')).replace('otters', 'beavers'))
    await until(async () => (await get('/reports/notes/hello/')).body.includes('beavers'), 'the edit after the folder came back')
  }, 120_000)

  it('after the output folder is deleted, once code changed', async () => {
    const { work, code, log, get, until } = await start()
    expect((await get('/reports/notes/hello/')).status).toBe(200)
    // Served from memory so far; a code change builds in a fresh process into the output folder.
    expect(existsSync(path.join(work, 'site'))).toBe(false)
    await writeFile(path.join(code, 'layout.ts'), '// edited\n')
    await until(async () => /pages and the search index written\.$/.test(log.at(-1)!), 'a build in a fresh process')
    expect(existsSync(path.join(work, 'site/reports/notes/hello/index.html'))).toBe(true)
    await rm(path.join(work, 'site'), { recursive: true, force: true })
    const page = await get('/reports/notes/hello/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('otters')
  }, 120_000)
})
