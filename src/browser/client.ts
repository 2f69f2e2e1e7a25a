/**
 * The page side of search: sends queries to the engine (assets/search.js) in a Web Worker,
 * or, where a page may not start one (opened from disk), loads the engine with a script
 * element. The engine is fetched on first use, so pages that never search never load it.
 */
import { indexFile, shardFilesFor, type Manifest } from '../search/format.ts'
import type { Filters, SearchOptions, SearchResult } from '../search/query.ts'
import { handOver } from './handover.ts'
import type { PageEngine, SearchRequest, SearchResponse } from './search.ts'

export interface SearchClient {
  /** Resolves with the result, or with undefined when a newer query has replaced this one. */
  search(input: string, filters?: Filters, options?: SearchOptions): Promise<SearchResult | undefined>
}

/** Absolute URL of the site root, from the address of this very script. */
export function siteRoot(): string {
  const script = document.querySelector<HTMLScriptElement>('script[src$="assets/site.js"]')
  return script ? script.src.replace(/assets\/site\.js$/, '') : new URL('./', location.href).href
}

type Send = (request: SearchRequest) => Promise<SearchResponse>

/** `input`: the first query, whose dictionary shards are fetched with the index. */
function startWorker(root: string, input: string): Send | undefined {
  if (location.protocol === 'file:' || typeof Worker === 'undefined') return undefined
  let worker: Worker
  try {
    worker = new Worker(root + 'assets/search.js')
  } catch {
    return undefined
  }
  // The index and the first query's shards, fetched here while the worker's own script loads and starts.
  handOver(worker, root, indexFile, 'index', (data) => shardFilesFor(data as Manifest, input))
  const waiting = new Map<number, (r: SearchResponse) => void>()
  worker.addEventListener('message', (event: MessageEvent<SearchResponse>) => {
    waiting.get(event.data.id)?.(event.data)
    waiting.delete(event.data.id)
  })
  const failure = 'The search engine could not be started.'
  let broken = false
  worker.addEventListener('error', () => {
    broken = true
    for (const [id, resolve] of waiting) resolve({ id, error: failure })
    waiting.clear()
  })
  return (request) =>
    new Promise((resolve) => {
      // A worker that failed to start never answers: say so at once.
      if (broken) return resolve({ id: request.id, error: failure })
      waiting.set(request.id, resolve)
      worker.postMessage(request)
    })
}

function loadPageEngine(root: string): Promise<PageEngine> {
  if (window.RECAP_ENGINE) return Promise.resolve(window.RECAP_ENGINE)
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = root + 'assets/search.js'
    script.onload = () => (window.RECAP_ENGINE ? resolve(window.RECAP_ENGINE) : reject(new Error('no search engine')))
    script.onerror = () => reject(new Error('The search engine could not be loaded.'))
    document.head.append(script)
  })
}

/** One engine per page, shared by every box on it. */
const engines = new Map<string, Send>()
let next = 0

export function searchClient(root = siteRoot()): SearchClient {
  let latest = 0
  const connect = (input: string): Send => {
    let send = engines.get(root)
    if (!send) engines.set(root, (send = startWorker(root, input) ?? (async (request) => (await loadPageEngine(root)).search(request))))
    return send
  }
  return {
    async search(input, filters = {}, options = {}) {
      const id = ++next
      latest = id
      const response = await connect(input)({ id, root, input, filters, options })
      if (id !== latest) return undefined
      if ('error' in response) throw new Error(response.error)
      return response.result
    },
  }
}
