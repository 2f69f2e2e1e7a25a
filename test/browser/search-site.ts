/** The search fixture site (test/search/fixture.ts) built for browser tests. */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from '../../src/build.ts'
import { buildSearchIndex, searchIndexFiles } from '../../src/emit/search-index.ts'
import { readSite } from '../../src/pipeline.ts'
import { chunkFolder } from '../../src/search/format.ts'
import { makeContent, realContent, removeDir, tempDir } from '../helpers.ts'
import { fixtureReports } from '../search/fixture.ts'

/** Build the fixture site, with its search index split into many small chunks. */
export async function buildFixtureSite(): Promise<string> {
  const content = await makeContent(fixtureReports, false, realContent)
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

