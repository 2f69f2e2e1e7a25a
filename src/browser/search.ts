/**
 * The search engine bundle (assets/search.js). Run as a Web Worker (served over http), it
 * answers queries off the main thread, fetching index chunks as they are needed. Loaded with
 * a script element (a page opened from disk, where workers and fetch() are refused), it
 * answers on the page, loading chunks as script elements. Either way the same Searcher runs.
 */
import { callbackName, chunkFile, indexFile, type Manifest } from '../search/format.ts'
import { Searcher, type Filters, type SearchOptions, type SearchResult } from '../search/query.ts'
import { chunkSource } from '../search/source.ts'
import { handedFiles, type Handover } from './handover.ts'

export interface SearchRequest {
  id: number
  /** Absolute URL of the site root, ending in "/". */
  root: string
  input: string
  filters: Filters
  options: SearchOptions
}

export type SearchResponse = { id: number; result: SearchResult } | { id: number; error: string }

export interface PageEngine {
  search(request: SearchRequest): Promise<SearchResponse>
}

declare global {
  interface Window {
    RECAP_ENGINE?: PageEngine
    RECAP_SEARCH?: (name: string, data: unknown) => void
  }
}

/** The result without section texts: only what a result shows crosses to the page. */
function slim(result: SearchResult): SearchResult {
  return { ...result, hits: result.hits.map((h) => ({ ...h, document: { ...h.document, text: '' } })) }
}

function engine(load: (root: string, file: string, name: string) => Promise<unknown>) {
  const searchers = new Map<string, Promise<Searcher>>()
  const searcherFor = (root: string) => {
    let searcher = searchers.get(root)
    if (!searcher) {
      searcher = (load(root, indexFile, 'index') as Promise<Manifest>).then((manifest) => new Searcher(chunkSource(manifest, (name) => load(root, chunkFile(name), name))))
      searcher.catch(() => searchers.delete(root))
      searchers.set(root, searcher)
    }
    return searcher
  }
  return async (request: SearchRequest): Promise<SearchResponse> => {
    try {
      const searcher = await searcherFor(request.root)
      return { id: request.id, result: slim(await searcher.search(request.input, request.filters, request.options)) }
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? error.message : String(error) }
    }
  }
}

const inWorker = typeof document === 'undefined'

if (inWorker) {
  const files = handedFiles()
  const answer = engine((root, file) => files.data(root, file))
  self.addEventListener('message', async (event: MessageEvent<SearchRequest | Handover>) => {
    if (files.receive(event.data)) return
    ;(self as unknown as Worker).postMessage(await answer(event.data as SearchRequest))
  })
} else {
  const waiting = new Map<string, { resolve: (data: unknown) => void; reject: (e: Error) => void }>()
  window[callbackName] = (name, data) => {
    waiting.get(name)?.resolve(data)
    waiting.delete(name)
  }
  const answer = engine(
    (root, file, name) =>
      new Promise((resolve, reject) => {
        waiting.set(name, { resolve, reject })
        const script = document.createElement('script')
        script.src = root + file
        script.onerror = () => {
          waiting.delete(name)
          reject(new Error(`${file} could not be loaded`))
        }
        script.onload = () => script.remove()
        document.head.append(script)
      }),
  )
  window.RECAP_ENGINE = { search: answer }
}
