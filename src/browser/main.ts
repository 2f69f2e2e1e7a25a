/**
 * Browser entry (assets/site.js), on every page: small, progressive enhancements only; every
 * page works without it. The search interface (assets/search-ui.js) loads when a reader first
 * focuses a search box, or at once on the search page.
 */
import { isTyping } from './dom.ts'

/** Load assets/search-ui.js once, next to this script (so sub-paths and file:// work). */
function loadSearch(): void {
  if (document.querySelector('script[data-recap-search]')) return
  const own = document.querySelector<HTMLScriptElement>('script[src$="assets/site.js"]')
  if (!own) return
  const script = document.createElement('script')
  script.src = own.src.replace(/site\.js$/, 'search-ui.js')
  script.dataset.recapSearch = ''
  document.head.append(script)
}

/** "/" (outside a text field) and Ctrl/Cmd-K (anywhere) focus the search box. */
function bindSearchShortcuts(box: HTMLInputElement): void {
  document.addEventListener('keydown', (event) => {
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)
    const k = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey
    if (!slash && !k) return
    event.preventDefault()
    box.focus()
    box.select()
  })
}

/**
 * With a mouse and a wide enough box, the header box says how to reach it from the keyboard.
 * Not on phones: no keyboard to press "/" on, and the hint would be cut to "Search (press".
 */
function hintShortcuts(boxes: HTMLInputElement[]): void {
  const desktop = window.matchMedia('(hover: hover) and (pointer: fine) and (min-width: 641px)')
  const mac = /Mac|iPhone|iPad/.test(navigator.platform)
  const fit = () => {
    for (const box of boxes) {
      if (box.dataset.searchShortcut === undefined) continue
      box.placeholder = desktop.matches ? `Search (press / or ${mac ? '⌘K' : 'Ctrl+K'})` : 'Search'
    }
  }
  fit()
  desktop.addEventListener('change', fit)
}

/**
 * Opened from disk (file://), a link to "topics/" shows a folder listing rather than
 * the page: point directory links at their index.html instead.
 */
function fixLinksForFileProtocol(): void {
  if (location.protocol !== 'file:') return
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = a.getAttribute('href')!
    if (/^[a-z]+:/i.test(href) || href.startsWith('#')) continue
    a.setAttribute('href', href.replace(/(^|\/)(#|$)/, '$1index.html$2'))
  }
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action]')) {
    const action = form.getAttribute('action')!
    if (action.endsWith('/')) form.setAttribute('action', action + 'index.html')
  }
}

/**
 * The report's "On this page" list: a rail beside the text on wide screens, following the
 * scroll (the section in view is marked); folded into a disclosure on narrow ones.
 */
function followContents(): void {
  const details = document.querySelector<HTMLDetailsElement>('.toc-details')
  if (!details) return
  const wide = window.matchMedia('(min-width: 1024px)')
  const fit = () => (details.open = wide.matches)
  fit()
  wide.addEventListener('change', fit)
  const links = new Map<string, HTMLAnchorElement>()
  for (const a of details.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) links.set(decodeURIComponent(a.hash.slice(1)), a)
  const sections = [...document.querySelectorAll<HTMLElement>('.report-section')].filter((s) => links.has(s.id))
  if (sections.length === 0 || !('IntersectionObserver' in window)) return
  let current: HTMLAnchorElement | undefined
  const rail = details.closest<HTMLElement>('.toc')
  const observer = new IntersectionObserver(
    (entries) => {
      const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0]
      const link = visible && links.get((visible.target as HTMLElement).id)
      if (!link || link === current) return
      current?.removeAttribute('aria-current')
      link.setAttribute('aria-current', 'location')
      current = link
      reveal(rail, link)
    },
    // The band just under the sticky header: the section whose top is there is the one being read.
    { rootMargin: '-20% 0px -70% 0px' },
  )
  for (const s of sections) observer.observe(s)
}

/**
 * Scrolls the rail, not the page, so that the marked entry stays in view: on a long report the
 * rail is a scrolled box of its own. The entry goes a third of the way down, so the next few show.
 */
function reveal(rail: HTMLElement | null, link: HTMLElement): void {
  if (!rail || rail.scrollHeight <= rail.clientHeight) return
  const box = rail.getBoundingClientRect()
  const at = link.getBoundingClientRect()
  if (at.top >= box.top && at.bottom <= box.bottom) return
  rail.scrollTop += at.top - box.top - rail.clientHeight / 3
}

function start(): void {
  fixLinksForFileProtocol()
  const page = document.querySelector<HTMLFormElement>('form[data-search-page]')
  const boxes = [...document.querySelectorAll<HTMLInputElement>('form[data-search-form] input[name="q"]')]
  if (page) loadSearch()
  for (const box of boxes) box.addEventListener('focus', loadSearch, { once: true })
  const box = page?.querySelector<HTMLInputElement>('input[name="q"]') ?? boxes[0]
  if (box) bindSearchShortcuts(box)
  hintShortcuts(boxes)
  followContents()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
