/**
 * Files the page fetches for the search worker while the worker starts. The index is needed
 * first, and a worker could only ask for it once its own script had arrived and run: one
 * round trip after another. The page asks for both at once and hands the index over, then
 * the dictionary shards the first query needs, while the worker may still be starting.
 *
 * The index is loaded on the page as a script element, as a page opened from disk loads it
 * (src/browser/search.ts), so that the search page's `<link rel="preload" as="script">` is used
 * both ways: over http by this script element, from disk by the engine's. A fetch() preload
 * could only be used over http, and from disk the browser refuses it with a CORS error and then
 * warns that it went unused. The shards, which no page preloads, are fetched as text.
 *
 * `coming` is posted as soon as the worker is made, before any search request, so the worker
 * waits for the page's copy rather than fetching the file too; `handed` follows with its
 * data (or text), or why it could not be had. Each handed file is used once: a retry fetches it anew.
 */
import { callbackName, parseChunkScript } from '../search/format.ts'

export type Handover = { coming: string } | { handed: string; text: string } | { handed: string; data: unknown } | { handed: string; error: string }

/** A file's text over HTTP; `file` (its site path) names it in the error. */
export async function fetchText(url: string, file: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
  return response.text()
}

/** Chunk scripts loaded on this page, by name, until they call back. */
const loading = new Map<string, (data: unknown) => void>()

/** A chunk script's data, loaded as a script element: it calls `RECAP_SEARCH(name, data)`. */
function loadChunkScript(url: string, name: string, file: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    window[callbackName] ??= (called, data) => {
      loading.get(called)?.(data)
      loading.delete(called)
    }
    loading.set(name, resolve)
    const script = document.createElement('script')
    script.src = url
    script.onload = () => script.remove()
    script.onerror = () => {
      loading.delete(name)
      script.remove()
      reject(new Error(`${file} could not be loaded`))
    }
    document.head.append(script)
  })
}

/**
 * The page side: load the index (`file`, whose chunk is called `name`) for the worker and hand
 * it over. `then` may name, from its data, more files the worker will want next (the dictionary
 * shards of the first query): they are announced before the index is handed over, so the
 * worker, which can only ask for them once it has the index, never asks for them itself.
 */
export function handOver(worker: Worker, root: string, file: string, name: string, then?: (data: unknown) => string[]): void {
  const url = root + file
  worker.postMessage({ coming: url } satisfies Handover)
  loadChunkScript(url, name, file).then(
    (data) => {
      let next: string[] = []
      try {
        next = then?.(data) ?? []
      } catch {
        // Only a head start: the worker reads the files itself, and says what is wrong with them.
      }
      for (const f of next) worker.postMessage({ coming: root + f } satisfies Handover)
      worker.postMessage({ handed: url, data } satisfies Handover)
      for (const f of next) deliver(worker, root, f)
    },
    (error: unknown) => worker.postMessage({ handed: url, error: error instanceof Error ? error.message : String(error) } satisfies Handover),
  )
}

/** A file fetched as text and handed over. */
function deliver(worker: Worker, root: string, file: string): void {
  const url = root + file
  fetchText(url, file).then(
    (text) => worker.postMessage({ handed: url, text } satisfies Handover),
    (error: unknown) => worker.postMessage({ handed: url, error: error instanceof Error ? error.message : String(error) } satisfies Handover),
  )
}

/** The worker side: what the page said it would hand over, and a fetch for everything else. */
export function handedFiles() {
  const waiting = new Map<string, Promise<unknown>>()
  const settlers = new Map<string, (handed: { data: unknown } | Error) => void>()
  return {
    /** Takes a Handover message; false for any other message. */
    receive(message: unknown): boolean {
      if (typeof message !== 'object' || message === null) return false
      if ('coming' in message) {
        const url = String(message.coming)
        const data = new Promise<unknown>((resolve, reject) => settlers.set(url, (h) => (h instanceof Error ? reject(h) : resolve(h.data))))
        // Not asked for yet when it fails: not an unhandled rejection.
        data.catch(() => undefined)
        waiting.set(url, data)
        return true
      }
      if ('handed' in message) {
        const url = String(message.handed)
        const settle = settlers.get(url)
        settlers.delete(url)
        if (!settle) return true
        if ('data' in message) settle({ data: message.data })
        else if ('text' in message) {
          try {
            settle({ data: parseChunkScript(String(message.text)).data })
          } catch (error) {
            settle(error instanceof Error ? error : new Error(String(error)))
          }
        } else settle(new Error(String((message as { error?: unknown }).error)))
        return true
      }
      return false
    },
    /** The file's data: the page's copy if it is handing one over, else fetched and read here. */
    data(root: string, file: string): Promise<unknown> {
      const url = root + file
      const fromPage = waiting.get(url)
      waiting.delete(url)
      return fromPage ?? fetchText(url, file).then((text) => parseChunkScript(text).data)
    },
  }
}
