/** The parse cache: keyed by code version (issue 10, item 18), pruned, never stale, one log per version (issue 12). */
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { codeVersion, logName, ParseCache, type ParseResult } from '../../src/parse/cache.ts'
import { build } from '../../src/build.ts'
import { createTimer, readSite } from '../../src/pipeline.ts'
import { makeContent, minimalFrontMatter, plainSite, removeDir, report, tempDir } from '../helpers.ts'

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
    await old.set('a'.repeat(64), result('old wording'))
    expect(await new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' }).get('a'.repeat(64))).toEqual(result('old wording'))
    expect(await new ParseCache(cacheDir, { version: 'bbbbbbbbbbbbbbbb' }).get('a'.repeat(64))).toBeUndefined()
  })

  it('prunes other versions and, past the limit, the oldest entries, never those used in this run', async () => {
    const cacheDir = path.join(dir, 'cache')
    await new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' }).set('0'.repeat(64), result('x'))
    await writeFile(path.join(cacheDir, 'not-ours.txt'), 'keep')
    const cache = new ParseCache(cacheDir, { version: 'bbbbbbbbbbbbbbbb' })
    const keys = ['1', '2', '3', '4'].map((c) => c.repeat(64))
    // Written one by one: key 1 oldest … key 4 newest.
    for (const k of keys) await cache.set(k, result(k))
    const hits = async (version = 'bbbbbbbbbbbbbbbb') => {
      const reader = new ParseCache(cacheDir, { version })
      const found: string[] = []
      for (const k of keys) if (await reader.get(k)) found.push(k)
      return found
    }
    const fresh = new ParseCache(cacheDir, { version: 'bbbbbbbbbbbbbbbb' })
    expect(await fresh.get(keys[0]!)).toEqual(result(keys[0]!))
    // Within the limit, nothing of this version goes.
    await fresh.prune(4)
    expect(await hits()).toEqual(keys)
    await fresh.prune(2)
    expect((await readdir(cacheDir)).sort()).toEqual(['bbbbbbbbbbbbbbbb', 'not-ours.txt'])
    // Key 1 was used in this run, so it stays; with the newest, key 4, that makes two.
    expect(await hits()).toEqual([keys[0], keys[3]])
    await fresh.prune(0)
    expect(await hits()).toEqual([keys[0]])
    // A later prune of the same run keeps what it read and what it wrote.
    await fresh.set(keys[2]!, result('again'))
    await fresh.prune(0)
    expect(await hits()).toEqual([keys[0], keys[2]])
  })

  it('reads a log whose last write was cut short: that entry is a miss, the others and later ones hit', async () => {
    const cacheDir = path.join(dir, 'cache')
    const cache = new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' })
    const keys = ['1', '2', '3'].map((c) => c.repeat(64))
    await cache.setAll(keys.map((k) => [k, result(k)]))
    const log = path.join(cacheDir, 'aaaaaaaaaaaaaaaa', logName)
    // An interrupted build: the last line ends in the middle of its JSON.
    await truncate(log, (await readFile(log)).length - 10)
    await new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' }).set('4'.repeat(64), result('later'))
    await appendFile(log, 'not a line of ours\n\t\n')
    const reader = new ParseCache(cacheDir, { version: 'aaaaaaaaaaaaaaaa' })
    expect(await reader.get(keys[0]!)).toEqual(result(keys[0]!))
    expect(await reader.get(keys[1]!)).toEqual(result(keys[1]!))
    expect(await reader.get(keys[2]!)).toBeUndefined()
    expect(await reader.get('4'.repeat(64))).toEqual(result('later'))
  })

  it('gives the same site from the cache as from a fresh parse, and tags cached parses again when the topics change', async () => {
    const content = await makeContent({}, true)
    const cacheDir = path.join(dir, 'cache')
    try {
      const read = (cache: ParseCache) => readSite(content, createTimer(), cache)
      const fresh = await read(new ParseCache())
      expect((await read(new ParseCache(cacheDir))).parsed).toEqual({ fresh: 4, cached: 0 })
      const cached = await read(new ParseCache(cacheDir))
      expect(cached.parsed).toEqual({ fresh: 0, cached: 4 })
      expect(plainSite(cached.site)).toEqual(plainSite(fresh.site))
      expect(cached.warnings).toEqual(fresh.warnings)

      // A new alias: sections naming it get the topic, though their parse comes from the cache.
      const topics = path.join(content, 'topics.yml')
      const before = await readFile(topics, 'utf8')
      expect(before).toMatch(/^ {2}aliases: \[/m)
      await writeFile(topics, before.replace(/^( {2}aliases: \[)/m, '$1"talk", '))
      const retagged = await read(new ParseCache(cacheDir))
      expect(retagged.parsed).toEqual({ fresh: 0, cached: 4 })
      const expected = await read(new ParseCache())
      expect(plainSite(retagged.site)).toEqual(plainSite(expected.site))
      expect(retagged.site.sections.map((s) => s.topics)).not.toEqual(fresh.site.sections.map((s) => s.topics))
    } finally {
      await removeDir(content)
    }
  })

  it('builds with a stale entry of an older code version without using it, and removes it', async () => {
    const content = await makeContent({ 'reports/only.md': report(minimalFrontMatter, '## Notes\n\nSome text.') })
    const cacheDir = path.join(dir, 'cache')
    const out = path.join(dir, 'site')
    try {
      const first = await build({ contentDir: content, outDir: out, cacheDir })
      expect(first.parsed).toEqual({ fresh: 1, cached: 0 })
      const [version] = (await readdir(cacheDir)).filter((name) => /^[0-9a-f]{16}$/.test(name))
      const line = (await readFile(path.join(cacheDir, version!, logName), 'utf8')).trim()
      // The same key under another (older) version, with a message worded differently.
      await mkdir(path.join(cacheDir, 'cccccccccccccccc'), { recursive: true })
      await writeFile(path.join(cacheDir, 'cccccccccccccccc', logName), `${line.slice(0, 65)}${JSON.stringify(result('stale wording'))}\n`)
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
