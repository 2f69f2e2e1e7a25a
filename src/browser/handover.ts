/**
 * Files the page fetches for the search worker while the worker starts. The index is needed
 * first, and a worker could only ask for it once its own script had arrived and run: one
 * round trip after another. The page asks for both at once and hands the index over, then
 * the dictionary shards the first query needs, while the worker may still be starting.
 *
 * `coming` is posted as soon as the worker is made, before any search request, so the worker
 * waits for the page's copy rather than fetching the file too; `handed` follows with its
 * text, or why it could not be had. Each handed file is used once: a retry fetches it anew.
 */
export type Handover = { coming: string } | { handed: string; text: string } | { handed: string; error: string }

/** A file's text over HTTP; `file` (its site path) names it in the error. */
export async function fetchText(url: string, file: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
  return response.text()
}

/**
 * The page side: fetch `file` for the worker and hand it over. `then` may name, from its
 * text, more files the worker will want next (the dictionary shards of the first query):
 * they are announced before the text is handed over, so the worker, which can only ask for
 * them once it has that text, never asks for them itself.
 */
export function handOver(worker: Worker, root: string, file: string, then?: (text: string) => string[]): void {
  worker.postMessage({ coming: root + file } satisfies Handover)
  deliver(worker, root, file, then)
}

function deliver(worker: Worker, root: string, file: string, then?: (text: string) => string[]): void {
  const url = root + file
  fetchText(url, file).then(
    (text) => {
      let next: string[] = []
      try {
        next = then?.(text) ?? []
      } catch {
        // Only a head start: the worker reads the file itself, and says what is wrong with it.
      }
      for (const f of next) worker.postMessage({ coming: root + f } satisfies Handover)
      worker.postMessage({ handed: url, text } satisfies Handover)
      for (const f of next) deliver(worker, root, f)
    },
    (error: unknown) => worker.postMessage({ handed: url, error: error instanceof Error ? error.message : String(error) } satisfies Handover),
  )
}

/** The worker side: what the page said it would hand over, and a fetch for everything else. */
export function handedFiles() {
  const waiting = new Map<string, Promise<string>>()
  const settlers = new Map<string, (text: string | Error) => void>()
  return {
    /** Takes a Handover message; false for any other message. */
    receive(message: unknown): boolean {
      if (typeof message !== 'object' || message === null) return false
      if ('coming' in message) {
        const url = String(message.coming)
        const text = new Promise<string>((resolve, reject) => settlers.set(url, (t) => (t instanceof Error ? reject(t) : resolve(t))))
        // Not asked for yet when it fails: not an unhandled rejection.
        text.catch(() => undefined)
        waiting.set(url, text)
        return true
      }
      if ('handed' in message) {
        const url = String(message.handed)
        settlers.get(url)?.('text' in message ? String(message.text) : new Error(String((message as { error?: unknown }).error)))
        settlers.delete(url)
        return true
      }
      return false
    },
    /** The file's text: the page's copy if it is handing one over, else fetched here. */
    text(root: string, file: string): Promise<string> {
      const url = root + file
      const fromPage = waiting.get(url)
      waiting.delete(url)
      return fromPage ?? fetchText(url, file)
    },
  }
}
