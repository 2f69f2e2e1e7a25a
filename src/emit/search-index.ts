/**
 * Where the search index is built: one lunr index over every section, serialized with a
 * small document store, written as a script that assigns it (so the search page works
 * from file:// too, where fetch() is not allowed).
 */
import lunr from 'lunr'
import type { Site } from '../link/graph.ts'
import type { SearchData, SearchDocument } from '../search/query.ts'
import { pack } from '../search/pack.ts'
import { configureBuilder, searchTerms } from '../search/terms.ts'
import type { OutputFile } from './write.ts'

/** Field boosts, tuned on the relevance set in test/search/queries.ts (npm run bench:search). */
export const boosts = { title: 8, topics: 2, projects: 4, speakers: 4, body: 1 }

export const searchIndexFile = 'assets/search-index.js'
export const searchGlobal = 'RECAP_SEARCH'

export function buildSearchData(site: Site): SearchData {
  return buildSearchIndex(site).data
}

/** The lunr index as built (for tests that compare it with the serialized one) and the data written. */
export function buildSearchIndex(site: Site): { index: lunr.Index; data: SearchData } {
  const namesOf = (items: { name: string; aliases: string[] }[]) => items.flatMap((i) => [i.name, ...i.aliases]).join(' · ')
  const index = lunr(function () {
    configureBuilder(this)
    this.ref('id')
    this.field('title', { boost: boosts.title })
    this.field('topics', { boost: boosts.topics })
    this.field('projects', { boost: boosts.projects })
    this.field('speakers', { boost: boosts.speakers })
    this.field('body', { boost: boosts.body })
    for (const s of site.sections) {
      this.add({
        id: s.id,
        title: s.title,
        topics: namesOf(s.topics.map((t) => site.topic.get(t)!)),
        projects: namesOf(s.projects.map((p) => site.project.get(p)!)),
        speakers: s.speakers.map((p) => (p.affiliation ? `${p.name} ${p.affiliation}` : p.name)).join(' · '),
        body: s.text,
      })
    }
  })

  const documents: SearchDocument[] = site.sections.map((s) => {
    const conference = site.conference.get(s.conference)!
    return {
      id: s.id,
      title: s.title,
      url: s.url,
      kind: s.kind,
      report: site.report.get(s.report)!.title,
      conference: conference.id,
      conferenceName: conference.name,
      year: s.year,
      topics: s.topics,
      text: s.text,
    }
  })
  const phrases = (names: string[]) => names.map((n) => searchTerms(n).map((t) => t.term))
  const links = [
    ...site.topics.map((t) => ({ type: 'topic' as const, id: t.id, name: t.name, url: t.url, phrases: phrases([t.name, ...t.aliases]) })),
    ...site.projects.map((p) => ({ type: 'project' as const, id: p.id, name: p.name, url: p.url, phrases: phrases([p.name, ...p.aliases]) })),
  ]
  const data: SearchData = {
    index: pack(index.toJSON(), site.sections.map((s) => s.id)),
    documents,
    links,
    topics: site.topics.filter((t) => t.sections.length > 0).map((t) => ({ id: t.id, name: t.name })),
    conferences: site.conferences.map((c) => ({ id: c.id, name: c.name, year: c.year })),
  }
  return { index, data }
}

export function searchIndexScript(data: SearchData): OutputFile {
  // JSON is valid JavaScript; "<" is escaped so no text can close a script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return { path: searchIndexFile, content: `window.${searchGlobal}=${json};\n` }
}

/** Read the data back from the script (the command-line search uses the built output). */
export function parseSearchIndexScript(script: string): SearchData {
  const prefix = `window.${searchGlobal}=`
  if (!script.startsWith(prefix)) throw new Error('not a Recap search index')
  return JSON.parse(script.slice(prefix.length).trim().replace(/;$/, '')) as SearchData
}
