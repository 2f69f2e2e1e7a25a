/**
 * Where a Searcher gets index chunks: from the manifest itself (single-file index), or from a
 * loader (files on disk, fetch in a worker, script elements from file://). Each chunk is
 * loaded once; later queries reuse it.
 */
import type { Manifest } from './format.ts'

export interface ChunkSource {
  manifest: Manifest
  load(name: string): Promise<unknown>
  /** Bytes of chunk data loaded so far (as JSON), for the benchmark. */
  loaded(): string[]
}

export function chunkSource(manifest: Manifest, loader: (name: string) => Promise<unknown>): ChunkSource {
  const cache = new Map<string, Promise<unknown>>()
  return {
    manifest,
    load(name) {
      let chunk = cache.get(name)
      if (!chunk) {
        const inline = manifest.inline?.[name]
        chunk = inline !== undefined ? Promise.resolve(inline) : loader(name)
        // A failed load is retried next time rather than remembered.
        chunk.catch(() => cache.delete(name))
        cache.set(name, chunk)
      }
      return chunk
    },
    loaded: () => [...cache.keys()],
  }
}

/** Everything in memory, as the build made it (tests, benchmark). */
export function memorySource(data: { manifest: Manifest; chunks: Map<string, unknown> }): ChunkSource {
  return chunkSource(data.manifest, async (name) => {
    if (!data.chunks.has(name)) throw new Error(`no search index chunk ${name}`)
    // Through JSON, as a reader gets it.
    return JSON.parse(JSON.stringify(data.chunks.get(name)))
  })
}
