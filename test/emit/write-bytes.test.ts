/**
 * The writer hands the file system bytes, made as each page is rendered: a page string held
 * until its file is open outlives the young generation, and with dozens of pages in flight
 * such strings piled up in the old one (issue 12: peak memory of a build).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { writeOutput, type SiteFile } from '../../src/emit/write.ts'
import { removeDir, tempDir } from '../helpers.ts'

/** What each call of writeFile was given, by file name. */
const given = new Map<string, unknown>()

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const writeFile: typeof real.writeFile = (file, data, options) => {
    given.set(path.basename(String(file)), data)
    return real.writeFile(file, data, options)
  }
  return { ...real, default: { ...real, writeFile }, writeFile }
})

describe('the output writer', () => {
  it('writes every rendered page as UTF-8 bytes, the same text as rendered', async () => {
    const dir = await tempDir()
    try {
      const text = (n: number) => `<!doctype html><p>Page ${n}: “quoted”, naïve, 🚀</p>\n`
      const files: SiteFile[] = [
        ...Array.from({ length: 40 }, (_, n) => ({ path: `pages/p${n}.html`, render: () => text(n) })),
        { path: 'plain.txt', content: 'kept as given\n' },
        { path: 'bytes.bin', content: Buffer.from([1, 2, 3]) },
      ]
      await writeOutput(path.join(dir, 'site'), files)
      for (let n = 0; n < 40; n++) {
        expect(given.get(`p${n}.html`)).toBeInstanceOf(Uint8Array)
        expect(await readFile(path.join(dir, 'site', 'pages', `p${n}.html`), 'utf8')).toBe(text(n))
      }
      expect(given.get('plain.txt')).toBeInstanceOf(Uint8Array)
      expect(await readFile(path.join(dir, 'site', 'plain.txt'), 'utf8')).toBe('kept as given\n')
      expect([...(await readFile(path.join(dir, 'site', 'bytes.bin')))]).toEqual([1, 2, 3])
    } finally {
      await removeDir(dir)
    }
  })
})
