/** A built and served copy of the real site for browser tests, and the guard for CI. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { build } from '../../src/build.ts'
import { serve } from '../../src/serve.ts'
import { fixtureContent, removeDir, tempDir } from '../helpers.ts'
import { chromiumAvailable, chromiumPath } from './chromium.ts'

/** Browser tests run where Chromium is; with CI=true a missing browser is a failure, not a skip. */
export function browserTestsEnabled(): boolean {
  const available = chromiumAvailable()
  if (!available && process.env.CI) {
    throw new Error(`CI=true but no Chromium at ${chromiumPath}: browser tests must run in CI (apt-get install chromium).`)
  }
  return available
}

export interface ServedSite {
  out: string
  origin: string
  close(): Promise<void>
}

/** Builds `contentDir` (the fixture site by default) into a temporary folder and serves it. */
export async function serveBuiltSite(options: { contentDir?: string; siteUrl?: string; base?: string } = {}): Promise<ServedSite> {
  const out = path.join(await tempDir(), 'site')
  await build({ contentDir: options.contentDir ?? fixtureContent, outDir: out, ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}), ...(options.base ? { base: options.base } : {}) })
  const served = await serveSite(out)
  return { ...served, close: async () => (await served.close(), await removeDir(path.dirname(out))) }
}

/** Serves an already built site (such as `inject('fixtureSite')`) on a free port; never removes it. */
export async function serveSite(out: string): Promise<ServedSite> {
  const server: http.Server = await serve({ outDir: out, host: '127.0.0.1', port: 0 })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    out,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Every HTML page of a built site, as URL paths ("/", "/topics/gitops/", "/404.html"). */
export async function htmlPages(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .map((f) => '/' + f.replace(/(^|\/)index\.html$/, '$1'))
    .sort()
}
