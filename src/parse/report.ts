/**
 * Parse: a validated report → its sections with plain text and sanitized HTML.
 * This is the only place Markdown is parsed; later stages work on these records.
 */
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import { maxSlugBytes, sitePath, slugify } from '../paths.ts'
import { problem, type Problem } from '../problems.ts'
import { sessionKinds, type FrontMatter, type SectionKind } from '../validate/schema.ts'
import type { ValidatedReport } from '../validate/content.ts'
import type { Element, Root as HastRoot } from 'hast'
import { visit } from 'unist-util-visit'
import { parseMarkdown, plainText, sectionContent, countWords, type FragmentLink } from './markdown.ts'
import { cutSections } from './sections.ts'
import { findDeepNesting, maxNesting } from './nesting.ts'
import { editDistance } from '../validate/yaml.ts'
import type { Speaker } from './structure/speakers.ts'
import type { FileReference } from './references.ts'

export interface ParsedSection {
  slug: string
  title: string
  kind: SectionKind
  speakers: Speaker[]
  /** Topics the author set with topics="…". */
  authorTopics: string[]
  level: number
  group?: string
  /** Line in the report file. */
  line: number
  text: string
  /** Sanitized content as hast. */
  content: HastRoot
  wordCount: number
}

/** A group's `id` is its heading's id on the report page (see groupIds). */
export type OutlineItem = { type: 'section'; slug: string; level: number } | { type: 'group'; title: string; level: number; id: string }

export interface ParsedReport {
  id: string
  file: string
  frontMatter: FrontMatter
  sections: ParsedSection[]
  outline: OutlineItem[]
  /** Its images and links to files, with their lines in the report file (see references.ts). */
  references: FileReference[]
}

/** A report's folder relative to the content folder, with "/": "reports" for content/reports/x.md. */
export function reportFolder(file: string, contentDir: string): string {
  return path.relative(path.resolve(contentDir), path.dirname(path.resolve(file))).split(path.sep).join('/')
}

/** `folder`: the report's folder relative to the content folder (reportFolder), which relative paths start from. */
export function parseReport(report: ValidatedReport, topicIds: readonly string[], folder = 'reports'): { report: ParsedReport; problems: Problem[] } {
  const problems: Problem[] = []
  const toFileLine = (bodyLine: number) => bodyLine + report.bodyLine - 1
  // Checked before the parser runs: it recurses once per level.
  const deep = findDeepNesting(report.body)
  if (deep) {
    const tooDeep = problem('tooDeep', { file: report.file, line: toFileLine(deep.line) }, { what: deep.what, limit: maxNesting })
    return { report: { id: report.id, file: report.file, frontMatter: report.frontMatter, sections: [], outline: [], references: [] }, problems: [tooDeep] }
  }
  const { tree, file } = parseMarkdown(report.body, report.file)

  for (const message of file.messages) {
    if (!message.fatal) continue
    const place = { file: report.file, line: toFileLine(message.line ?? 1), column: message.column ?? 1 }
    if (message.ruleId === 'unknown-session-kind') {
      problems.push(problem('unknownSessionKind', place, { kind: message.actual ?? '', known: sessionKinds }))
    } else {
      problems.push(problem('badAttributes', place, { reason: message.actual ?? message.reason }))
    }
  }

  const slugger = new GithubSlugger()
  const sections: ParsedSection[] = []
  const outline: (OutlineItem | { type: 'group'; title: string; level: number })[] = []
  const knownTopics = new Set(topicIds)
  const slugLines = new Map<string, number>()
  const references = { folder, found: [] as FileReference[], fragments: [] as FragmentLink[], missingAlt: [] as { line: number; column: number }[] }

  for (const item of cutSections(tree)) {
    if (item.type === 'group') {
      outline.push({ type: 'group', title: item.group.title, level: item.group.level })
      continue
    }
    const cut = item.section
    const line = toFileLine(cut.line)
    // slugify keeps the slug non-empty and short enough for a folder name; the slugger makes it unique.
    const slug = cut.attributes.id ?? slugger.slug(slugify(cut.title))
    if (cut.attributes.id && cut.attributes.id.length > maxSlugBytes) {
      problems.push(problem('badAttributes', { file: report.file, line, field: '#id' }, { reason: `the #id is ${cut.attributes.id.length} characters long; use at most ${maxSlugBytes}` }))
    }
    if (cut.attributes.id) {
      const first = slugLines.get(slug)
      if (first !== undefined) {
        problems.push(problem('duplicateId', { file: report.file, line, field: '#id' }, { id: slug, kind: 'section', first: `${report.file}:${first}` }))
      }
      slugger.slug(slug) // reserve it so a later title cannot take it
    }
    slugLines.set(slug, line)
    for (const topic of cut.attributes.topics) {
      if (!knownTopics.has(topic)) {
        problems.push(problem('unknownTopic', { file: report.file, line, field: 'topics' }, { id: topic, known: [...topicIds] }))
      }
    }
    const text = plainText(cut.nodes)
    if (text === '') problems.push(problem('emptySection', { file: report.file, line }, { title: cut.title }, 'warning'))
    sections.push({
      slug,
      title: cut.title,
      kind: cut.attributes.kind,
      speakers: cut.attributes.speakers,
      authorTopics: cut.attributes.topics.filter((t) => knownTopics.has(t)),
      level: cut.level,
      ...(cut.group ? { group: cut.group } : {}),
      line,
      text,
      content: sectionContent(cut.nodes, cut.depth, references),
      wordCount: countWords(text),
    })
    outline.push({ type: 'section', slug, level: cut.level })
  }

  for (const r of references.found) r.line = toFileLine(r.line)
  const groupId = groupIds(sections.map((s) => s.slug))
  const withIds: OutlineItem[] = outline.map((item) => (item.type === 'group' ? { ...item, id: groupId(item.title) } : item))
  const contentIds = new Set<string>()
  for (const s of sections) collectIds(s.content, contentIds)
  for (const s of sections) pointFragmentsAtReport(s.content, report.id, contentIds)
  for (const at of references.missingAlt) problems.push(problem('imageWithoutAlt', { file: report.file, line: toFileLine(at.line), column: at.column }, {}, 'warning'))
  problems.push(...missingAnchors(references.fragments, withIds, contentIds, { file: report.file, toFileLine }))
  return { report: { id: report.id, file: report.file, frontMatter: report.frontMatter, sections, outline: withIds, references: references.found }, problems }
}

/** Ids the report page's own parts use (templates/layout.ts): a heading never takes them. */
export const pageIds = ['main', 'search-header']

/**
 * Group headings ("Day 1") get the id a reader would link to, "day-1", as on GitHub; one that
 * a section or an earlier group already has, or that the page itself uses, gets "group-day-1".
 */
function groupIds(sectionSlugs: string[]): (title: string) => string {
  const taken = new Set([...pageIds, ...sectionSlugs])
  return (title) => {
    const slug = slugify(title)
    let id = taken.has(slug) ? `group-${slug}` : slug
    for (let n = 2; taken.has(id); n++) id = `group-${slug}-${n}`
    taken.add(id)
    return id
  }
}

function collectIds(content: HastRoot, into: Set<string>): void {
  visit(content, 'element', (el: Element) => {
    if (typeof el.properties.id === 'string') into.add(el.properties.id)
  })
}

/**
 * A link to "#…" that no heading or element of the report has: it goes nowhere on the site.
 * The warning names the id nearest to the one written ("talk-1-1-…" for "talk-11-…").
 */
function missingAnchors(links: FragmentLink[], outline: OutlineItem[], contentIds: Set<string>, at: { file: string; toFileLine: (line: number) => number }): Problem[] {
  const headings = outline.map((item) => (item.type === 'group' ? item.id : item.slug))
  const known = new Set([...pageIds, ...headings, ...contentIds])
  const problems: Problem[] = []
  // One search per fragment, for the first few: a report full of broken links must not cost links × headings.
  const nearestOf = new Map<string, string | undefined>()
  for (const link of links) {
    if (known.has(link.fragment) || contentIds.has(clobbered + link.fragment)) continue
    if (!nearestOf.has(link.fragment) && nearestOf.size < suggestedFragments) nearestOf.set(link.fragment, nearestId(link.fragment, headings))
    const nearest = nearestOf.get(link.fragment)
    problems.push(problem('missingAnchor', { file: at.file, line: at.toFileLine(link.line), column: link.column }, { fragment: link.fragment, ...(nearest ? { nearest } : {}) }, 'warning'))
  }
  return problems
}

/** How many different missing fragments of one report get a suggestion. */
const suggestedFragments = 20

/** The heading id most like `fragment`; case counts, as it does in a browser. */
function nearestId(fragment: string, ids: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const id of ids) {
    // Ids are at most 100 bytes (maxSlugBytes, or an error); so is the part of the fragment compared.
    const d = editDistance(fragment.slice(0, maxSlugBytes), id.slice(0, maxSlugBytes))
    if (d < bestDistance) [best, bestDistance] = [id, d]
  }
  return best
}

/**
 * A link to "#day-1" in a report means a heading of that report, on the report's page: the
 * link goes there from every page that shows the section (its own page, one folder deeper,
 * and the data files). A fragment whose element is in the section itself (a footnote) stays
 * on whichever page shows the section.
 */
/** What sanitizing puts before every id in report content. */
const clobbered = 'user-content-'

function pointFragmentsAtReport(content: HastRoot, reportId: string, reportIds: ReadonlySet<string>): void {
  const own = new Set<string>()
  visit(content, 'element', (el: Element) => {
    if (typeof el.properties.id === 'string') own.add(el.properties.id)
  })
  visit(content, 'element', (el: Element) => {
    const href = el.properties.href
    if (el.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return
    let fragment = href.slice(1)
    try {
      fragment = decodeURIComponent(fragment)
    } catch {
      return
    }
    // Sanitizing prefixes ids (DOM clobbering), not the links to them: a footnote's "#fn-1"
    // (written "#user-content-fn-1") means the element now called "user-content-…" of it.
    if (own.has(clobbered + fragment)) el.properties.href = '#' + encodeURIComponent(clobbered + fragment).replace(/%2F/g, '/')
    // An element of another section (`<a name="x">` there) has its prefixed id on the report page.
    else if (!own.has(fragment) && reportIds.has(clobbered + fragment)) el.properties.dataSitePath = sitePath('reports', reportId) + '#' + encodeURIComponent(clobbered + fragment).replace(/%2F/g, '/')
    else if (!own.has(fragment)) el.properties.dataSitePath = sitePath('reports', reportId) + href
  })
}

