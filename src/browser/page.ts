/**
 * The search page: results update as the reader types. The URL is the state
 * (?q=&year=&kind=&topic=): typing replaces the current history entry, a filter change or
 * Enter adds one, so results can be shared and the back button works. A year or city in the
 * query shows as a chip; removing the chip removes the word.
 */
import type { Filters, SearchOptions, SearchResult } from '../search/query.ts'
import type { SearchClient } from './client.ts'
import { clipQuery } from '../search/words.ts'
import { debounce, el, kindLabels, linkLabels, siteHref } from './dom.ts'

const filterNames = ['year', 'kind', 'topic'] as const
const pageSize = 20
/** About as many results as a laptop screen shows under the search form. */
export const firstScreen = 5

export function startSearchPage(form: HTMLFormElement, client: SearchClient): void {
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')
  const status = document.getElementById('search-status')
  const linksBox = document.querySelector<HTMLElement>('[data-search-links]')
  const chipsBox = document.querySelector<HTMLElement>('[data-search-chips]')
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  if (!list || !status || !linksBox || !chipsBox || !input) return
  const sectionCount = Number(list.dataset.sectionCount ?? 0)
  // The result a reader opened from here, kept in this history entry: Back focuses it again.
  let reopen = openedEntry()
  const topicNames = new Map([...form.querySelectorAll<HTMLOptionElement>('select[name="topic"] option')].map((o) => [o.value, o.textContent ?? o.value]))
  const field = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!
  let limit = reopen?.limit ?? pageSize

  const readUrl = () => {
    const params = new URLSearchParams(location.search)
    input.value = params.get('q') ?? ''
    for (const name of filterNames) {
      const select = field(name)
      const value = params.get(name) ?? ''
      select.value = [...select.options].some((o) => o.value === value) ? value : ''
    }
  }

  const filters = (): Filters => {
    const f: Filters = {}
    if (field('year').value) f.year = Number(field('year').value)
    if (field('kind').value) f.kind = field('kind').value
    if (field('topic').value) f.topic = field('topic').value
    return f
  }

  const urlFor = () => {
    const params = new URLSearchParams()
    if (input.value.trim()) params.set('q', input.value.trim())
    for (const name of filterNames) if (field(name).value) params.set(name, field(name).value)
    const query = params.toString()
    return query ? `?${query}` : location.pathname
  }
  const writeUrl = (mode: 'push' | 'replace') => {
    const url = urlFor()
    if (new URL(url, location.href).href === location.href) return
    try {
      if (mode === 'push') history.pushState(null, '', url)
      else history.replaceState(null, '', url)
    } catch {
      // Some browsers refuse history changes on file:// pages; the search still runs.
    }
  }

  const run = async () => {
    list.setAttribute('aria-busy', 'true')
    const query = input.value
    try {
      // Titles first, then again with snippets (section texts): the first results show
      // before any text is loaded. Into an empty list, titles of the first screenful only:
      // each result's title may be in a chunk of its own, and the first result should not
      // wait for the twentieth (a list already shown is replaced whole, so it does not
      // shrink and grow as the reader types). Undefined: a newer query will settle the list.
      const quick = list.querySelector('li.result') ? limit : Math.min(limit, firstScreen)
      const titles = await client.search(query, filters(), searchOptions(quick, false))
      if (!titles) return
      render(titles, query, quick < limit)
      if (titles.hits.length > 0) {
        const full = await client.search(query, filters(), searchOptions(limit))
        if (!full) return
        render(full, query)
      }
    } catch (error) {
      list.replaceChildren()
      status.textContent = `The search index could not be loaded (${(error as Error).message}). Rebuild the site with "npm run build".`
    }
    list.setAttribute('aria-busy', 'false')
  }

  /** `partial`: the first results only, the rest still loading (no "Show more" yet). */
  const render = (result: SearchResult, query: string, partial = false) => {
    list.replaceChildren()
    linksBox.replaceChildren()
    chipsBox.replaceChildren()
    linksBox.hidden = result.links.length === 0
    if (result.links.length) {
      linksBox.append(
        el('h2', { class: 'visually-hidden' }, 'Topics, projects, conferences and speakers'),
        el('ul', { class: 'chips' }, ...result.links.map((l) => el('li', {}, el('a', { class: 'chip', href: siteHref(l.url) }, `${linkLabels[l.type]}: ${l.name}`)))),
      )
    }
    chipsBox.hidden = result.chips.length === 0
    for (const chip of result.chips) {
      const remove = el('button', { type: 'button', class: 'chip chip-remove' }, el('span', { class: 'visually-hidden' }, 'Remove filter '), `${chip.filter === 'year' ? 'Year' : 'City'}: ${chip.label} `, el('span', { 'aria-hidden': 'true' }, '×'))
      remove.addEventListener('click', () => {
        input.value = removeWord(input.value, chip.word)
        writeUrl('push')
        void run()
        input.focus()
      })
      chipsBox.append(remove)
    }
    const f = filters()
    const filtered = Object.keys(f).length > 0 || result.chips.length > 0
    if (result.words.length === 0) {
      status.textContent = query.trim()
        ? 'Those are all very common words; add a more specific one.'
        : `Type words to search ${sectionCount} sessions and notes: a project, a topic, a speaker or any phrase.`
      return
    }
    const corrected = result.corrected ? ` Showing results for “${clipQuery(result.corrected)}”.` : ''
    if (result.hits.length === 0 && !filtered && result.links.length) {
      // A quick link answers the query ("barcelona": the conference): the spelling is fine.
      status.textContent = `No section mentions “${clipQuery(query)}”; see the link below.`
      return
    }
    if (result.hits.length === 0) {
      status.replaceChildren(`No results for “${clipQuery(query)}”${filtered ? ' with these filters' : ''}.${corrected} `)
      if (filtered && result.unfilteredCount > 0 && Object.keys(f).length > 0) {
        const clear = el('button', { type: 'button', class: 'link-button' }, `Show ${result.unfilteredCount} without filters`)
        clear.addEventListener('click', () => {
          for (const name of filterNames) field(name).value = ''
          writeUrl('push')
          void run()
        })
        status.append(clear)
      } else if (result.unfilteredCount > 0 && result.chips.length > 0) {
        // The filter came from the query ("istio 2019"): offer the results without its words.
        const words = result.chips.map((c) => c.word)
        const clear = el('button', { type: 'button', class: 'link-button' }, `Show ${result.unfilteredCount} without “${words.join(' ')}”`)
        clear.addEventListener('click', () => {
          for (const word of words) input.value = removeWord(input.value, word)
          writeUrl('push')
          void run()
        })
        status.append(clear)
      } else {
        status.append('Check the spelling or try fewer words.')
      }
      return
    }
    status.textContent = `${result.total} result${result.total === 1 ? '' : 's'} for “${clipQuery(query)}”${filtered ? ' (filtered)' : ''}.${corrected}`
    for (const hit of result.hits) {
      const d = hit.document
      const snippet = hit.snippet.length ? el('p', { class: 'snippet' }, ...hit.snippet.map((part) => (part.mark ? el('mark', {}, part.text) : part.text))) : ''
      const chips = el('ul', { class: 'chips', 'aria-label': 'Topics' }, ...d.topics.map((t) => el('li', {}, el('a', { class: 'chip', href: siteHref(`topics/${t}/`), tabindex: '-1' }, topicNames.get(t) ?? t))))
      list.append(
        el(
          'li',
          { class: 'result' },
          el('a', { class: 'result-title', href: siteHref(d.url) }, d.title),
          ' ',
          el('span', { class: `kind kind-${d.kind}` }, kindLabels[d.kind] ?? d.kind),
          el('p', { class: 'meta' }, `${d.report} · ${d.conferenceName} · ${d.year}`),
          d.topics.length ? chips : '',
          snippet,
        ),
      )
    }
    if (reopen) {
      const opened = linkTo(reopen.href)
      // The first results show before the rest, which replace them: focused in each, kept
      // until the full list (the opened one may be in it only).
      opened?.focus()
      if (!partial) reopen = undefined
    }
    if (!partial && result.total > result.hits.length) {
      const more = el('button', { type: 'button', class: 'link-button' }, `Show more (${result.hits.length} of ${result.total})`)
      more.addEventListener('click', () => {
        limit += pageSize
        void run()
      })
      list.append(el('li', { class: 'more' }, more))
    }
  }

  const linkTo = (href: string) => resultLinks().find((a) => a.getAttribute('href') === href)

  // Arrow keys move through the quick links, then the results; Enter opens the focused one (it is a link).
  const resultLinks = () => [...linksBox.querySelectorAll<HTMLAnchorElement>('a.chip'), ...list.querySelectorAll<HTMLAnchorElement>('a.result-title')]
  const onArrow = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const links = resultLinks()
    if (links.length === 0) return
    const current = links.indexOf(document.activeElement as HTMLAnchorElement)
    event.preventDefault()
    if (current === -1) {
      if (event.key === 'ArrowDown') links[0]!.focus()
      return
    }
    const next = current + (event.key === 'ArrowDown' ? 1 : -1)
    if (next < 0) input.focus()
    else links[Math.min(next, links.length - 1)]!.focus()
  }
  // Opening a result (click, Enter, middle-click) notes it in this history entry, for Back.
  const noteOpened = (event: MouseEvent) => {
    const href = (event.target as Element | null)?.closest?.('a')?.getAttribute('href')
    if (!href) return
    try {
      history.replaceState({ ...(history.state as object | null), opened: { href, limit } satisfies Opened }, '')
    } catch {
      // Refused on some file:// pages: Back then focuses nothing in particular.
    }
  }
  list.addEventListener('click', noteOpened)
  linksBox.addEventListener('click', noteOpened)
  list.addEventListener('auxclick', noteOpened)
  linksBox.addEventListener('auxclick', noteOpened)
  // Restored from the back-forward cache: the page is as it was left, focus apart.
  window.addEventListener('pageshow', (event) => {
    const opened = event.persisted ? openedEntry() : undefined
    if (opened) linkTo(opened.href)?.focus()
  })
  list.addEventListener('keydown', onArrow)
  linksBox.addEventListener('keydown', onArrow)
  input.addEventListener('keydown', onArrow)

  const typed = debounce(() => {
    reopen = undefined
    limit = pageSize
    writeUrl('replace')
    void run()
  }, 80)
  input.addEventListener('input', typed)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    typed.cancel()
    limit = pageSize
    writeUrl('push')
    void run()
  })
  for (const name of filterNames) {
    field(name).addEventListener('change', () => {
      typed.cancel()
      limit = pageSize
      writeUrl('push')
      void run()
    })
  }
  window.addEventListener('popstate', () => {
    readUrl()
    void run()
  })

  readUrl()
  void run()
  if (!input.value && !reopen) input.focus()
}

interface Opened {
  /** The link's href, as written in the page. */
  href: string
  /** How many results were shown ("Show more"), so the opened one is shown again. */
  limit: number
}

/** The result opened from this history entry, if any. */
function openedEntry(): Opened | undefined {
  const opened = (history.state as { opened?: Partial<Opened> } | null)?.opened
  if (!opened || typeof opened.href !== 'string') return undefined
  const limit = typeof opened.limit === 'number' && opened.limit > 0 && opened.limit <= 1000 ? opened.limit : pageSize
  return { href: opened.href, limit }
}

/**
 * What the search boxes ask of the query module besides the query and filters: how many
 * results, and whether with snippets. How the query is read (the last word completed, typos
 * corrected, a year made a filter) is the module's own default, which `recap search` uses
 * too, so the page and the command line find the same.
 */
export function searchOptions(limit: number, snippets = true): SearchOptions {
  return snippets ? { limit } : { limit, snippets: false }
}

/** The query without one of its words (a removed chip), as the reader wrote the rest. */
export function removeWord(query: string, word: string): string {
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu')
  return query.replace(pattern, '$1').replace(/\s{2,}/g, ' ').trim()
}
