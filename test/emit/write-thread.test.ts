/**
 * Large sites are written on a thread of their own (src/emit/writer.ts): the same bytes as
 * the writer on this thread, every file, and failures that read the same, with the old site
 * left in place and no half-written one.
 */
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { OutputError, writeOutput, type SiteFile } from '../../src/emit/write.ts'
import { removeDir, tempDir } from '../helpers.ts'

const text = (n: number) => `<!doctype html><p>Page ${n}: “quoted”, naïve, 🚀</p>\n`
const site = (word: string): SiteFile[] => [
  ...Array.from({ length: 150 }, (_, n) => ({ path: `reports/r${n % 7}/s${n}/index.html`, render: () => `${word} ${text(n)}` })),
  { path: 'plain.txt', content: 'kept as given\n' },
  { path: 'bytes.bin', content: Buffer.from([1, 2, 3]) },
]

async function listed(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()
}

describe('the writer thread', () => {
  it('writes every file with the bytes the writer on this thread writes', async () => {
    const dir = await tempDir()
    try {
      await writeOutput(path.join(dir, 'here'), site('a'), undefined, [], [], { threadFrom: Infinity })
      await writeOutput(path.join(dir, 'thread'), site('a'), undefined, [], [], { threadFrom: 0 })
      const files = await listed(path.join(dir, 'thread'))
      expect(files).toEqual(await listed(path.join(dir, 'here')))
      expect(files).toHaveLength(153)
      for (const f of files) expect(await readFile(path.join(dir, 'thread', f)), f).toEqual(await readFile(path.join(dir, 'here', f)))
      expect(await readFile(path.join(dir, 'thread/reports/r3/s10/index.html'), 'utf8')).toBe(`a ${text(10)}`)
      // Bytes the caller keeps are copied, not taken from it.
      const kept = new Uint8Array([4, 5, 6])
      await writeOutput(path.join(dir, 'thread'), [...site('b'), { path: 'kept.bin', content: kept }], undefined, [], [], { threadFrom: 0 })
      expect([...kept]).toEqual([4, 5, 6])
      expect([...(await readFile(path.join(dir, 'thread/kept.bin')))]).toEqual([4, 5, 6])
    } finally {
      await removeDir(dir)
    }
  })

  it('fails as the writer on this thread does, leaving the old site as it was', async () => {
    const dir = await tempDir()
    try {
      const out = path.join(dir, 'site')
      await writeOutput(out, site('old'), undefined, [], [], { threadFrom: 0 })
      // A file name too long for the file system.
      const tooLong = [...site('new'), { path: `${'x'.repeat(300)}.html`, content: 'x' }]
      for (const threadFrom of [0, Infinity]) {
        const error = await writeOutput(out, tooLong, undefined, [], [], { threadFrom }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(OutputError)
        expect((error as Error).message).toMatch(/a file name in the site is too long/)
      }
      // A page that fails to render: its error, unchanged.
      const broken = [...site('new'), { path: 'bad.html', render: () => { throw new Error('template bug') } }]
      await expect(writeOutput(out, broken, undefined, [], [], { threadFrom: 0 })).rejects.toThrow('template bug')
      expect(await readFile(path.join(out, 'reports/r0/s0/index.html'), 'utf8')).toBe(`old ${text(0)}`)
      expect((await readdir(dir)).sort()).toEqual(['site'])
    } finally {
      await removeDir(dir)
    }
  })

  it('does not write past a failure', async () => {
    const dir = await tempDir()
    try {
      // A file where the site needs a folder: the folders fail first, and nothing is written.
      const out = path.join(dir, 'site')
      await writeOutput(out, site('old'), undefined, [], [], { threadFrom: 0 })
      let rendered = 0
      const files: SiteFile[] = Array.from({ length: 300 }, (_, n) => ({ path: n === 0 ? 'a/index.html' : `b/${n}.html`, render: () => (rendered++, text(n)) }))
      const clash = files.map((f, n) => (n === 1 ? { ...f, path: 'a/index.html/inner.html' } : f))
      const error = await writeOutput(out, clash, undefined, [], [], { threadFrom: 0 }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Error)
      expect(rendered).toBeLessThan(300)
      expect(existsSync(path.join(out, 'reports/r0/s0/index.html'))).toBe(true)
    } finally {
      await removeDir(dir)
    }
  })
})
