/**
 * The site as a build shows it, held compactly. Pages and data show each section's content
 * with its auto-links (see autolink.ts); a build keeps that content as JSON text and makes
 * it a tree again only when a page or data file asks for it. A parsed tree takes about three
 * times the memory of its JSON, and a site of 4,000 reports has some 48,000 of them: held as
 * trees, they and their auto-linked copies were a third of a build's memory.
 *
 * Every read of `content` gives a new tree with the same nodes, so a template may change
 * what it is given without touching another page. The dev server keeps trees instead
 * (withAutolinks): it renders a few pages at a time and reuses them across edits.
 */
import type { Root } from 'hast'
import type { Section, Site } from '../link/graph.ts'
import { autolink, siteAutolinkOptions } from './autolink.ts'

/** `site` with every section's content auto-linked and held as JSON; the input is left as it is. */
export function compactShownSite(site: Site): Site {
  const options = siteAutolinkOptions(site)
  const sections: Section[] = site.sections.map((s) => {
    const json = JSON.stringify(autolink(s.content, options))
    const { content: _tree, ...rest } = s
    return Object.defineProperty(rest, 'content', {
      get: () => JSON.parse(json) as Root,
      enumerable: true,
    }) as Section
  })
  return { ...site, sections, section: new Map(sections.map((s) => [s.id, s])) }
}
