/**
 * Parse: a validated report → its sections with plain text and sanitized HTML.
 * This is the only place Markdown is parsed; later stages work on these records.
 */
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import { maxSlugBytes, slugify } from '../paths.ts'
import { problem, type Problem } from '../problems.ts'
import { sessionKinds, type FrontMatter, type SectionKind } from '../validate/schema.ts'
import type { ValidatedReport } from '../validate/content.ts'
import type { Root as HastRoot } from 'hast'
import { parseMarkdown, plainText, sectionContent, countWords } from './markdown.ts'
import { cutSections } from './sections.ts'
import { findDeepNesting, maxNesting } from './nesting.ts'
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

export type OutlineItem = { type: 'section'; slug: string; level: number } | { type: 'group'; title: string; level: number }

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
  const outline: OutlineItem[] = []
  const knownTopics = new Set(topicIds)
  const slugLines = new Map<string, number>()
  const references = { folder, found: [] as FileReference[] }

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
  return { report: { id: report.id, file: report.file, frontMatter: report.frontMatter, sections, outline, references: references.found }, problems }
}
