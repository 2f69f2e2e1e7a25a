/**
 * `recap import`: turn a blog post into a Recap report draft.
 *
 * Plain text (a post copied from a browser): the first line is the title; short stand-alone
 * lines become headings; a double blank line, where copying lost a heading, gets a heading
 * named after what the section discusses most; •, *, - and numbered lines become lists;
 * repeated image captions are dropped; sections that speak of a speaker, a presenter or a
 * session become talks, and headings naming keynotes, BoFs or lightning talks those kinds.
 *
 * Markdown (a Hugo or Jekyll post): kept as Markdown; front matter mapped to Recap's; Hugo
 * shortcodes and raw HTML reduced to text or safe Markdown; "### Keynote: Title - Speaker,
 * Company" headings become sessions with their speakers.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYamlText, stringify } from 'yaml'
import { isFrontMatterProblem, splitFrontMatter } from '../load/front-matter.ts'
import { displayPath, loadContent } from '../load/content.ts'
import { PhraseMatcher } from '../link/tagger.ts'
import { slugify } from '../paths.ts'
import { ContentError } from '../problems.ts'
import { validateContent } from '../validate/content.ts'
import { AuthoringError } from './new-report.ts'
import { sentences } from '../link/words.ts'
import type { ConferenceEntry, ProjectEntry, SessionKind, TopicEntry } from '../validate/schema.ts'

export interface Catalogue {
  conferences: ConferenceEntry[]
  topics: TopicEntry[]
  projects: ProjectEntry[]
}

export interface ImportResult {
  /** The draft: front matter and Markdown. */
  text: string
  title: string
  conference?: string
  /** What was guessed, for the author to check. */
  notes: string[]
}

export function importPost(source: string, catalogue: Catalogue, options: { conference?: string } = {}): ImportResult {
  const text = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '')
  return looksLikeMarkdown(text) ? importMarkdown(text, catalogue, options) : importPlainText(text, catalogue, options)
}

function looksLikeMarkdown(text: string): boolean {
  return /^---\n[\s\S]*?\n---/.test(text) || /^#{1,6} \S/m.test(text) || /^[=-]{3,}\s*$/m.test(text) || /\]\(https?:\/\//.test(text)
}

// --- plain text ------------------------------------------------------------------------

const bullet = /^(\s*)[•*\-–]\s+(.*)$/
const numbered = /^(\s*)(\d+)[.)]\s+(.*)$/

function importPlainText(text: string, catalogue: Catalogue, options: { conference?: string }): ImportResult {
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
    if (kind) sessions.push(`${heading} (${kind})`)
    const newDay = /^(Day \d+)\b/i.exec(heading!)?.[1]
    if (newDay && newDay !== day && newDay !== heading) {
      day = newDay
      out.push(`## ${day}`)
    }
    out.push(`${day ? '###' : '##'} ${heading}${kind ? ` {.${kind}}` : ''}`)
    if (body) out.push(body)
  }
  if (sessions.length) notes.push(`Marked ${sessions.length} sessions: ${sessions.join('; ')}.`)
  return finish({ title, body: out.join('\n\n'), tags, catalogue, options, notes })
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
  if (/\bkeynotes?\b/i.test(heading)) return 'keynote'
  if (/\bbofs?\b|birds of a feather/i.test(heading)) return 'bof'
  if (/\blightning\b/i.test(heading)) return 'lightning'
  if (/\bthe speakers?\b|\bspeaker \(|\bthis session\b|\bthe session\b|\bpresented by\b|\bpresenters?\b|\bthe presentation\b/i.test(body)) return 'talk'
  return undefined
}

// --- Markdown --------------------------------------------------------------------------

function importMarkdown(text: string, catalogue: Catalogue, options: { conference?: string }): ImportResult {
  const notes: string[] = []
  const split = splitFrontMatter(text)
  if (isFrontMatterProblem(split)) throw new AuthoringError(`${split.reason}. ${split.hint}`)
  let fm: Record<string, unknown> = {}
  if (split.format === 'yaml') {
    try {
      const value: unknown = parseYamlText(split.raw, { maxAliasCount: 100 })
      if (value && typeof value === 'object' && !Array.isArray(value)) fm = value as Record<string, unknown>
    } catch (error) {
      throw new AuthoringError(`The post's front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  let body = split.body

  // A setext title ("Title\n=====") on top is the post's title.
  let title = typeof fm.title === 'string' ? fm.title : undefined
  const setext = /^\s*(.+)\n=+\s*\n/.exec(body)
  if (setext) {
    title ??= setext[1]!.trim()
    body = body.slice(setext[0].length)
  }
  const h1 = /^\s*# (.+)\n/.exec(body)
  if (!title && h1) {
    title = h1[1]!.trim()
    body = body.slice(h1[0].length)
  }

  body = reduceShortcodes(body, notes)
  body = reduceHtml(body, notes)

  // "### Keynote: Title - Speaker, Company" → a session with its speakers.
  const sessions: string[] = []
  body = body.replace(/^(#{2,6}) +(Keynote|Talk|Workshop|BoF|BOF|Lightning talk|Lightning)s?: +(.+?)(?: +[-–—] +([^,\n]+)(?:,[^\n]*)?)? *$/gm, (_all, hashes: string, label: string, heading: string, speaker?: string) => {
    const kind: SessionKind = /keynote/i.test(label) ? 'keynote' : /bof/i.test(label) ? 'bof' : /lightning/i.test(label) ? 'lightning' : /workshop/i.test(label) ? 'workshop' : 'talk'
    sessions.push(`${heading} (${kind})`)
    return `${hashes} ${heading.trim()} {.${kind}${speaker ? ` speakers="${speaker.trim().replace(/"/g, "'")}"` : ''}}`
  })
  // Other headings: mark talks by what their section says.
  const parts = body.split(/^(?=#{2,6} )/m)
  body = parts
    .map((part) => {
      const m = /^(#{2,6}) +([^\n{]+?) *\n([\s\S]*)$/.exec(part)
      if (!m) return part
      const kind = sessionKind(m[2]!, m[3]!)
      if (!kind) return part
      sessions.push(`${m[2]} (${kind})`)
      return `${m[1]} ${m[2]} {.${kind}}\n${m[3]}`
    })
    .join('')
  if (sessions.length) notes.push(`Marked ${sessions.length} sessions: ${sessions.join('; ')}.`)

  const tags = [fm.tags, fm.categories].flatMap((v) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [])).map((t) => t.trim())
  const date = fm.date instanceof Date ? fm.date.toISOString().slice(0, 10) : typeof fm.date === 'string' ? fm.date.slice(0, 10) : undefined
  const author = typeof fm.author === 'string' ? fm.author : Array.isArray(fm.authors) ? String(fm.authors[0]) : undefined
  const summary = typeof fm.description === 'string' ? fm.description : typeof fm.summary === 'string' ? fm.summary : undefined
  return finish({ title: title ?? 'Untitled report', body: body.trim(), tags, catalogue, options, notes, ...(date ? { date } : {}), ...(author ? { author } : {}), ...(summary ? { summary } : {}) })
}

function reduceShortcodes(body: string, notes: string[]): string {
  let count = 0
  const attr = (args: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(args)?.[1]
  // Paired shortcodes keep their inner text: {{% note %}}text{{% /note %}}.
  body = body.replace(/\{\{[<%]\s*(\w+)[^}]*[>%]\}\}([\s\S]*?)\{\{[<%]\s*\/\1\s*[>%]\}\}/g, (_a, _n, inner: string) => (count++, inner.trim()))
  body = body.replace(/\{\{[<%]\s*(\w+)\s*([^}]*?)\s*[>%]\}\}/g, (_all, name: string, args: string) => {
    count++
    const first = /^"?([^\s"]+)"?/.exec(args)?.[1]
    switch (name) {
      case 'youtube':
        return `[Video on YouTube](https://www.youtube.com/watch?v=${attr(args, 'id') ?? first})`
      case 'vimeo':
        return `[Video on Vimeo](https://vimeo.com/${attr(args, 'id') ?? first})`
      case 'tweet':
        return `[Tweet](https://twitter.com/x/status/${attr(args, 'id') ?? first})`
      case 'figure':
        return attr(args, 'caption') ? `*${attr(args, 'caption')}*` : ''
      case 'ref':
      case 'relref':
        return ''
      default:
        return ''
    }
  })
  if (count) notes.push(`Reduced ${count} Hugo shortcodes to text or links.`)
  return body
}

function reduceHtml(body: string, notes: string[]): string {
  let count = 0
  const out = body
    .replace(/<(script|style|iframe)\b[\s\S]*?<\/\1>/gi, () => (count++, ''))
    .replace(/<br\s*\/?>/gi, () => (count++, '\n'))
    .replace(/<a\s[^>]*href="(https?:[^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, (_a, href: string, label: string) => (count++, `[${label.replace(/<[^>]+>/g, '')}](${href})`))
    .replace(/<img\s[^>]*alt="([^"]*)"[^>]*>/gi, (_a, alt: string) => (count++, alt ? `*${alt}*` : ''))
    .replace(/<\/?[a-z][^>]*>/gi, () => (count++, ''))
  if (count) notes.push(`Reduced ${count} HTML tags to plain text or Markdown.`)
  return out
}

// --- front matter ----------------------------------------------------------------------

function finish(d: { title: string; body: string; tags: string[]; catalogue: Catalogue; options: { conference?: string }; notes: string[]; date?: string; author?: string; summary?: string }): ImportResult {
  const { catalogue, notes } = d
  const conference = d.options.conference ?? guessConference(d.title, d.body, catalogue.conferences, notes)
  const author = d.author ?? guessAuthor(d.body)
  if (author && !d.author) notes.push(`Guessed the author "${author}" from the text.`)
  const topicIds = new Set(catalogue.topics.map((t) => t.id))
  const topics = d.tags.map((t) => t.toLowerCase().replace(/\s+/g, '-')).filter((t) => topicIds.has(t))
  const dropped = d.tags.filter((t) => !topicIds.has(t.toLowerCase().replace(/\s+/g, '-')))
  if (dropped.length) notes.push(`Left out tags that are not topic ids: ${dropped.join(', ')}.`)
  const summary = d.summary ?? firstSentence(d.body)
  notes.push(d.summary ? 'Took the summary from the post’s description.' : 'The summary is the post’s first sentence: rewrite it in one or two sentences of your own.')
  const frontMatter = stringify({
    title: d.title,
    ...(author ? { author } : {}),
    conference: conference ?? 'unknown-conference',
    ...(d.date ? { published: d.date } : {}),
    summary,
    ...(topics.length ? { topics } : {}),
  })
  return { text: `---\n${frontMatter}---\n\n${d.body.trim()}\n`, title: d.title, ...(conference ? { conference } : {}), notes }
}

function guessConference(title: string, body: string, conferences: ConferenceEntry[], notes: string[]): string | undefined {
  const text = `${title}\n${body}`
  const years = [...title.matchAll(/\b(19|20)\d{2}\b/g), ...body.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]))
  const scored = conferences
    .map((c) => {
      let score = 0
      if (years[0] === c.year) score += 3
      else if (years.includes(c.year)) score += 1
      if (new RegExp(`\\b${c.city}\\b`, 'i').test(text)) score += 3
      for (const word of c.name.split(/\W+/).filter((w) => w.length > 3 && !/^\d+$/.test(w))) if (new RegExp(`\\b${word}\\b`, 'i').test(text)) score += 0.5
      return { c, score }
    })
    .filter((s) => s.score >= 3)
    .sort((a, b) => b.score - a.score)
  const best = scored[0]?.c
  if (best) notes.push(`Guessed the conference ${best.id} (${best.name}) from the title and text.`)
  return best?.id
}

function guessAuthor(body: string): string | undefined {
  const m = /^\*?([\p{Lu}][\p{L}’'.-]+(?: [\p{Lu}][\p{L}’'.-]+){1,3}) [–—-] [^\n]*\*?$/mu.exec(body)
  return m?.[1]
}

function firstSentence(body: string): string {
  const paragraph = body.split(/\n\n/).find((p) => p.trim() && !/^[#\-*>|\d]/.test(p.trim())) ?? ''
  const sentence = sentences(paragraph.replace(/\n/g, ' '))[0]?.text ?? 'A trip report.'
  return sentence.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').slice(0, 300)
}

/** Import `file` into the content folder (or `out`), refusing to overwrite; returns the path and notes. */
export async function importFile(file: string, o: { contentDir: string; conference?: string; out?: string }): Promise<{ path: string; notes: string[] }> {
  const loaded = await loadContent(o.contentDir)
  const validated = validateContent({ ...loaded, reports: [] })
  if (validated.problems.some((p) => p.severity === 'error')) throw new ContentError(validated.problems)
  const known = validated.conferences.map((c) => c.id)
  if (o.conference && !known.includes(o.conference)) throw new AuthoringError(`Unknown conference "${o.conference}". Known: ${known.join(', ')}.`)
  let source: string
  try {
    source = await readFile(file, 'utf8')
  } catch {
    throw new AuthoringError(`Cannot read ${file}: check the path.`)
  }
  const result = importPost(source, validated, o.conference ? { conference: o.conference } : {})
  if (!result.conference) {
    throw new AuthoringError(`Could not tell which conference "${result.title}" is about. Pass --conference with one of: ${known.join(', ')}; or add it first with "npm run new".`)
  }
  const target = o.out ?? path.join(o.contentDir, 'reports', `${slugify(result.title)}.md`)
  if (existsSync(target)) throw new AuthoringError(`${displayPath(target)} already exists; pass --out with another path.`)
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, result.text)
  return { path: displayPath(target), notes: result.notes }
}
