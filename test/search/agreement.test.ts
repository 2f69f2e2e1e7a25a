/**
 * `recap search` and the search page give the same answer to the same query: both leave how
 * a query is read (the last word completed, typos corrected, a year made a filter) to the
 * query module. The command runs in-process; the page's side is its own options
 * (src/browser/page.ts) given to the same module over the same built files.
 */
import { describe, expect, inject, it } from 'vitest'
import { searchOptions } from '../../src/browser/page.ts'
import { fileSource } from '../../src/search/files.ts'
import { Searcher, type SearchResult } from '../../src/search/query.ts'
import { runCli } from '../helpers.ts'

// The fixture site, built once for the whole run by test/global-setup.ts.
const out = inject('fixtureSite')

/** What both show: the words searched, the correction, the quick links and the ranked sections. */
const shown = (r: Pick<SearchResult, 'words' | 'corrected'> & { links: { type: string; id: string }[]; hits: { id: string }[] }) => ({
  words: r.words,
  corrected: r.corrected,
  links: r.links.map((l) => `${l.type}:${l.id}`),
  hits: r.hits.map((h) => h.id),
})

describe('the command line and the search page', () => {
  it.each([
    // Completed as the page completes it while typed.
    ['promet'],
    ['linke'],
    // Typos, a finished word, a year as a filter, a speaker's surname, stop words.
    ['prometeus'],
    ['tracing'],
    ['linkerd 2019'],
    ['park'],
    ['the mesh of'],
    ['operators in the hall'],
  ])('find the same for %j', async (query) => {
    const page = await new Searcher(await fileSource(out)).search(query, {}, searchOptions(20))
    const cli = await runCli(['search', '--out', out, '--json', '--limit', '20', query])
    expect(cli.code).toBe(0)
    const printed = JSON.parse(cli.stdout) as Parameters<typeof shown>[0]
    expect(shown(printed)).toEqual(shown({ ...page, hits: page.hits.map((h) => h.document) }))
    // Not agreement on nothing: each query finds something.
    expect(page.hits.length + page.links.length, query).toBeGreaterThan(0)
  })
})
