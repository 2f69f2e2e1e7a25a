/** DOM helpers for search: every text goes in as a text node, never parsed as HTML. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v)
  node.append(...children)
  return node
}

export const kindLabels: Record<string, string> = { talk: 'Talk', keynote: 'Keynote', bof: 'BoF', workshop: 'Workshop', lightning: 'Lightning talks', note: 'Note' }
export const linkLabels = { topic: 'Topic', project: 'Project', conference: 'Conference', speaker: 'Speaker' } as const

/** Href from this page to a site path, as this page's own links are written (relative, so sub-paths work). */
export function siteHref(sitePath: string): string {
  const src = document.querySelector('script[src$="assets/site.js"]')?.getAttribute('src') ?? 'assets/site.js'
  const root = src.replace(/assets\/site\.js$/, '')
  const [pathPart, query] = sitePath.split('?', 2) as [string, string | undefined]
  // Opened from disk, "topics/" is a folder listing: point at its index.html.
  const file = location.protocol === 'file:' && (pathPart === '' || pathPart.endsWith('/')) ? 'index.html' : ''
  return root + pathPart + file + (query === undefined ? '' : `?${query}`)
}

/** Calls fn once typing pauses for `ms`; `cancel` drops a pending call (Enter searched already). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const call = (...args: A) => {
    clearTimeout(timer)
    timer = setTimeout(() => fn(...args), ms)
  }
  return Object.assign(call, { cancel: () => clearTimeout(timer) })
}

/** Whether a key event comes from somewhere the reader types text. */
export function isTyping(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null
  return !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))
}
