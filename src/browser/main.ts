/** Browser entry: small, progressive enhancements only; every page works without it. */

/** "/" focuses the header search box, unless the reader is typing somewhere. */
function bindSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target as HTMLElement | null
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return
    const box = document.querySelector<HTMLInputElement>('input[data-search-shortcut]')
    if (!box) return
    event.preventDefault()
    box.focus()
    box.select()
  })
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
  const observer = new IntersectionObserver(
    (entries) => {
      const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0]
      const link = visible && links.get((visible.target as HTMLElement).id)
      if (!link || link === current) return
      current?.removeAttribute('aria-current')
      link.setAttribute('aria-current', 'location')
      current = link
    },
    // The band just under the sticky header: the section whose top is there is the one being read.
    { rootMargin: '-20% 0px -70% 0px' },
  )
  for (const s of sections) observer.observe(s)
}

function start(): void {
  bindSearchShortcut()
  fixLinksForFileProtocol()
  followContents()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
