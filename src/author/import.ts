/**
 * `recap import`: turn a blog post into a Recap report draft.
 *
 * Plain text (a post copied from a browser): the first line is the title; short stand-alone
 * lines become headings; a double blank line, where copying lost a heading, gets a heading
 * named after what the section discusses most; •, *, - and numbered lines become lists;
 * repeated image captions are dropped; sections that speak of a speaker, a presenter or a
 * session become talks, and headings naming keynotes, BoFs or lightning talks those kinds.
 *
 * Markdown (a Hugo or Jekyll post, a README of notes): see markdown-post.ts. Its sessions
 * are found by the same inference as the build and written out as attributes for the
 * author to check.
 *
 * The conference comes from conference.ts: a known one, a new entry for conferences.yml,
 * or a question; never a wrong one.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { stringify } from 'yaml'
import { displayPath, loadContent } from '../load/content.ts'
import { PhraseMatcher } from '../link/tagger.ts'
import { reportFileId } from '../paths.ts'
import { ContentError } from '../problems.ts'
import { validateContent } from '../validate/content.ts'
import { AuthoringError } from './new-report.ts'
import { sentences } from '../link/words.ts'
import { httpUrl, type ConferenceEntry, type ProjectEntry, type SessionKind, type TopicEntry } from '../validate/schema.ts'
import { readHeading } from '../parse/structure/heading-signals.ts'
import { chooseConference, type NewConference } from './conference.ts'
import { draftMarkdown, markSessionsInMarkdown, speakersAttribute, speakersOfMarkdown } from './markdown-post.ts'

export interface Catalogue {
  conferences: ConferenceEntry[]
  topics: TopicEntry[]
  projects: ProjectEntry[]
}

export interface ImportResult {
  /** The draft: front matter and Markdown. */
  text: string
  title: string
  /** The conference id the draft names (a known one, or `newConference`'s). */
  conference?: string
  /** A conference to add to conferences.yml for this draft. */
  newConference?: NewConference
  /** Why the conference could not be told, when it could not. */
  question?: string
  /** What was guessed, for the author to check. */
  notes: string[]
}

export interface ImportOptions {
  conference?: string
  newConference?: NewConference
  /** Where the post was published (http or https): the report's `source`. */
  source?: string
}

export function importPost(source: string, catalogue: Catalogue, options: ImportOptions = {}): ImportResult {
  const text = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new AuthoringError('The post is empty: there is nothing to import.')
  return looksLikeMarkdown(text) ? importMarkdown(text, catalogue, options) : importPlainText(text, catalogue, options)
}

function looksLikeMarkdown(text: string): boolean {
  return /^---\n[\s\S]*?\n---/.test(text) || /^#{1,6} \S/m.test(text) || /^[=-]{3,}\s*$/m.test(text) || /\]\(https?:\/\//.test(text)
}

// --- plain text ------------------------------------------------------------------------

const bullet = /^(\s*)[•*\-–]\s+(.*)$/
const numbered = /^(\s*)(\d+)[.)]\s+(.*)$/

function importPlainText(text: string, catalogue: Catalogue, options: ImportOptions): ImportResult {
  const notes: string[] = []
  let lines = text.split('\n').map((l) => l.replace(/\s+$/, ''))
  while (lines.length && lines[0] === '') lines.shift()

  // A first line of comma-separated lowercase words is the post's tags, not its title.
  let tags: string[] = []
  if (/^[a-z0-9 -]+(, *[a-z0-9 -]+)+$/.test(lines[0] ?? '')) {
    tags = lines.shift()!.split(',').map((t) => t.trim())
    while (lines.length && lines[0] === '') lines.shift()
  }
  const title = lines.shift()?.trim() ?? 'Untitled report'
  if (/^[=-]{3,}$/.test(lines[0] ?? '')) lines.shift()

  lines = dropRepeatedCaptions(lines, notes)
  const matcher = PhraseMatcher.fromCatalogue(catalogue.topics, catalogue.projects)

  // Blocks separated by blank lines; a double blank line before one marks a lost heading.
  const blocks: { lines: string[]; afterGap: boolean }[] = []
  let blanks = 0
  for (const line of lines) {
    if (line.trim() === '') {
      blanks++
      continue
    }
    if (blanks > 0 || blocks.length === 0) blocks.push({ lines: [], afterGap: blanks >= 2 })
    blocks.at(-1)!.lines.push(line)
    blanks = 0
  }

  type Section = { heading?: string; kind?: SessionKind; guessed?: boolean; body: string[] }
  const sections: Section[] = [{ body: [] }]
  blocks.forEach((block, i) => {
    const first = block.lines[0]!.trim()
    if (isHeadingLine(first) && (block.lines.length === 1 || (first.split(/\s+/).length <= 6 && /:$/.test(first)))) {
      // A heading alone, or a short "Title:" line opening a table or list.
      sections.push({ heading: first.replace(/:$/, ''), body: [] })
      if (block.lines.length > 1) sections.at(-1)!.body.push(blockMarkdown(block.lines.slice(1)))
      return
    }
    if (block.afterGap && i > 0 && sections.at(-1)!.body.length > 0) sections.push({ guessed: true, body: [] })
    sections.at(-1)!.body.push(blockMarkdown(block.lines))
  })

  const out: string[] = []
  const sessions: string[] = []
  // "Day 2 Keynotes" opens the day: a "Day 2" group holds the sections up to the next day.
  let day: string | undefined
  for (const [i, s] of sections.entries()) {
    const body = s.body.join('\n\n')
    if (i === 0) {
      if (body) out.push(body)
      continue
    }
    let heading = s.heading
    if (s.guessed) {
      heading = mainTheme(body, matcher, catalogue) ?? 'Notes'
      notes.push(`Added a heading "${heading}" where the text had lost one; rename it.`)
    }
    const kind = sessionKind(heading!, body)
    const speakers = kind ? speakersOfMarkdown(body, kind) : []
    if (kind) sessions.push(`${heading} (${kind}${speakers.length ? `, ${speakers.map((s) => s.name).join(' & ')}` : ''})`)
    const newDay = /^(Day \d+)\b/i.exec(heading!)?.[1]
    if (newDay && newDay !== day && newDay !== heading) {
      day = newDay
      out.push(`## ${day}`)
    }
    const attributes = kind ? `{${[`.${kind}`, speakersAttribute(speakers)].filter(Boolean).join(' ')}}` : ''
    out.push(`${day ? '###' : '##'} ${heading}${attributes ? ` ${attributes}` : ''}`)
    if (body) out.push(body)
  }
  // Then the build's own inference, for the talks the text gives away by their speakers or siblings.
  const marked = markSessionsInMarkdown(out.join('\n\n'))
  sessions.push(...marked.sessions)
  if (sessions.length) notes.push(`Marked ${sessions.length === 1 ? 'one session' : `${sessions.length} sessions`}: ${sessions.join('; ')}.`)
  return finish({ title, body: marked.body, introduction: sections[0]?.body.join('\n\n') ?? '', tags, catalogue, options, notes })
}

function dropRepeatedCaptions(lines: string[], notes: string[]): string[] {
  const norm = (l: string) => l.replace(/[–—-]/g, '-').replace(/\s+/g, ' ').trim()
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() && lines[i + 1]?.trim() && norm(line) === norm(lines[i + 1]!)) {
      notes.push(`Dropped the repeated image caption "${line.trim()}".`)
      i++
      // Keep the blank lines around it from reading as a lost heading.
      if (out.at(-1) === '' && lines[i + 1] === '') i++
      continue
    }
    out.push(line)
  }
  return out
}

/** A short stand-alone line that reads as a title, not a sentence. */
function isHeadingLine(line: string): boolean {
  if (bullet.test(line) || numbered.test(line) || /^https?:\/\//.test(line)) return false
  // Code and diagrams are not titles: "Kubelet -> CRI shim -> containerd".
  if (/->|=>|[<>{}=|`;]/.test(line)) return false
  const words = line.split(/\s+/).length
  if (words > 14 || line.length > 100) return false
  if (/:$/.test(line)) return words <= 3 && /^\p{Lu}/u.test(line)
  if (/[.,;!…)]$/.test(line) && !/\)$/.test(line)) return false
  return /^[\p{Lu}\p{N}“"']/u.test(line)
}

function blockMarkdown(lines: string[]): string {
  if (lines.every((l) => bullet.test(l) || numbered.test(l))) {
    return lines
      .map((l) => {
        const b = bullet.exec(l)
        const n = numbered.exec(l)
        const indent = (b?.[1] ?? n?.[1] ?? '').length >= 4 ? '  ' : ''
        return b ? `${indent}- ${b[2]}` : `${indent}${n![2]}. ${n![3]}`
      })
      .join('\n')
  }
  return lines.map((l) => l.trim()).join('\n')
}

/** What a section is about: the topic or project it names in most sentences (Kubernetes aside). */
function mainTheme(body: string, matcher: PhraseMatcher, catalogue: Catalogue): string | undefined {
  const counts = new Map<string, number>()
  for (const s of sentences(body)) {
    const named = new Set(matcher.match(s.text).map((m) => `${m.target.type}:${m.target.id}`))
    for (const k of named) if (k !== 'project:kubernetes') counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]
  if (!best) return undefined
  const [type, id] = best[0].split(':') as ['topic' | 'project', string]
  return type === 'topic' ? catalogue.topics.find((t) => t.id === id)!.name : catalogue.projects.find((p) => p.id === id)!.name
}

/** Keynotes, BoFs and lightning talks by their heading; talks by a speaker, a presenter or a session. */
export function sessionKind(heading: string, body: string): SessionKind | undefined {
  // "Takeaways" that mention the speakers are still the author's takeaways.
  if (readHeading(heading).noteWord) return undefined
  if (/\bkeynotes?\b/i.test(heading)) return 'keynote'
  if (/\bbofs?\b|birds of a feather/i.test(heading)) return 'bof'
  if (/\blightning\b/i.test(heading)) return 'lightning'
  if (/\bthe speakers?\b|\bspeaker \(|\bthis session\b|\bthe session\b|\bpresented by\b|\bpresenters?\b|\bthe presentation\b/i.test(body)) return 'talk'
  return undefined
}

// --- Markdown --------------------------------------------------------------------------

function importMarkdown(text: string, catalogue: Catalogue, options: ImportOptions): ImportResult {
  const draft = draftMarkdown(text)
  const fm = draft.frontMatter
  const notes = [...draft.notes]
  if (draft.sessions.length) notes.push(`Marked ${draft.sessions.length === 1 ? 'one session' : `${draft.sessions.length} sessions`}: ${draft.sessions.join('; ')}.`)
  const tags = [fm.tags, fm.categories, fm.keywords].flatMap((v) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [])).map((t) => t.trim()).filter(Boolean)
  const date = readDate(fm.date ?? fm.published, notes)
  const author = typeof fm.author === 'string' ? fm.author : Array.isArray(fm.authors) && fm.authors.length ? String(fm.authors[0]) : undefined
  const summary = typeof fm.description === 'string' && fm.description.trim() ? fm.description : typeof fm.summary === 'string' && fm.summary.trim() ? fm.summary : undefined
  // Where the post lives, when its front matter says so with an absolute address.
  const source = [fm.canonicalURL, fm.canonical_url, fm.canonical, fm.source, fm.url, fm.link].find((v): v is string => typeof v === 'string' && isWebAddress(v))
  return finish({
    ...(source ? { source } : {}),
    title: draft.title ?? 'Untitled report',
    body: draft.body.trim(),
    introduction: draft.introduction,
    tags,
    catalogue,
    options,
    notes,
    ...(date ? { date } : {}),
    ...(author ? { author } : {}),
    ...(summary ? { summary: summary.trim() } : {}),
  })
}

/** A front-matter date as YYYY-MM-DD, or a note saying why it was left out. */
function readDate(value: unknown, notes: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      notes.push('Left out the post’s date: it is not a real date.')
      return undefined
    }
    return value.toISOString().slice(0, 10)
  }
  const text = String(value)
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const real = new Date(Date.UTC(y, mo - 1, d))
    if (real.getUTCFullYear() === y && real.getUTCMonth() === mo - 1 && real.getUTCDate() === d) return m[0]
  }
  notes.push(`Left out the post’s date "${text.slice(0, 40)}": it is not a real date (YYYY-MM-DD); add "published:" by hand.`)
  return undefined
}

// --- front matter ----------------------------------------------------------------------

function finish(d: {
  title: string
  body: string
  introduction: string
  tags: string[]
  catalogue: Catalogue
  options: ImportOptions
  notes: string[]
  date?: string
  author?: string
  summary?: string
  source?: string
}): ImportResult {
  const { catalogue, notes } = d
  let conference = d.options.conference ?? d.options.newConference?.id
  let newConference = d.options.newConference
  let question: string | undefined
  if (!conference) {
    const answer = chooseConference({ title: d.title, ...(d.summary ? { description: d.summary } : {}), text: d.body, tags: d.tags, ...(d.date ? { date: d.date } : {}) }, catalogue.conferences)
    if (answer.type === 'known') {
      conference = answer.id
      notes.push(`Chose the conference ${answer.id}: ${answer.reason}.`)
    } else if (answer.type === 'new') {
      conference = answer.entry.id
      newConference = answer.entry
    } else {
      question = answer.reason
    }
  }
  const author = d.author ?? guessAuthor(d.body)
  if (author && !d.author) notes.push(`Guessed the author "${author}" from the text.`)
  const topicIds = new Set(catalogue.topics.map((t) => t.id))
  const topics = [...new Set(d.tags.map((t) => t.toLowerCase().replace(/\s+/g, '-')).filter((t) => topicIds.has(t)))]
  const dropped = d.tags.filter((t) => !topicIds.has(t.toLowerCase().replace(/\s+/g, '-')))
  if (dropped.length) notes.push(`Left out tags that are not topic ids: ${dropped.slice(0, 20).join(', ')}${dropped.length > 20 ? '…' : ''}.`)
  const introSummary = d.summary ? undefined : summaryOf(d.introduction)
  const summary = d.summary ?? introSummary ?? `Notes from ${d.title}.`
  notes.push(
    d.summary
      ? 'Took the summary from the post’s description.'
      : introSummary
        ? 'The summary is the start of the post’s introduction: rewrite it in one or two sentences of your own.'
        : 'The post has no introduction: write a summary of one or two sentences.',
  )
  const source = d.options.source ?? d.source
  if (source && !d.options.source) notes.push(`Took the source ${source} from the post’s front matter.`)
  if (!author && !source) notes.push('The post names no author: add `author:` (or pass --source with its address), or the site says "Unnamed author".')
  const frontMatter = stringify({
    title: d.title,
    ...(author ? { author } : {}),
    conference: conference ?? 'unknown-conference',
    ...(d.date ? { published: d.date } : {}),
    ...(source ? { source } : {}),
    summary,
    ...(topics.length ? { topics } : {}),
  })
  return {
    text: `---\n${frontMatter}---\n\n${d.body.trim()}\n`,
    title: d.title,
    ...(conference ? { conference } : {}),
    ...(newConference ? { newConference } : {}),
    ...(question ? { question } : {}),
    notes,
  }
}

/** An address a report's `source` may hold: the front matter's own rule, so a draft passes check. */
export function isWebAddress(value: string): boolean {
  return httpUrl.safeParse(value).success
}

function guessAuthor(body: string): string | undefined {
  const m = /^\*?([\p{Lu}][\p{L}’'.-]+(?: [\p{Lu}][\p{L}’'.-]+){1,3}) [–—-] [^\n]*\*?$/mu.exec(body)
  return m?.[1]
}

/** The first one or two sentences of the introduction, without Markdown links. */
function summaryOf(introduction: string): string | undefined {
  const paragraph = introduction.split(/\n\n/).find((p) => p.trim() && !/^[#\-*>|\d]/.test(p.trim()))
  if (!paragraph) return undefined
  const text = paragraph.replace(/\n/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
  const first = sentences(text).slice(0, 2).map((s) => s.text).join(' ')
  return first ? first.slice(0, 300) : undefined
}

/** A file name for the draft, from its title, else its date. */
export function draftFileName(title: string, date?: string): string {
  return reportFileId(title) || `report-${date ?? 'draft'}`
}

/** Import `file` into the content folder (or `out`), refusing to overwrite; returns the path and notes. */
export async function importFile(file: string, o: { contentDir: string; conference?: string; newConference?: NewConference; out?: string; source?: string }): Promise<{ path: string; notes: string[] }> {
  const loaded = await loadContent(o.contentDir)
  const validated = validateContent({ ...loaded, reports: [] })
  if (validated.problems.some((p) => p.severity === 'error')) throw new ContentError(validated.problems)
  const known = validated.conferences.map((c) => c.id)
  if (o.conference && !known.includes(o.conference)) throw new AuthoringError(`Unknown conference "${o.conference}". Known: ${known.join(', ') || 'none yet'}. To add one: --new-conference --name "KubeCon + CloudNativeCon North America 2019" --year 2019 --city "San Diego".`)
  if (o.newConference && known.includes(o.newConference.id)) throw new AuthoringError(`Conference "${o.newConference.id}" already exists; pass --conference ${o.newConference.id} instead.`)
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    throw new AuthoringError(`Cannot read ${file}: check the path.`)
  }
  if (bytes.includes(0)) throw new AuthoringError(`${file} is not a text file (it contains NUL bytes): import takes a Markdown or plain-text post.`)
  const source = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  if ((source.match(/\uFFFD/g)?.length ?? 0) > 8) throw new AuthoringError(`${file} is not UTF-8 text: save the post as UTF-8 and import it again.`)
  if (source.trim() === '') throw new AuthoringError(`${file} is empty: there is nothing to import.`)
  const options: ImportOptions = { ...(o.conference ? { conference: o.conference } : {}), ...(o.newConference ? { newConference: o.newConference } : {}), ...(o.source ? { source: o.source } : {}) }
  const result = importPost(source, validated, options)
  if (!result.conference) {
    throw new AuthoringError(
      `Could not tell which conference "${result.title}" is about: ${result.question ?? 'no match'}. ` +
        `Pass --conference with one of: ${known.join(', ') || 'none yet'}; ` +
        'or add it with --new-conference --name NAME --year YEAR --city CITY (for example --name "KubeCon Europe 2020" --year 2020 --city Amsterdam).',
    )
  }
  const target = o.out ?? path.join(o.contentDir, 'reports', `${draftFileName(result.title)}.md`)
  if (existsSync(target)) throw new AuthoringError(`${displayPath(target)} already exists; pass --out with another path.`)
  const notes = [...result.notes]
  if (result.newConference) {
    const added = await addConference(o.contentDir, result.newConference)
    const c = result.newConference
    notes.unshift(`Added the conference ${c.id} ("${c.name}", ${c.city}, ${c.dates ? `${c.dates.start} to ${c.dates.end}` : c.year}) to ${added}: check it${c.city === 'Online' ? (c.dates ? '.' : ', and add its dates.') : `, and add its ${c.dates ? '' : 'dates and '}country.`}`)
  }
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, result.text)
  return { path: displayPath(target), notes }
}

async function addConference(contentDir: string, entry: NewConference): Promise<string> {
  const file = path.join(contentDir, 'conferences.yml')
  const current = await readFile(file, 'utf8').catch(() => '')
  const separator = current === '' || current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n'
  await writeFile(file, current + separator + stringify([{ id: entry.id, name: entry.name, year: entry.year, city: entry.city, ...(entry.dates ? { dates: entry.dates } : {}) }]))
  return displayPath(file)
}
