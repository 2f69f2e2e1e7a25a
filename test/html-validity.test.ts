/** The Nu HTML checker (vnu-jar, on Java) reports no error on any page of the built site. */
import { execFile, execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { describe, expect, inject, it } from 'vitest'

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
    let output = ''
    try {
      const result = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'gnu', out], { maxBuffer: 16 * 1024 * 1024 })
      output = result.stderr + result.stdout
    } catch (error) {
      output = (error as { stderr: string }).stderr
    }
    expect(output.split('\n').filter(Boolean).map((l) => l.replace(out, ''))).toEqual([])
  }, 120_000)
})
