/**
 * The data export under data/: the same records the pages use, as public JSON.
 * Ids stand for references; `url` is absolute under the site's base path.
 * Documented in the README ("Data files"); tests hold the shape.
 */
import { toHtml } from 'hast-util-to-html'
import type { Site } from '../link/graph.ts'
import { resolveSiteLinks } from './site-links.ts'
import { absoluteHref } from '../paths.ts'
import type { OutputFile } from './write.ts'

export function dataFiles(site: Site, base: string): OutputFile[] {
  const url = (p: string) => absoluteHref(base, p)
  const reports = site.reports.map((r) => ({
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
  }))
  const sections = site.sections.map((s) => ({
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
    html: toHtml(resolveSiteLinks(s.content, url)),
    wordCount: s.wordCount,
    previous: s.previous ?? null,
    next: s.next ?? null,
    related: s.related,
    url: url(s.url),
  }))
  const topics = site.topics.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    aliases: t.aliases,
    sections: t.sections,
    projects: t.projects,
    cooccurring: t.cooccurring,
    trend: t.trend,
    url: url(t.url),
  }))
  const projects = site.projects.map((p) => ({
    id: p.id,
    name: p.name,
    aliases: p.aliases,
    topics: p.topics,
    homepage: p.homepage ?? null,
    sections: p.sections,
    url: url(p.url),
  }))
  const conferences = site.conferences.map((c) => ({
    id: c.id,
    name: c.name,
    year: c.year,
    city: c.city,
    country: c.country ?? null,
    dates: c.dates ?? null,
    attendance: c.attendance ?? null,
    homepage: c.homepage ?? null,
    reports: c.reports,
    sessions: c.sessions,
    url: url(c.url),
  }))
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'
  return [
    { path: 'data/reports.json', content: json(reports) },
    { path: 'data/sections.json', content: json(sections) },
    { path: 'data/topics.json', content: json(topics) },
    { path: 'data/projects.json', content: json(projects) },
    { path: 'data/conferences.json', content: json(conferences) },
  ]
}
