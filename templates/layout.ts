/**
 * The frame of every page: header with navigation and search box, main, footer.
 * Templates build hast with hastscript, so every string is escaped when serialized.
 */
import type { ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Site } from '../src/link/graph.ts'
import type { SitePath } from '../src/paths.ts'

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
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          h('link', { rel: 'stylesheet', href: ctx.href('assets/style.css') }),
          h('link', { rel: 'icon', href: ctx.href('assets/favicon.svg'), type: 'image/svg+xml' }),
          ctx.feed ? h('link', { rel: 'alternate', type: 'application/atom+xml', title: 'Recap: new reports', href: ctx.href('feed.xml') }) : null,
          h('script', { src: ctx.href('assets/site.js'), defer: true }),
        ]),
        h('body', [
          h('a.skip-link', { href: '#main' }, 'Skip to content'),
          h('header.site-header', [
            h('div.header-inner', [
              h('a.brand', { href: ctx.href(''), ...(frame.current === 'home' ? { ariaCurrent: 'page' } : {}) }, [
                h('span.brand-mark', { ariaHidden: 'true' }, '◆'),
                ' Recap',
              ]),
              h(
                'nav.site-nav',
                { ariaLabel: 'Main' },
                h(
                  'ul',
                  nav.map((item) =>
                    h('li', h('a', { href: ctx.href(item.to), ...(frame.current === item.key ? { ariaCurrent: 'page' } : {}) }, item.label)),
                  ),
                ),
              ),
              // The search page has its own box: one box per page.
              frame.current === 'search' ? null : searchForm(ctx, 'header'),
            ]),
          ]),
          h('main#main', { tabIndex: -1 }, frame.main.filter((c): c is ElementContent => c !== null)),
          h('footer.site-footer', [
            h('p', [
              'Built by Recap from ',
              String(ctx.site.reports.length),
              ' trip reports. ',
              h('a', { href: ctx.href('data/index.json') }, 'Data'),
              ' · ',
              h('a', { href: ctx.href('search/') }, 'Search'),
            ]),
          ]),
        ]),
      ]),
    ],
  }
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
      placeholder: where === 'header' ? 'Search (press / or Ctrl+K)' : 'Search sessions, topics, projects…',
      autocomplete: 'off',
      ...(where === 'header' ? { dataSearchShortcut: '/' } : {}),
    }),
    h('button', { type: 'submit' }, 'Search'),
  ])
}
