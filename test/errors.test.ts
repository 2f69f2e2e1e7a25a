/**
 * Every error a user can cause, and the exact lines `recap check` prints for it:
 * file:line:col, the field, what is wrong, what to do. One case per folder in
 * test/fixtures/errors/<case>/: `input/` is laid over a content folder with the fixture
 * site's data files, `expected.txt` is the output (UPDATE=1 rewrites it; review the diff).
 */
import { cp, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { expectFixture, fixtureCases, makeContent, removeDir, runCli } from './helpers.ts'

const dirs: string[] = []
afterAll(async () => Promise.all(dirs.map(removeDir)))

describe('content errors, as `recap check` prints them', () => {
  for (const { name, dir } of fixtureCases('errors')) {
    it(name, async () => {
      const content = await makeContent({})
      dirs.push(content)
      await cp(path.join(dir, 'input'), content, { recursive: true })
      const result = await runCli(['check', '--content', '.'], content)
      // Nothing in a report may run code: no file appears beside the ones the case put there.
      const files = (await readdir(content, { recursive: true })).map(String).sort()
      const expectedFiles = [...(await readdir(path.join(dir, 'input'), { recursive: true })).map(String), 'conferences.yml', 'topics.yml', 'projects.yml', 'reports']
      const stray = files.filter((f) => !expectedFiles.includes(f))
      expectFixture(dir, 'expected.txt', `${result.stdout}${result.stderr}exit ${result.code}\n${stray.length ? `stray files: ${stray.join(', ')}\n` : ''}`)
    })
  }
})
