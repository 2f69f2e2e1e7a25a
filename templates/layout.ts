/**
 * The frame of every page: header with navigation and search box, main, footer.
 * Templates build hast with hastscript's h (templates/h.ts), so every string is escaped when serialized.
 */
import type { ElementContent, Root } from 'hast'
import { h } from './h.ts'
import type { Site } from '../src/link/graph.ts'
import type { SitePath } from '../src/paths.ts'
import { PreRendered } from '../src/emit/html.ts'
import { plural } from './parts.ts'

export interface PageContext {
  /** The page's own place in the site. */
  path: SitePath
  /** Href from this page to another place in the site. */
  href: (to: string, hash?: string) => string
  site: Site
  /** Whether the site has an Atom feed (built with --site-url). */
  feed: boolean
}

export type NavKey = 'home' | 'reports' | 'sessions' | 'speakers' | 'topics' | 'projects' | 'conferences' | 'search'

export interface PageFrame {
  title: string
  description: string
  current?: NavKey
  main: (ElementContent | null)[]
}

const nav: { key: NavKey; label: string; to: string }[] = [
  { key: 'reports', label: 'Reports', to: 'reports/' },
  { key: 'sessions', label: 'Sessions', to: 'sessions/' },
  { key: 'speakers', label: 'Speakers', to: 'speakers/' },
  { key: 'topics', label: 'Topics', to: 'topics/' },
  { key: 'projects', label: 'Projects', to: 'projects/' },
  { key: 'conferences', label: 'Conferences', to: 'conferences/' },
]

export function layout(ctx: PageContext, frame: PageFrame): Root {
  const title = frame.current === 'home' ? frame.title : `${frame.title} · Recap`
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('meta', { name: 'description', content: frame.description }),
          headLinks(ctx),
        ]),
        h('body', [
          h('a.skip-link', { href: '#main' }, 'Skip to content'),
          siteHeader(ctx, frame.current),
          h('main#main', { tabIndex: -1 }, frame.main.filter((c): c is ElementContent => c !== null)),
          siteFooter(ctx),
        ]),
      ]),
    ],
  }
}

/**
 * The frame is the same on every page at the same depth with the same current item: it is
 * serialized once per key, and each key lists every value its part is built from.
 */
const parts = new PreRendered()

/** The head after the page's own title and description: colour scheme, style, icon, feed, script. */
function headLinks(ctx: PageContext): ElementContent {
  const style = ctx.href('assets/style.css')
  const icon = ctx.href('assets/favicon.svg')
  const feed = ctx.feed ? ctx.href('feed.xml') : null
  const script = ctx.href('assets/site.js')
  return parts.get(JSON.stringify(['head', style, icon, feed, script]), () => [
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    h('link', { rel: 'stylesheet', href: style }),
    h('link', { rel: 'icon', href: icon, type: 'image/svg+xml' }),
    ...(feed === null ? [] : [h('link', { rel: 'alternate', type: 'application/atom+xml', title: 'Recap: new reports', href: feed })]),
    h('script', { src: script, defer: true }),
  ])
}

function siteHeader(ctx: PageContext, current: NavKey | undefined): ElementContent {
  const home = ctx.href('')
  const items = nav.map((item) => ({ ...item, href: ctx.href(item.to) }))
  // searchForm links to ctx.href('search/'): in the key as `search`.
  const search = ctx.href('search/')
  return parts.get(JSON.stringify(['header', current ?? null, home, items.map((i) => i.href), search]), () =>
    h('header.site-header', [
      h('div.header-inner', [
        h('a.brand', { href: home, ...(current === 'home' ? { ariaCurrent: 'page' } : {}) }, [h('span.brand-mark', { ariaHidden: 'true' }, '◆'), ' Recap']),
        h('nav.site-nav', { ariaLabel: 'Main' }, h('ul', items.map((item) => h('li', h('a', { href: item.href, ...(current === item.key ? { ariaCurrent: 'page' } : {}) }, item.label))))),
        // The search page has its own box: one box per page.
        current === 'search' ? null : searchForm(ctx, 'header'),
      ]),
    ]),
  )
}

function siteFooter(ctx: PageContext): ElementContent {
  const reports = ctx.site.reports.length
  const data = ctx.href('data/index.json')
  const search = ctx.href('search/')
  return parts.get(JSON.stringify(['footer', reports, data, search]), () =>
    h('footer.site-footer', [
      h('p', [`Built by Recap from ${plural(reports, 'trip report')}. `, h('a', { href: data }, 'Data'), ' · ', h('a', { href: search }, 'Search')]),
    ]),
  )
}

/**
 * The search form. Without JavaScript it goes to the search page; with it, the header box
 * becomes a combobox whose results drop down as you type, focused by "/" or Ctrl/Cmd-K.
 */
export function searchForm(ctx: PageContext, where: 'header' | 'page', value = ''): ElementContent {
  const id = `search-${where}`
  return h('form.search-form', { role: 'search', ariaLabel: where === 'header' ? 'Site search' : 'Search sessions and notes', action: ctx.href('search/'), method: 'get', dataSearchForm: where }, [
    h('label.visually-hidden', { for: id }, 'Search sessions and notes'),
    h('input', {
      id,
      type: 'search',
      name: 'q',
      value,
      // The keyboard hint is added by site.js where a keyboard is likely: the shortcuts need it.
      placeholder: where === 'header' ? 'Search' : 'Search sessions, topics, projects…',
      autocomplete: 'off',
      ...(where === 'header' ? { dataSearchShortcut: '/' } : {}),
    }),
    h('button', { type: 'submit' }, 'Search'),
  ])
}
