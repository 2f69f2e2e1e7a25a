/**
 * Hostile content fixtures: each `test/fixtures/hostile/<case>/content/` is laid over a small
 * content folder, then `recap check` and `recap build` run on it; `expected.txt` is exactly
 * what they print. `UPDATE=1 npx vitest run test/hostile/fixtures.test.ts` rewrites the
 * expectations, to be reviewed in the diff.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectFixture, fixtureCases, runCli } from '../helpers.ts'
import { hostileContent } from './content.ts'

function caseFiles(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const absolute = path.join(entry.parentPath, entry.name)
    files[path.relative(dir, absolute).split(path.sep).join('/')] = readFileSync(absolute)
  }
  return files
}

describe('hostile content', () => {
  it.each(fixtureCases('hostile'))('$name', async ({ dir }) => {
    const content = await hostileContent(caseFiles(path.join(dir, 'content')))
    const project = path.dirname(content)
    const check = await runCli(['check', '--content', 'content'], project)
    const build = await runCli(['build', '--content', 'content', '--out', 'dist', '--no-cache'], project)
    // A failed build writes nothing; a good one's timings vary, so only its errors are compared.
    expect(existsSync(path.join(project, 'dist'))).toBe(build.code === 0)
    const transcript = [
      '$ recap check --content content',
      `[exit ${check.code}]`,
      check.stdout + check.stderr,
      '$ recap build --content content --out dist',
      `[exit ${build.code}]`,
      build.stderr,
    ].join('\n')
    expectFixture(dir, 'expected.txt', transcript)
  })
})
