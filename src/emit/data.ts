/**
 * The data export under data/: the same records the pages use, as public JSON.
 * Ids stand for references; `url` is absolute under the site's base path.
 *
 * Split so that no file grows with the whole corpus: `data/index.json` lists the
 * conferences (with the names of their files), topics and projects; each conference has
 * one file per record type, `data/<type>/<conference>.json`, for its reports, its sections
 * and its conference record with the topics and projects mentioned there.
 * Documented in the README ("Data files"); tests hold the shape.
 */
import { serializeHtml } from './html.ts'
import type { Site } from '../link/graph.ts'
import { absoluteHref } from '../paths.ts'
import type { LazyFile, OutputFile } from './write.ts'

export const dataIndexFile = 'data/index.json'
export const dataFile = (type: 'reports' | 'sections' | 'conferences', conference: string) => `data/${type}/${conference}.json`

/** What conferences.yml says of a conference, in the index and in its own file alike. */
function conferenceFacts(c: Site['conferences'][number]) {
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    city: c.city,
    country: c.country ?? null,
    dates: c.dates ?? null,
    attendance: c.attendance ?? null,
    homepage: c.homepage ?? null,
  }
}

/** Every data file with its bytes (the dev server keeps what it made). */
export function dataFiles(site: Site, base: string): OutputFile[] {
  return lazyDataFiles(site, base).map((f) => ({ path: f.path, content: f.render() }))
}

/**
 * Every data file, made only when it is written: at 4,000 reports the export is some 250 MB
 * of JSON, which a build never needs to hold at once.
 */
export function lazyDataFiles(site: Site, base: string): LazyFile[] {
  const url = (p: string) => absoluteHref(base, p)
  // Compact: indentation was a fifth of the export's bytes; `jq .` shows a file indented.
  const json = (value: unknown) => JSON.stringify(value) + '\n'
  const files: LazyFile[] = []

  const index = {
    conferences: site.conferences.map((c) => ({
      ...conferenceFacts(c),
      reportCount: c.reports.length,
      files: { conference: dataFile('conferences', c.id), reports: dataFile('reports', c.id), sections: dataFile('sections', c.id) },
      url: url(c.url),
    })),
    topics: site.topics.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      aliases: t.aliases,
      projects: t.projects,
      cooccurring: t.cooccurring,
      sectionCount: t.sections.length,
      url: url(t.url),
    })),
    projects: site.projects.map((p) => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      topics: p.topics,
      homepage: p.homepage ?? null,
      sectionCount: p.sections.length,
      url: url(p.url),
    })),
  }
  files.push({ path: dataIndexFile, render: () => json(index) })

  // Mentions per conference, gathered in one pass over each tag's groups.
  const topicsAt = new Map<string, object[]>()
  const projectsAt = new Map<string, object[]>()
  for (const t of site.topics) {
    const points = new Map(t.trend.map((p) => [p.conference, p]))
    for (const g of t.byYear) {
      const p = points.get(g.conference)!
      const list = topicsAt.get(g.conference) ?? []
      list.push({ id: t.id, sections: g.mentions.map((m) => m.section), count: p.count, focus: p.focus, total: p.total, share: p.share })
      topicsAt.set(g.conference, list)
    }
  }
  for (const p of site.projects) {
    for (const g of p.byYear) {
      const list = projectsAt.get(g.conference) ?? []
      list.push({ id: p.id, sections: g.mentions.map((m) => m.section) })
      projectsAt.set(g.conference, list)
    }
  }

  for (const c of site.conferences) {
    const reports = () => c.reports.map((id) => site.report.get(id)!)
    files.push({
      path: dataFile('conferences', c.id),
      render: () => json({
        ...conferenceFacts(c),
        reports: c.reports,
        sessions: c.sessions,
        topics: topicsAt.get(c.id) ?? [],
        projects: projectsAt.get(c.id) ?? [],
        url: url(c.url),
      }),
    })
    files.push({
      path: dataFile('reports', c.id),
      render: () => json(
        reports().map((r) => ({
          id: r.id,
          title: r.title,
          author: r.author ?? null,
          conference: r.conference,
          year: r.year,
          published: r.published ?? null,
          source: r.source ?? null,
          summary: r.summary,
          topics: r.topics,
          sections: r.sections,
          wordCount: r.wordCount,
          url: url(r.url),
        })),
      ),
    })
    files.push({
      path: dataFile('sections', c.id),
      render: () => json(
        reports().flatMap((r) =>
          r.sections.map((id) => {
            const s = site.section.get(id)!
            return {
              id: s.id,
              title: s.title,
              kind: s.kind,
              speakers: s.speakers,
              report: s.report,
              conference: s.conference,
              year: s.year,
              group: s.group ?? null,
              topics: s.topics,
              focus: s.focus,
              projects: s.projects,
              text: s.text,
              html: serializeHtml(s.content, { siteHref: url }),
              wordCount: s.wordCount,
              previous: s.previous ?? null,
              next: s.next ?? null,
              related: site.related.get(s.id),
              url: url(s.url),
            }
          }),
        ),
      ),
    })
  }
  return files
}
