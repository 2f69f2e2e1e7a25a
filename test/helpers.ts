/** Test helpers: temporary content folders and running the real CLI. */
import { execFile } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'vitest'
import type { Related, Site } from '../src/link/graph.ts'

export const root = path.resolve(import.meta.dirname, '..')
/** The shipped content: only the smoke test and the relevance floors read it. */
export const realContent = path.join(root, 'content')
/** A small content folder built for the tests; test/fixtures/site/README.md says what is in it. */
export const fixtureContent = path.join(root, 'test/fixtures/site')

/** Temporary folders made by this test file; test/cleanup.ts removes them after its last test. */
const made: string[] = []

export async function tempDir(prefix = 'recap-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Removes every folder tempDir made in this file (run once its tests and their own hooks are done). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

/**
 * A temporary content folder made of the fixture site's data files (conferences
 * meshconf-2017, -2018, -2019; five topics; six projects) plus the given reports
 * (file name → text); with `withFixtureReports`, the fixture site's four reports too.
 * `files` may also replace a data file. `dataFrom`: take the data files from another folder.
 */
export async function makeContent(files: Record<string, string>, withFixtureReports = false, dataFrom = fixtureContent): Promise<string> {
  const dir = await tempDir()
  await mkdir(path.join(dir, 'reports'), { recursive: true })
  for (const name of ['conferences.yml', 'topics.yml', 'projects.yml']) await cp(path.join(dataFrom, name), path.join(dir, name))
  if (withFixtureReports) await cp(path.join(fixtureContent, 'reports'), path.join(dir, 'reports'), { recursive: true })
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
  return dir
}

export function report(frontMatter: string, body: string): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body.trim()}\n`
}

export const minimalFrontMatter = `title: A test report\nconference: meshconf-2019\nsummary: Testing.`

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the CLI in this process through its exported `run(argv)`: the same code as the
 * `recap` command without a second of TypeScript start-up. `cwd` is where relative paths
 * (and the paths printed in messages) are resolved from.
 */
export async function runCli(args: string[], cwd = root): Promise<CliResult> {
  const { run } = await import('../src/cli.ts')
  let stdout = ''
  let stderr = ''
  const previous = process.cwd()
  process.chdir(cwd)
  try {
    const code = await run(args, {
      out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
      err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
    })
    return { code, stdout, stderr }
  } finally {
    process.chdir(previous)
  }
}

/** Runs the real `recap` command in a child process: for tests about the process itself. */
export async function runProcess(args: string[], cwd = root): Promise<CliResult> {
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

export const fixturesDir = path.join(root, 'test/fixtures')

/**
 * The cases of a fixture area: every folder `test/fixtures/<area>/<case>/`. Each case holds
 * its input and the expected output; `UPDATE=1 npx vitest run …` rewrites the expectations,
 * to be reviewed in the diff (the unified style: remark-gfm's test/fixtures).
 */
export function fixtureCases(area: string): { name: string; dir: string }[] {
  const dir = path.join(fixturesDir, area)
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, dir: path.join(dir, e.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Compares `actual` with the case's expected file, or writes it under UPDATE=1. Objects are stored as JSON. */
export function expectFixture(caseDir: string, file: string, actual: unknown): void {
  const target = path.join(caseDir, file)
  const text = typeof actual === 'string' ? actual : JSON.stringify(actual, null, 2) + '\n'
  if (process.env.UPDATE || !existsSync(target)) {
    if (!process.env.UPDATE && process.env.CI) throw new Error(`${path.relative(root, target)} is missing: run the test with UPDATE=1 and review the file.`)
    writeFileSync(target, text)
    return
  }
  expect(text, path.relative(root, target)).toBe(readFileSync(target, 'utf8'))
}

/** Sends a GET for `target` exactly as written: no URL parsing or dot-segment removal on the way. */
export function rawGet(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`))
    let response = ''
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')))
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)
      resolve({ status, body: response.slice(response.indexOf('\r\n\r\n') + 4) })
    })
    socket.on('error', reject)
  })
}

/** A linked site as plain data, to compare two with toEqual: the related lookup becomes every section's answer. */
export function plainSite(site: Site): Omit<Site, 'related'> & { related: Related[][] } {
  return { ...site, related: site.sections.map((s) => site.related.get(s.id)) }
}
