/**
 * A dev server loads the content folder after every edit; ReadMemo lets it read again only the
 * files that changed. A change must never be missed: not when the file keeps its size and time
 * (file times are coarse), not when a file is added, removed or has become unreadable.
 */
import { chmod, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadContent, ReadMemo } from '../../src/load/content.ts'
import { makeContent, minimalFrontMatter, removeDir, report } from '../helpers.ts'

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeDir(d)
})

const texts = async (content: string, memo: ReadMemo) => {
  const loaded = await loadContent(content, memo)
  return { loaded, byName: new Map(loaded.reports.map((r) => [path.basename(r.file), r.text])) }
}

describe('loading again with a read memo', () => {
  it('keeps unchanged files as read and reads every change', async () => {
    const content = await makeContent({ 'reports/one.md': report(minimalFrontMatter, 'First body.'), 'reports/two.md': report(minimalFrontMatter, 'Second body.') })
    dirs.push(content)
    const memo = new ReadMemo()
    const first = await texts(content, memo)
    const again = await texts(content, memo)
    // Unchanged: the very same records, as a memo keyed on them downstream needs.
    expect(again.loaded.reports[0]).toBe(first.loaded.reports[0])
    expect(again.loaded.topics).toBe(first.loaded.topics)

    // A change of size and time is seen without being told.
    const one = path.join(content, 'reports/one.md')
    await writeFile(one, report(minimalFrontMatter, 'First body, longer now.'))
    expect((await texts(content, memo)).byName.get('one.md')).toContain('longer now')

    // Any write moves the change time, even when the modification time is put back.
    await utimes(one, 1_000_000, 1_000_000)
    expect((await texts(content, memo)).byName.get('one.md')).toContain('longer now')
    await writeFile(one, report(minimalFrontMatter, 'First body, LONGER now.'))
    await utimes(one, 1_000_000, 1_000_000)
    expect((await texts(content, memo)).byName.get('one.md')).toContain('LONGER now')

    // Added and removed files.
    await writeFile(path.join(content, 'reports/three.md'), report(minimalFrontMatter, 'Third body.'))
    await rm(path.join(content, 'reports/two.md'))
    expect([...(await texts(content, memo)).byName.keys()]).toEqual(['one.md', 'three.md'])

    // A file that can no longer be read is reported, not served from memory.
    if (process.getuid?.() !== 0) {
      await chmod(one, 0o000)
      memo.forget(one)
      const { loaded } = await texts(content, memo)
      expect(loaded.problems.map((p) => p.file)).toContain(path.relative(process.cwd(), one).split(path.sep).join('/'))
      await chmod(one, 0o644)
    }
  })

  it('reads a file named as changed even when its stamp is the same (two writes within one tick of the clock)', () => {
    const memo = new ReadMemo()
    const source = { file: 'reports/one.md', text: 'old' }
    memo.keep(new Map([['/content/reports/one.md', { stamp: '7:1:1:9:1', source }]]))
    expect(memo.get('/content/reports/one.md', '7:1:1:9:1')).toBe(source)
    expect(memo.get('/content/reports/one.md', '8:2:2:9:1')).toBeUndefined()
    memo.forget('/content/reports/one.md')
    expect(memo.get('/content/reports/one.md', '7:1:1:9:1')).toBeUndefined()
    // Read once: the memo then holds what that read found.
    expect(memo.get('/content/reports/one.md', '7:1:1:9:1')).toBe(source)
  })
})
