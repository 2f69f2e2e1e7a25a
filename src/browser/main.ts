/** Browser entry (assets/site.js): small, progressive enhancements only; every page works without it. */
import { searchClient } from './client.ts'
import { enhanceHeaderSearch } from './combobox.ts'
import { isTyping } from './dom.ts'
import { startSearchPage } from './page.ts'

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
  fixLinksForFileProtocol()
  // One client per box (each answers its own latest query); they share one engine.
  const page = document.querySelector<HTMLFormElement>('form[data-search-page]')
  if (page) startSearchPage(page, searchClient())
  const boxes = [...document.querySelectorAll<HTMLFormElement>('form[data-search-form]')].map((form) => enhanceHeaderSearch(form, searchClient()))
  const box = page?.querySelector<HTMLInputElement>('input[name="q"]') ?? boxes[0]
  if (box) bindSearchShortcuts(box)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
