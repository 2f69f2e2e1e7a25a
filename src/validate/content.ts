/**
 * Validate: turn the loaded text into typed entries. Front matter and data files go
 * through their schemas; ids are checked for duplicates and references across files.
 * Every problem is collected, so the user sees them all at once.
 */
import path from 'node:path'
import { isFrontMatterProblem, splitFrontMatter } from '../load/front-matter.ts'
import type { z } from 'zod'
import type { LoadedContent, SourceFile } from '../load/content.ts'
import { problem, type Problem } from '../problems.ts'
import { reportIdPattern } from '../paths.ts'
import {
  conferencesSchema,
  frontMatterSchema,
  peopleSchema,
  projectsSchema,
  topicsSchema,
  type ConferenceEntry,
  type FrontMatter,
  type PersonEntry,
  type ProjectEntry,
  type TopicEntry,
} from './schema.ts'
import { personKey } from '../link/people.ts'
import { check, parseYaml, type ParsedYaml, type Position } from './yaml.ts'

export interface ValidatedReport {
  id: string
  file: string
  frontMatter: FrontMatter
  /** Markdown after the front matter. */
  body: string
  /** Line of the file on which `body` starts (1-based), to report body positions as file lines. */
  bodyLine: number
}

export interface ValidatedContent {
  conferences: ConferenceEntry[]
  topics: TopicEntry[]
  projects: ProjectEntry[]
  /** From the optional people.yml; empty without it. */
  people: PersonEntry[]
  reports: ValidatedReport[]
  problems: Problem[]
  /**
   * The bodies of reports whose front matter has errors: parsed only for their own problems,
   * so that one pass reports the front matter and the body of a file together.
   */
  bodiesWithBadFrontMatter: Omit<ValidatedReport, 'frontMatter'>[]
  /** Where each topic is declared, for problems found later about a topic. */
  topicPlaces: Map<string, { file: string; line: number; column: number }>
}

export function validateContent(loaded: LoadedContent): ValidatedContent {
  const problems: Problem[] = [...loaded.problems]

  const conferences = remembered(loaded.conferences, 'conference', problems, (own) => validateDataFile(loaded.conferences, conferencesSchema, 'conference', own))
  const topics = remembered(loaded.topics, 'topic', problems, (own) => validateDataFile(loaded.topics, topicsSchema, 'topic', own))
  const projects = remembered(loaded.projects, 'project', problems, (own) => validateDataFile(loaded.projects, projectsSchema, 'project', own))
  const people = remembered(loaded.people, 'person', problems, (own) => validateDataFile(loaded.people, peopleSchema, 'person', own))
  if (loaded.people && people.ok) checkPeopleNames(people.entries, loaded.people.file, people.yaml!, problems)

  const conferenceIds = conferences.entries.map((c) => c.id)
  const topicIds = topics.entries.map((t) => t.id)
  const topicIdSet = new Set(topicIds)

  // A project's topics must exist (only checkable once topics.yml is good).
  if (loaded.projects && topics.ok) {
    projects.entries.forEach((p, i) =>
      p.topics.forEach((t, j) => {
        if (!topicIdSet.has(t)) {
          const place = { file: loaded.projects!.file, ...projects.yaml!.locate([i, 'topics', j], true), field: `[${i}].topics[${j}]` }
          problems.push(problem('unknownTopic', place, { id: t, known: topicIds }))
        }
      }),
    )
  }

  const reports: ValidatedReport[] = []
  const bodiesWithBadFrontMatter: ValidatedContent['bodiesWithBadFrontMatter'] = []
  const firstById = new Map<string, string>()
  for (const source of loaded.reports) {
    const report = remembered(source, 'report', problems, (own) => validateReport(source, own))
    if (!report) continue
    if (!report.frontMatter) {
      bodiesWithBadFrontMatter.push({ id: report.id, file: report.file, body: report.body, bodyLine: report.bodyLine })
      continue
    }
    const firstFile = firstById.get(report.id)
    if (firstFile) {
      problems.push(problem('duplicateId', { file: source.file }, { id: report.id, kind: 'report', first: firstFile }))
      continue
    }
    firstById.set(report.id, source.file)
    const fm = report.frontMatter
    if (conferences.ok && !conferenceIds.includes(fm.conference)) {
      problems.push(problem('unknownConference', { file: source.file, ...report.locate(['conference'], true), field: 'conference' }, { id: fm.conference, known: conferenceIds }))
    }
    if (topics.ok) {
      fm.topics.forEach((t, i) => {
        if (!topicIdSet.has(t)) {
          problems.push(problem('unknownTopic', { file: source.file, ...report.locate(['topics', i], true), field: `topics[${i}]` }, { id: t, known: topicIds }))
        }
      })
    }
    // The same record for the same text, so later stages can keep what they worked out from it.
    let record = records.get(report)
    if (!record) records.set(report, (record = { id: report.id, file: report.file, frontMatter: fm, body: report.body, bodyLine: report.bodyLine }))
    reports.push(record)
  }

  const topicPlaces = new Map(
    topics.entries.map((t, i) => [t.id, { file: loaded.topics!.file, ...topics.yaml!.locate([i, 'id'], true) }]),
  )
  return { conferences: conferences.entries, topics: topics.entries, projects: projects.entries, people: people.entries, reports, bodiesWithBadFrontMatter, problems, topicPlaces }
}

/**
 * Validation of one file depends on nothing but its text, so a process that validates again
 * (the dev server after an edit) takes unchanged files' results from here: one entry per
 * file and kind, replaced when the text changes. Results are shared, never changed, by
 * later stages.
 */
const memo = new Map<string, { text: string; result: unknown; problems: Problem[] }>()
const records = new WeakMap<object, ValidatedReport>()
/** Far above any content folder; past it the memo starts again rather than grow without end. */
const memoLimit = 50_000

/** Empties the memo: a one-shot build has no second validation to speed up (it holds every report's text). */
export function forgetValidations(): void {
  memo.clear()
}

function remembered<T>(source: SourceFile | undefined, kind: string, problems: Problem[], validate: (own: Problem[]) => T): T {
  if (!source) return validate(problems)
  const key = `${kind}\u0000${source.file}`
  const hit = memo.get(key)
  if (hit && hit.text === source.text) {
    problems.push(...hit.problems)
    return hit.result as T
  }
  const own: Problem[] = []
  const result = validate(own)
  if (memo.size >= memoLimit) memo.clear()
  memo.set(key, { text: source.text, result, problems: own })
  problems.push(...own)
  return result
}

/** One spelling names one person: a name or alias given to two people is an error at the second. */
function checkPeopleNames(entries: PersonEntry[], file: string, yaml: ParsedYaml, problems: Problem[]): void {
  const firstAt = new Map<string, { line: number; id: string }>()
  entries.forEach((p, i) => {
    ;[p.name, ...p.aliases].forEach((spelling, j) => {
      const key = personKey(spelling)
      const path = j === 0 ? [i, 'name'] : [i, 'aliases', j - 1]
      const pos = yaml.locate(path, true)
      const first = firstAt.get(key)
      if (first && first.id !== p.id) {
        problems.push(problem('sharedPersonName', { file, ...pos, field: j === 0 ? `[${i}].name` : `[${i}].aliases[${j - 1}]` }, { name: spelling, person: first.id, first: `${file}:${first.line}` }))
      } else if (!first) firstAt.set(key, { line: pos.line, id: p.id })
    })
  })
}

function validateDataFile<S extends z.ZodArray<z.ZodObject>>(
  source: SourceFile | undefined,
  schema: S,
  kind: string,
  problems: Problem[],
): { entries: z.infer<S>; ok: boolean; yaml?: ParsedYaml } {
  if (!source) return { entries: [] as z.infer<S>, ok: false }
  const yaml = parseYaml(source.text, source.file)
  if (yaml.problems.length) {
    problems.push(...yaml.problems)
    return { entries: [] as z.infer<S>, ok: false, yaml }
  }
  // An empty file is an empty list, not an error.
  const value = yaml.value ?? []
  const result = check(schema, value, yaml, source.file)
  problems.push(...result.problems)
  if (!result.data) return { entries: [] as z.infer<S>, ok: false, yaml }

  const firstAt = new Map<string, Position>()
  let ok = true
  for (const [i, entry] of (result.data as { id: string }[]).entries()) {
    const pos = yaml.locate([i, 'id'])
    const first = firstAt.get(entry.id)
    if (first) {
      ok = false
      problems.push(problem('duplicateId', { file: source.file, ...pos, field: `[${i}].id` }, { id: entry.id, kind, first: `${source.file}:${first.line}` }))
    } else firstAt.set(entry.id, pos)
  }
  return { entries: result.data, ok, yaml }
}

function validateReport(source: SourceFile, problems: Problem[]) {
  const { file, text } = source
  const id = path.basename(file).replace(/\.(md|markdown)$/, '')
  if (!reportIdPattern.test(id)) {
    problems.push(problem('badFileName', { file }, { name: path.basename(file) }))
    return undefined
  }

  const split = splitFrontMatter(text)
  if (isFrontMatterProblem(split)) {
    problems.push(problem('frontMatter', { file, line: split.line, column: split.column }, split))
    return undefined
  }
  if (split.format === 'toml') {
    problems.push(problem('frontMatter', { file, line: 1, column: 1 }, { reason: 'TOML front matter (+++) is not supported in a report', hint: 'Write the front matter in YAML between --- lines, or turn the post into a report with "npm run import".' }))
    return undefined
  }
  const yaml: ParsedYaml | undefined = split.format === 'yaml' ? parseYaml(split.raw, file, split.rawLinesBefore) : undefined
  const locate = yaml?.locate ?? (() => ({ line: 1, column: 1 }))
  let frontMatter: FrontMatter | undefined
  if (yaml?.problems.length) problems.push(...yaml.problems)
  else {
    const result = check(frontMatterSchema, yaml?.value ?? {}, { value: undefined, locate, problems: [] }, file)
    problems.push(...result.problems)
    frontMatter = result.data
  }

  const { body, bodyLine } = split
  if (body.trim() === '') {
    problems.push(problem('emptyReport', { file, line: bodyLine }, {}))
    return undefined
  }
  return { id, file, frontMatter, body, bodyLine, locate }
}
