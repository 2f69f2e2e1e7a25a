/**
 * The site as a build shows it, held compactly. Pages and data show each section's content
 * with its auto-links (see autolink.ts); a build serializes that content once, as a fragment
 * whose site links each page fills in (html.ts), and keeps only its bytes. A parsed tree takes
 * some ten times the memory of its HTML, and a site of 4,000 reports has some 48,000 of them:
 * held as trees, they and their auto-linked copies were a third of a build's live memory;
 * held as JSON and parsed again for each page, they were a fifth of the write stage's time.
 *
 * Every read of `content` gives a new root, so a template may change what it is given without
 * touching another page. The dev server keeps trees instead (withAutolinks): it renders a few
 * pages at a time and reuses them across edits.
 */
import type { Root } from 'hast'
import type { Section, Site } from '../link/graph.ts'
import { autolink, siteAutolinkOptions } from './autolink.ts'
import { fragmentNode, serializeFragment } from './html.ts'

/** `site` with every section's content auto-linked and held as a fragment; the input is left as it is. */
export function compactShownSite(site: Site): Site {
  const options = siteAutolinkOptions(site)
  const sections: Section[] = site.sections.map(({ content, ...rest }) => {
    const linked = autolink(content, options)
    const fragment = serializeFragment(linked)
    // A getter in the literal, not defineProperty: the section keeps V8's fast properties
    // (defineProperty turned each into a dictionary of some 1.3 KB).
    if (fragment) {
      return {
        ...rest,
        get content(): Root {
          return { type: 'root', children: [fragmentNode(fragment)] }
        },
      }
    }
    // Text with the characters that mark a fragment's slots: kept as JSON, as UTF-8 bytes.
    // JSON.stringify escapes lone surrogates, so the bytes read back to the same text.
    const json = Buffer.from(JSON.stringify(linked))
    return {
      ...rest,
      get content(): Root {
        return JSON.parse(json.toString('utf8')) as Root
      },
    }
  })
  return { ...site, sections, section: new Map(sections.map((s) => [s.id, s])) }
}

/**
 * For a build, which shows the linked site once: the compact site, with the linked site's
 * parsed trees let go and nothing ranked kept. `compactShownSite` alone leaves the trees in
 * place, and the linked site's lazy parts (each topic's mentions, related sections) keep its
 * sections, and with them every tree, alive until the last page is written. Here each
 * linked section's content becomes a stand-in that throws when read, so a page that reached a
 * tree through the linked site fails the build instead of showing nothing.
 */
export function takeShownSite(site: Site): Site {
  const shown = compactShownSite(site)
  for (const s of site.sections) s.content = letGo
  // Each section's related sections are shown twice (its page, its data file), far apart:
  // ranked again, they cost less time than keeping every section's costs memory.
  const { rank } = site.related
  return { ...shown, related: { get: rank, rank } }
}

/** What a linked section's content is once `takeShownSite` has taken it. */
const letGo: Root = Object.freeze({
  type: 'root',
  get children(): never {
    throw new Error('Bug in Recap: a page read section content from the linked site after the build let it go; it must read the shown site.')
  },
}) as unknown as Root
