/** The Nu HTML checker (vnu-jar, on Java) reports no error on any page of the built site. */
import { execFile, execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { build } from '../src/build.ts'
import { makeContent, removeDir, report, tempDir } from './helpers.ts'

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string

function javaAvailable(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    if (process.env.CI) throw new Error('CI=true but java is missing: the Nu HTML checker needs it (apt-get install default-jre-headless).')
    return false
  }
}

describe.skipIf(!javaAvailable())('valid HTML', () => {
  // The fixture site, built once for the run by test/global-setup.ts: every page type.
  const out = inject('fixtureSite')

  it('has no Nu HTML checker errors on any page', async () => {
    expect(await nuErrors(out)).toEqual([])
  }, 120_000)

  it('has none either where a report holds raw HTML leftovers, code and tables', async () => {
    const body = [
      '## A talk {.talk}',
      '',
      'An image without alt <img src="/a.png">, a <a href="javascript:alert(1)">link to nowhere</a>, <a name="here">a target</a>.',
      '',
      '<style>p{color:red}</style>',
      '',
      '<form action="https://evil.example/"><label>Query <input name=q></label><select><option>One</option></select><button>go</button></form>',
      '',
      '```',
      'code',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '- [x] done',
    ].join('\n')
    const content = await makeContent({ 'reports/raw.md': report('title: Raw\nconference: meshconf-2019\nsummary: Raw HTML.', body) })
    const site = path.join(await tempDir(), 'site')
    await build({ contentDir: content, outDir: site })
    await removeDir(content)
    expect(await nuErrors(path.join(site, 'reports'))).toEqual([])
  }, 120_000)
})

async function nuErrors(dir: string): Promise<string[]> {
  let output = ''
  try {
    const result = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'gnu', dir], { maxBuffer: 16 * 1024 * 1024 })
    output = result.stderr + result.stdout
  } catch (error) {
    output = (error as { stderr: string }).stderr
  }
  return output.split('\n').filter(Boolean).map((l) => l.replace(dir, ''))
}
