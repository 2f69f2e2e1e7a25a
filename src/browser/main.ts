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

function start(): void {
  bindSearchShortcut()
  fixLinksForFileProtocol()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
