/** The built index read from an output folder on disk (command-line search, benchmark). */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseSearchIndexScript } from '../emit/search-index.ts'
import { chunkFile, indexFile, parseChunkScript } from './format.ts'
import { chunkSource, type ChunkSource } from './source.ts'

/** Throws with code ENOENT when the site has not been built. */
export async function fileSource(outDir: string): Promise<ChunkSource> {
  const manifest = parseSearchIndexScript(await readFile(path.join(outDir, indexFile), 'utf8'))
  return chunkSource(manifest, async (name) => parseChunkScript(await readFile(path.join(outDir, chunkFile(name)), 'utf8')).data)
}
