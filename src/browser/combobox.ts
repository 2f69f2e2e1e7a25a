/**
 * The header search box as a combobox (WAI-ARIA 1.2 pattern, list autocomplete): results
 * drop down as the reader types; arrow keys move through them (aria-activedescendant, focus
 * stays in the box), Enter opens the highlighted one or, with none, the search page; Esc
 * closes the list, then clears the box. Each option is a real link, so a click or a
 * middle-click works as on any link.
 */
import type { SearchResult } from '../search/query.ts'
import type { SearchClient } from './client.ts'
import { clipQuery } from '../search/words.ts'
import { debounce, el, kindLabels, linkLabels, siteHref } from './dom.ts'
import { searchOptions } from './page.ts'

const shown = 6

export function enhanceHeaderSearch(form: HTMLFormElement, client: SearchClient): HTMLInputElement | undefined {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  if (!input) return undefined
  const listId = `${input.id}-listbox`
  const status = el('p', { class: 'search-popup-status', role: 'status', 'aria-live': 'polite' })
  const list = el('ul', { id: listId, role: 'listbox', 'aria-label': 'Search results' })
  const popup = el('div', { class: 'search-popup' }, status, list)
  popup.hidden = true
  form.append(popup)
  form.classList.add('has-popup')
  Object.entries({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-haspopup': 'listbox' }).forEach(([k, v]) => input.setAttribute(k, v))

  let active = -1
  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')]
  const setActive = (index: number) => {
    const all = options()
    active = all.length === 0 ? -1 : index < -1 ? all.length - 1 : index >= all.length ? -1 : index
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)))
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active]!.id)
      all[active]!.scrollIntoView({ block: 'nearest' })
    } else input.removeAttribute('aria-activedescendant')
  }
  const open = () => {
    popup.hidden = false
    input.setAttribute('aria-expanded', 'true')
  }
  const close = () => {
    popup.hidden = true
    input.setAttribute('aria-expanded', 'false')
    setActive(-1)
  }

  const render = (result: SearchResult, query: string) => {
    list.replaceChildren()
    active = -1
    input.removeAttribute('aria-activedescendant')
    const items: { label: (Node | string)[]; href: string; className: string }[] = []
    for (const link of result.links) items.push({ label: [`${linkLabels[link.type]}: `, el('strong', {}, link.name)], href: siteHref(link.url), className: 'option-link' })
    for (const hit of result.hits.slice(0, shown)) {
      const d = hit.document
      items.push({
        label: [el('span', { class: 'option-title' }, d.title), el('span', { class: 'option-meta' }, `${kindLabels[d.kind] ?? d.kind} · ${d.conferenceName} · ${d.report}`)],
        href: siteHref(d.url),
        className: 'option-hit',
      })
    }
    const all = `search/?${new URLSearchParams({ q: query.trim() })}`
    if (result.words.length > 0) items.push({ label: [seeAll(result.total)], href: siteHref(all), className: 'option-all' })
    items.forEach((item, i) => {
      // The option is the link itself: a link inside an option would be a control nested in
      // a control (axe: nested-interactive), and as a link it still opens with a click or in a new tab.
      list.append(el('li', { role: 'none', class: item.className }, el('a', { id: `${input.id}-option-${i}`, role: 'option', 'aria-selected': 'false', href: item.href, tabindex: '-1' }, ...item.label)))
    })
    const places = result.chips.map((chip) => (chip.filter === 'year' ? `in ${chip.label}` : `at ${chip.label}`))
    const notes = [...(result.corrected ? [`Showing results for “${clipQuery(result.corrected)}”`] : []), ...places]
    if (result.words.length === 0) status.textContent = query.trim() ? 'Those are all very common words; add a more specific one.' : ''
    else if (result.total === 0) status.textContent = `No sections mention “${clipQuery(result.words.join(' '))}”${places.map((p) => ' ' + p).join('')}.`
    else status.textContent = `${result.total} result${result.total === 1 ? '' : 's'}${notes.length ? ` · ${notes.join(', ')}` : ''}`
  }

  const run = async () => {
    const query = input.value
    if (!query.trim()) {
      close()
      return
    }
    try {
      const result = await client.search(query, {}, searchOptions(shown, false))
      if (!result || input.value !== query) return
      render(result, query)
      if (document.activeElement === input) open()
    } catch (error) {
      list.replaceChildren()
      status.textContent = `Search is unavailable: ${(error as Error).message}`
      open()
    }
  }
  const runSoon = debounce(run, 80)

  input.addEventListener('input', runSoon)
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount > 0) open()
  })
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (popup.hidden) {
        if (input.value.trim()) void run().then(() => setActive(event.key === 'ArrowDown' ? 0 : -2))
        return
      }
      setActive(event.key === 'ArrowDown' ? active + 1 : active === -1 ? -2 : active - 1)
    } else if (event.key === 'Enter' && !popup.hidden && active >= 0) {
      event.preventDefault()
      options()[active]!.click()
    } else if (event.key === 'Escape') {
      if (!popup.hidden) {
        event.preventDefault()
        close()
      } else if (input.value) {
        event.preventDefault()
        input.value = ''
      }
    }
  })
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close()
  })
  // Typed before this script arrived: answer what is there.
  if (document.activeElement === input && input.value.trim()) runSoon()
  return input
}

/** The last option, to the search page. */
function seeAll(total: number): string {
  if (total === 0) return 'Open the search page'
  return total === 1 ? 'See 1 result' : `See all ${total} results`
}
