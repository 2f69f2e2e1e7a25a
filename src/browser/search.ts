/**
 * The search page. The URL is the state (?q=&year=&kind=&topic=), so results can be shared
 * and the back button works. Results are built with DOM methods and textContent only: no
 * text from a query or a report is ever parsed as HTML.
 */
import { Searcher, type Filters, type SearchData, type SearchResult } from '../search/query.ts'

declare global {
  interface Window {
    RECAP_SEARCH?: SearchData
  }
}

const kindLabels: Record<string, string> = { talk: 'Talk', keynote: 'Keynote', bof: 'BoF', workshop: 'Workshop', lightning: 'Lightning talks', note: 'Note' }
const filterNames = ['year', 'kind', 'topic'] as const

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v)
  node.append(...children)
  return node
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search-page]')
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')
  const status = document.getElementById('search-status')
  const linksBox = document.querySelector<HTMLElement>('[data-search-links]')
  if (!form || !list || !status || !linksBox) return
  const data = window.RECAP_SEARCH
  if (!data) {
    status.textContent = 'The search index could not be loaded. Rebuild the site with "npm run build".'
    return
  }
  const searcher = new Searcher(data)
  const root = list.dataset.siteRoot ?? '../'
  const fromDisk = location.protocol === 'file:'
  const href = (sitePath: string) => root + sitePath + (fromDisk && (sitePath === '' || sitePath.endsWith('/')) ? 'index.html' : '')
  const topicNames = new Map(data.topics.map((t) => [t.id, t.name]))
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!
  const field = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!

  const readUrl = () => {
    const params = new URLSearchParams(location.search)
    input.value = params.get('q') ?? ''
    for (const name of filterNames) {
      const select = field(name)
      const value = params.get(name) ?? ''
      select.value = [...select.options].some((o) => o.value === value) ? value : ''
    }
    // Keep the header box in step with the page.
    const header = document.querySelector<HTMLInputElement>('input[data-search-shortcut]')
    if (header) header.value = input.value
  }

  const filters = (): Filters => {
    const f: Filters = {}
    const year = field('year').value
    if (year) f.year = Number(year)
    if (field('kind').value) f.kind = field('kind').value
    if (field('topic').value) f.topic = field('topic').value
    return f
  }

  const writeUrl = () => {
    const params = new URLSearchParams()
    if (input.value.trim()) params.set('q', input.value.trim())
    for (const name of filterNames) if (field(name).value) params.set(name, field(name).value)
    const query = params.toString()
    try {
      history.pushState(null, '', query ? `?${query}` : location.pathname)
    } catch {
      // Some browsers refuse history changes on file:// pages; the search still runs.
    }
  }

  const run = () => {
    list.setAttribute('aria-busy', 'true')
    const query = input.value
    const result = searcher.search(query, filters())
    render(result, query)
    list.setAttribute('aria-busy', 'false')
  }

  const render = (result: SearchResult, query: string) => {
    list.replaceChildren()
    linksBox.replaceChildren()
    linksBox.hidden = result.links.length === 0
    if (result.links.length) {
      linksBox.append(
        el('h2', { class: 'visually-hidden' }, 'Topics and projects'),
        el('ul', { class: 'chips' }, ...result.links.map((l) => el('li', {}, el('a', { class: 'chip', href: href(l.url) }, `${l.type === 'topic' ? 'Topic' : 'Project'}: ${l.name}`)))),
      )
    }
    const f = filters()
    const filtered = Object.keys(f).length > 0
    if (result.words.length === 0) {
      status.textContent = query.trim()
        ? 'Those are all very common words; add a more specific one.'
        : `Type words to search ${data.documents.length} talks and notes: a project, a topic, a speaker or any phrase.`
      return
    }
    if (result.hits.length === 0) {
      status.replaceChildren(`No results for “${query.trim()}”${filtered ? ' with these filters' : ''}. `)
      if (filtered && result.unfilteredCount > 0) {
        const clear = el('button', { type: 'button', class: 'link-button' }, `Show ${result.unfilteredCount} without filters`)
        clear.addEventListener('click', () => {
          for (const name of filterNames) field(name).value = ''
          writeUrl()
          run()
        })
        status.append(clear)
      } else {
        status.append('Check the spelling or try fewer words.')
      }
      return
    }
    status.textContent = `${result.hits.length} result${result.hits.length === 1 ? '' : 's'} for “${query.trim()}”${filtered ? ' (filtered)' : ''}`
    for (const hit of result.hits) {
      const d = hit.document
      const snippet = el('p', { class: 'snippet' }, ...hit.snippet.map((part) => (part.mark ? el('mark', {}, part.text) : part.text)))
      const chips = el('ul', { class: 'chips', 'aria-label': 'Topics' }, ...d.topics.map((t) => el('li', {}, el('a', { class: 'chip', href: href(`topics/${t}/`), tabindex: '-1' }, topicNames.get(t) ?? t))))
      list.append(
        el(
          'li',
          { class: 'result' },
          el('a', { class: 'result-title', href: href(d.url) }, d.title),
          ' ',
          el('span', { class: `kind kind-${d.kind}` }, kindLabels[d.kind] ?? d.kind),
          el('p', { class: 'meta' }, `${d.report} · ${d.conferenceName} · ${d.year}`),
          d.topics.length ? chips : '',
          snippet,
        ),
      )
    }
  }

  // Arrow keys move through results; Enter opens the focused one (it is a link).
  const resultLinks = () => [...list.querySelectorAll<HTMLAnchorElement>('a.result-title')]
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
  list.addEventListener('keydown', onArrow)
  input.addEventListener('keydown', onArrow)

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    writeUrl()
    run()
  })
  for (const name of filterNames) {
    field(name).addEventListener('change', () => {
      writeUrl()
      run()
    })
  }
  window.addEventListener('popstate', () => {
    readUrl()
    run()
  })

  readUrl()
  run()
  if (!input.value) input.focus()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
