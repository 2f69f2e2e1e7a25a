import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateCorpus, writeCorpus } from '../../scripts/corpus.ts'
import { readSite } from '../../src/pipeline.ts'
import { removeDir, tempDir } from '../helpers.ts'

describe('synthetic corpus (scripts/corpus.ts)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateCorpus({ reports: 12, seed: 3 })
    const b = generateCorpus({ reports: 12, seed: 3 })
    const c = generateCorpus({ reports: 12, seed: 4 })
    expect([...a]).toEqual([...b])
    expect([...a.values()].join()).not.toBe([...c.values()].join())
    expect([...a.keys()].filter((k) => k.startsWith('reports/'))).toHaveLength(12)
  })

  it('is valid content in the shapes of real reports', async () => {
    const dir = await tempDir()
    try {
      await writeCorpus(dir, { reports: 30, seed: 1 })
      const { site, warnings } = await readSite(dir)
      expect(warnings.filter((w) => w.severity === 'error')).toEqual([])
      expect(site.reports).toHaveLength(30)
      for (const r of site.reports) expect(r.sections.length).toBeGreaterThanOrEqual(8)
      const talks = site.sections.filter((s) => s.kind === 'talk').length / site.sections.length
      expect(talks).toBeGreaterThan(0.45)
      expect(talks).toBeLessThan(0.75)
      // Several reporters per conference, speakers shared between sections.
      expect(site.conferences.some((c) => new Set(site.reports.filter((r) => r.conference === c.id).map((r) => r.author)).size >= 2)).toBe(true)
      expect(site.sections.some((s) => s.group !== undefined)).toBe(true)
    } finally {
      await removeDir(dir)
    }
  })

  it('refuses to write into a folder it did not make', async () => {
    const dir = await tempDir()
    try {
      await writeFile(path.join(dir, 'precious.txt'), 'keep me')
      await expect(writeCorpus(dir, { reports: 2 })).rejects.toThrow(/not made by scripts\/corpus.ts/)
      expect(await readFile(path.join(dir, 'precious.txt'), 'utf8')).toBe('keep me')
    } finally {
      await removeDir(dir)
    }
  })
})
