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
import { check, formatPath, parseYaml, type ParsedYaml, type Position } from './yaml.ts'

export interface ValidatedReport {
  id: string
  file: string
  frontMatter: FrontMatter
  /** Markdown after the front matter. */
  body: string
  /** Line of the file on which `body` starts (1-based), to report body positions as file lines. */
  bodyLine: number
  /** Where the value of `summary:` is written, to point a warning about the summary at it. */
  summaryAt?: Position
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
   * The bodies of reports that are not built (errors in the front matter, a file name that is
   * no id, an id taken): parsed only for their own problems, so that one pass reports the
   * front matter and the body of a file together.
   */
  bodiesWithBadFrontMatter: Omit<ValidatedReport, 'frontMatter'>[]
  /** Where each topic is declared, for problems found later about a topic. */
  topicPlaces: Map<string, { file: string; line: number; column: number }>
  /**
   * Every topic id topics.yml declares, also when the file has errors (then `topics` is
   * empty): what the bodies of reports are checked against. Empty when it cannot be read.
   */
  topicIds: string[]
}

export function validateContent(loaded: LoadedContent): ValidatedContent {
  const problems: Problem[] = [...loaded.problems]

  const conferences = remembered(loaded.conferences, 'conference', problems, (own) => validateDataFile(loaded.conferences, conferencesSchema, 'conference', own))
  const topics = remembered(loaded.topics, 'topic', problems, (own) => validateDataFile(loaded.topics, topicsSchema, 'topic', own))
  const projects = remembered(loaded.projects, 'project', problems, (own) => validateDataFile(loaded.projects, projectsSchema, 'project', own))
  const people = remembered(loaded.people, 'person', problems, (own) => validateDataFile(loaded.people, peopleSchema, 'person', own))
  if (loaded.people && people.ok) checkPeopleNames(people.entries, loaded.people.file, people.yaml!, problems)

  // Ids that references may name: those of every entry written, even when another field of
  // the file is wrong or an id is written twice, so that one mistake in a data file does not
  // make every reference to it look unknown. Undefined when the file cannot be read as a list.
  const conferenceIds = conferences.ids
  const topicIds = topics.ids
  const topicIdSet = new Set(topicIds)
  const conferenceIdSet = new Set(conferenceIds)

  if (loaded.projects && topicIds) {
    for (const { id, path } of references(projects.value, 'projects', projects.badFields)) {
      if (topicIdSet.has(id)) continue
      problems.push(problem('unknownTopic', { file: loaded.projects.file, ...projects.yaml!.locate(path, true), field: formatPath(path) }, { id, known: topicIds }))
    }
  }

  const reports: ValidatedReport[] = []
  const bodiesWithBadFrontMatter: ValidatedContent['bodiesWithBadFrontMatter'] = []
  const firstById = new Map<string, string>()
  for (const source of loaded.reports) {
    const report = remembered(source, 'report', problems, (own) => validateReport(source, own))
    if (!report) continue
    const firstFile = report.usableId ? firstById.get(report.id) : undefined
    if (firstFile) problems.push(problem('duplicateId', { file: source.file }, { id: report.id, kind: 'report', first: firstFile }))
    else if (report.usableId && !report.empty) firstById.set(report.id, source.file)
    // References are checked on what was written, so a report with one bad field still has
    // its conference and topics checked; a field that failed its schema is not checked twice.
    for (const { id, path } of references(report.value, 'report', report.badFields)) {
      const place = { file: source.file, ...report.locate(path, true), field: formatPath(path) }
      if (path[0] === 'conference') {
        if (conferenceIds && !conferenceIdSet.has(id)) problems.push(problem('unknownConference', place, { id, known: conferenceIds }))
      } else if (topicIds && !topicIdSet.has(id)) problems.push(problem('unknownTopic', place, { id, known: topicIds }))
    }
    const fm = report.frontMatter
    if (report.empty) continue
    if (!fm || firstFile || !report.usableId) {
      // Not built, but its body is still read for its own problems (see the pipeline).
      bodiesWithBadFrontMatter.push({ id: report.id, file: report.file, body: report.body, bodyLine: report.bodyLine })
      continue
    }
    // The same record for the same text, so later stages can keep what they worked out from it.
    let record = records.get(report)
    if (!record) {
      record = { id: report.id, file: report.file, frontMatter: fm, body: report.body, bodyLine: report.bodyLine }
      if (report.summaryAt) record.summaryAt = report.summaryAt
      records.set(report, record)
    }
    reports.push(record)
  }

  const topicPlaces = new Map(
    topics.entries.map((t, i) => [t.id, { file: loaded.topics!.file, ...topics.yaml!.locate([i, 'id'], true) }]),
  )
  return { conferences: conferences.entries, topics: topics.entries, projects: projects.entries, people: people.entries, reports, bodiesWithBadFrontMatter, problems, topicPlaces, topicIds: topicIds ?? [] }
}

type Path = (string | number)[]

/**
 * The ids a file refers to, as written: a report's `conference` and `topics[i]`, a project's
 * `[i].topics[j]`. Only text values whose field passed its schema: a value of the wrong shape
 * already has its problem, and one mistake gets one message.
 */
function references(value: unknown, kind: 'report' | 'projects', badFields: ReadonlySet<string>): { id: string; path: Path }[] {
  const found: { id: string; path: Path }[] = []
  const add = (v: unknown, path: Path) => {
    if (typeof v === 'string' && !badFields.has(formatPath(path))) found.push({ id: v, path })
  }
  const topicsOf = (entry: unknown, at: Path) => {
    const topics = isRecord(entry) ? entry.topics : undefined
    if (Array.isArray(topics)) topics.forEach((t, i) => add(t, [...at, 'topics', i]))
  }
  if (kind === 'report') {
    if (isRecord(value)) add(value.conference, ['conference'])
    topicsOf(value, [])
  } else if (Array.isArray(value)) value.forEach((entry, i) => topicsOf(entry, [i]))
  return found
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The fields that have a problem of their own, as `formatPath` writes them. */
const fieldsOf = (problems: readonly Problem[]) => new Set(problems.flatMap((p) => (p.field === undefined ? [] : [p.field])))

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
): DataFile<z.infer<S>> {
  const none = { entries: [] as z.infer<S>, ok: false, badFields: new Set<string>() }
  if (!source) return none
  const yaml = parseYaml(source.text, source.file)
  if (yaml.problems.length) {
    problems.push(...yaml.problems)
    return { ...none, yaml }
  }
  // An empty file is an empty list, not an error.
  const value = yaml.value ?? []
  const result = check(schema, value, yaml, source.file)
  problems.push(...result.problems)
  const badFields = fieldsOf(result.problems)
  if (!Array.isArray(value)) return { ...none, yaml, value, badFields }

  // Ids written twice are found in the file as written, so that a missing field in one entry
  // hides no duplicate in another; every id written counts for references.
  const firstAt = new Map<string, Position>()
  const ids: string[] = []
  value.forEach((entry, i) => {
    const id = isRecord(entry) ? entry.id : undefined
    if (typeof id !== 'string') return
    const pos = yaml.locate([i, 'id'])
    const first = firstAt.get(id)
    if (first) problems.push(problem('duplicateId', { file: source.file, ...pos, field: `[${i}].id` }, { id, kind, first: `${source.file}:${first.line}` }))
    else {
      firstAt.set(id, pos)
      // An id that fails its own check is none to suggest (a reference to it fails the same check).
      if (!badFields.has(`[${i}].id`)) ids.push(id)
    }
  })
  const ok = result.data !== undefined && firstAt.size === value.length
  return { entries: result.data ?? none.entries, ok, yaml, value, ids, badFields }
}

interface DataFile<T> {
  /** The entries, when the whole file passed its schema (ids may still be written twice); empty otherwise. */
  entries: T
  /** True when the entries can be built from: schema passed and no id written twice. */
  ok: boolean
  yaml?: ParsedYaml
  /** The file as written (YAML read, schema not applied). */
  value?: unknown
  /** Every id the file declares, for references to check against; undefined when it cannot be read as a list. */
  ids?: string[]
  /** Fields with a problem of their own (`[2].topics[0]`). */
  badFields: ReadonlySet<string>
}

function validateReport(source: SourceFile, problems: Problem[]) {
  const { file, text } = source
  const id = path.basename(file).replace(/\.(md|markdown)$/, '')
  // A file name that is no id is one problem more: the front matter is still checked.
  const usableId = reportIdPattern.test(id)
  if (!usableId) problems.push(problem('badFileName', { file }, { name: path.basename(file) }))

  const split = splitFrontMatter(text)
  if (isFrontMatterProblem(split)) {
    problems.push(problem('frontMatter', { file, line: split.line, column: split.column }, split))
    return undefined
  }
  if (split.format === 'toml') {
    problems.push(problem('frontMatter', { file, line: 1, column: 1 }, { reason: 'TOML front matter (+++) is not supported in a report', hint: 'Write the front matter in YAML between --- lines, or turn the post into a report with "npm run import".' }))
    return undefined
  }
  if (split.format === 'none') {
    // Three "required field is missing" errors would hide what is wrong: the block itself.
    const blankFirst = /^\s*\n\s*---/.test(text)
    problems.push(
      problem('frontMatter', { file, line: 1, column: 1 }, {
        reason: blankFirst ? 'the front matter must start on the first line, and blank lines come before its ---' : 'the report has no front matter',
        hint: blankFirst ? 'Remove the blank lines before the opening --- line.' : 'Start the file with a --- line, then title:, conference: and summary:, then another --- line (npm run new writes one).',
      }),
    )
    return undefined
  }
  const yaml: ParsedYaml | undefined = split.format === 'yaml' ? parseYaml(split.raw, file, split.rawLinesBefore) : undefined
  const locate = yaml?.locate ?? (() => ({ line: 1, column: 1 }))
  let frontMatter: FrontMatter | undefined
  let value: unknown
  let badFields: ReadonlySet<string> = new Set()
  if (yaml?.problems.length) problems.push(...yaml.problems)
  else {
    value = yaml?.value ?? {}
    const result = check(frontMatterSchema, value, { value: undefined, locate, problems: [] }, file)
    problems.push(...result.problems)
    badFields = fieldsOf(result.problems)
    frontMatter = result.data
  }

  const { body, bodyLine } = split
  // An empty report is built from nothing, but its front matter is still checked.
  const empty = body.trim() === ''
  if (empty) problems.push(problem('emptyReport', { file, line: bodyLine }, {}))
  // Where the summary is written, for warnings about it (validate/checks.ts).
  const summaryAt = isRecord(value) && 'summary' in value ? locate(['summary'], true) : undefined
  return { id, file, frontMatter, body, bodyLine, locate, value, badFields, summaryAt, usableId, empty }
}
