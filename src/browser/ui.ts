/**
 * Browser entry (assets/search-ui.js): the search interface, the header boxes as comboboxes
 * and the search page. site.js loads it when a reader first reaches for a search box (at once
 * on the search page), so pages that are only read stay light; it runs the engine
 * (assets/search.js) in a worker, or on the page from disk.
 */
import { searchClient } from './client.ts'
import { enhanceHeaderSearch } from './combobox.ts'
import { startSearchPage } from './page.ts'

declare global {
  interface Window {
    RECAP_UI_STARTED?: boolean
  }
}

function startSearchUi(): void {
  if (window.RECAP_UI_STARTED) return
  window.RECAP_UI_STARTED = true
  // One client per box (each answers its own latest query); they share one engine.
  const page = document.querySelector<HTMLFormElement>('form[data-search-page]')
  if (page) startSearchPage(page, searchClient())
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) enhanceHeaderSearch(form, searchClient())
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startSearchUi)
else startSearchUi()
