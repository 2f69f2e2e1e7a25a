/** The search fixture site (test/search/fixture.ts) built for browser tests. */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { build } from '../../src/build.ts'
import { buildSearchIndex, searchIndexFiles } from '../../src/emit/search-index.ts'
import { readSite } from '../../src/pipeline.ts'
import { serve } from '../../src/serve.ts'
import { chunkFolder } from '../../src/search/format.ts'
import { removeDir, tempDir } from '../helpers.ts'
import { makeFixtureContent } from '../search/fixture.ts'
import { launchChromium } from './chromium.ts'

/** Build the fixture site, with its search index split into many small chunks. */
export async function buildFixtureSite(): Promise<string> {
  const content = await makeFixtureContent()
  const out = path.join(await tempDir(), 'site')
  await build({ contentDir: content, outDir: out, cacheDir: path.join(path.dirname(out), 'cache') })
  const { data } = buildSearchIndex((await readSite(content)).site, { singleFileBytes: 0, postingsChunkBytes: 2_000, textChunkBytes: 500, sectionChunkSize: 3 })
  await rm(path.join(out, chunkFolder), { recursive: true, force: true })
  for (const file of searchIndexFiles(data)) {
    await mkdir(path.dirname(path.join(out, file.path)), { recursive: true })
    await writeFile(path.join(out, file.path), file.content)
  }
  await removeDir(content)
  return out
}


/** The fixture site built, served on a free port, and a browser to open it; `close` undoes all three. */
export async function serveFixtureSite(): Promise<{ origin: string; browser: Browser; close: () => Promise<void> }> {
  const out = await buildFixtureSite()
  const server = await serve({ outDir: out, host: '127.0.0.1', port: 0 })
  const browser = await launchChromium()
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close()
      server.close()
      await removeDir(path.dirname(out))
    },
  }
}
