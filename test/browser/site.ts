/** A built and served copy of the real site for browser tests, and the guard for CI. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { build } from '../../src/build.ts'
import { serve } from '../../src/serve.ts'
import { realContent, removeDir, tempDir } from '../helpers.ts'
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

export async function serveBuiltSite(options: { siteUrl?: string } = {}): Promise<ServedSite> {
  const out = path.join(await tempDir(), 'site')
  await build({ contentDir: realContent, outDir: out, ...options })
  const server: http.Server = await serve({ outDir: out, host: '127.0.0.1', port: 0 })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    out,
    origin,
    async close() {
      await new Promise((resolve) => server.close(resolve))
      await removeDir(path.dirname(out))
    },
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
