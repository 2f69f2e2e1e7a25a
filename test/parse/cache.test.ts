/** The parse cache: keyed by code version (issue 10, item 18), pruned, never stale. */
import { existsSync } from 'node:fs'
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { codeVersion, ParseCache, type ParseResult } from '../../src/parse/cache.ts'
import { build } from '../../src/build.ts'
import { makeContent, minimalFrontMatter, removeDir, report, tempDir } from '../helpers.ts'

const result = (message: string): ParseResult => ({
  report: { id: 'r' } as unknown as ParseResult['report'],
  problems: [{ severity: 'error', message } as unknown as ParseResult['problems'][number]],
})

let dir: string
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => removeDir(dir))

describe('parse cache', () => {
  it('changes its code version when any code file changes, the message catalogue included', async () => {
    const code = path.join(dir, 'code')
    await mkdir(path.join(code, 'parse'), { recursive: true })
    await writeFile(path.join(code, 'problems.ts'), 'export const message = "old wording"')
    await writeFile(path.join(code, 'parse/report.ts'), 'export {}')
    const before = codeVersion(code)
    expect(codeVersion(code)).toBe(before)
    await writeFile(path.join(code, 'problems.ts'), 'export const message = "new wording"')
    expect(codeVersion(code)).not.toBe(before)
  })

  it('never serves an entry written by another code version', async () => {
    const cacheDir = path.join(dir, 'cache')
    const old = new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' })
    await old.set('k'.repeat(64), result('old wording'))
    expect(await new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' }).get('k'.repeat(64))).toEqual(result('old wording'))
    expect(await new ParseCache(cacheDir, { version: 'bbbbbbbbbbbbbbbb' }).get('k'.repeat(64))).toBeUndefined()
  })

  it('prunes other versions and the least recently used entries, never those used in this run', async () => {
    const cacheDir = path.join(dir, 'cache')
    await new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' }).set('0'.repeat(64), result('x'))
    await writeFile(path.join(cacheDir, 'not-ours.txt'), 'keep')
    const cache = new ParseCache(cacheDir, { version: 'bbbbbbbbbbbbbbbb' })
    const keys = ['1', '2', '3', '4'].map((c) => c.repeat(64))
    for (const k of keys) await cache.set(k, result(k))
    // Ages: key 1 oldest … key 4 newest; key 1 is also used by this run.
    for (const [i, k] of keys.entries()) await utimes(path.join(cacheDir, 'bbbbbbbbbbbbbbbb', `${k}.json`), 1000 + i, 1000 + i)
    const fresh = new ParseCache(cacheDir, { version: 'bbbbbbbbbbbbbbbb' })
    await fresh.get(keys[0]!)
    await fresh.prune(2)
    expect((await readdir(cacheDir)).sort()).toEqual(['bbbbbbbbbbbbbbbb', 'not-ours.txt'])
    const left = (await readdir(path.join(cacheDir, 'bbbbbbbbbbbbbbbb'))).sort()
    // Key 1 was used, so it is now the most recent; with key 4 that makes two.
    expect(left).toEqual([keys[0], keys[3]].map((k) => `${k}.json`).sort())
    await fresh.prune(0)
    expect(await readdir(path.join(cacheDir, 'bbbbbbbbbbbbbbbb'))).toEqual([`${keys[0]}.json`])
  })

  it('builds with a stale entry of an older code version without using it, and removes it', async () => {
    const content = await makeContent({ 'reports/only.md': report(minimalFrontMatter, '## Notes\n\nSome text.') })
    const cacheDir = path.join(dir, 'cache')
    const out = path.join(dir, 'site')
    try {
      const first = await build({ contentDir: content, outDir: out, cacheDir })
      expect(first.parsed).toEqual({ fresh: 1, cached: 0 })
      const [version] = (await readdir(cacheDir)).filter((name) => /^[0-9a-f]{16}$/.test(name))
      const [entry] = await readdir(path.join(cacheDir, version!))
      // The same key under another (older) version, with a message worded differently.
      await mkdir(path.join(cacheDir, 'cccccccccccccccc'), { recursive: true })
      await writeFile(path.join(cacheDir, 'cccccccccccccccc', entry!), JSON.stringify(result('stale wording')))
      // Into another folder: the first one is up to date and would be kept without parsing.
      const second = await build({ contentDir: content, outDir: out + '-2', cacheDir })
      expect(second.parsed).toEqual({ fresh: 0, cached: 1 })
      expect(existsSync(path.join(cacheDir, 'cccccccccccccccc'))).toBe(false)
      // A build that finds its site up to date prunes too.
      await mkdir(path.join(cacheDir, 'dddddddddddddddd'), { recursive: true })
      expect((await build({ contentDir: content, outDir: out, cacheDir })).upToDate).toBe(true)
      expect(existsSync(path.join(cacheDir, 'dddddddddddddddd'))).toBe(false)
    } finally {
      await removeDir(content)
    }
  })
})
