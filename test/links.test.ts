/** Every internal link and anchor in the built fixture site resolves. */
import { cp, rm } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { crawl } from './crawl.ts'
import { removeDir, tempDir } from './helpers.ts'

describe('links in the built site', () => {
  it('resolve to a file, and anchors to an element with that id', async () => {
    const result = await crawl(inject('fixtureSite'))
    // Every page links to the home page, so a crawl that checked nothing is broken itself.
    expect(result.checked).toBeGreaterThan(result.pages.length)
    expect(result.broken).toEqual([])
  })

  it('finds a link to a page that is missing', async () => {
    const copy = path.join(await tempDir(), 'site')
    await cp(inject('fixtureSite'), copy, { recursive: true })
    await rm(path.join(copy, 'topics/gitops'), { recursive: true })
    const result = await crawl(copy)
    expect(result.broken.length).toBeGreaterThan(0)
    expect(result.broken.every((b) => /gitops\/(all\/)?(#.*)?$/.test(b)), result.broken.join('\n')).toBe(true)
    await removeDir(path.dirname(copy))
  })
})
