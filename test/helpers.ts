/** Test helpers: temporary content folders and running the real CLI. */
import { execFile } from 'node:child_process'
import http from 'node:http'
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

export const root = path.resolve(import.meta.dirname, '..')
export const realContent = path.join(root, 'content')

export async function tempDir(prefix = 'recap-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix))
}

/**
 * A content folder made of the real data files plus the given reports
 * (file name → text). `files` may also replace a data file.
 */
export async function makeContent(files: Record<string, string>, withRealReports = false): Promise<string> {
  const dir = await tempDir()
  await mkdir(path.join(dir, 'reports'), { recursive: true })
  for (const name of ['conferences.yml', 'topics.yml', 'projects.yml']) await cp(path.join(realContent, name), path.join(dir, name))
  if (withRealReports) await cp(path.join(realContent, 'reports'), path.join(dir, 'reports'), { recursive: true })
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
  return dir
}

export function report(frontMatter: string, body: string): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body.trim()}\n`
}

export const minimalFrontMatter = `title: A test report\nconference: kubecon-eu-2019\nsummary: Testing.`

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(args: string[], cwd = root): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(root, 'bin/recap.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** GET a URL on this machine: status and body. */
export function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      })
      .on('error', reject)
  })
}
