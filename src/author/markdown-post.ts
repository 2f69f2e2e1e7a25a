/**
 * A Markdown post (Hugo, Jekyll, a README of notes) as a report draft, on unified: the
 * post is parsed to mdast, shortcodes and raw HTML are reduced inside the tree, the same
 * structure inference as the build marks its sessions, and remark-stringify writes it
 * back. Code blocks are never touched; tables stay tables.
 */
import type { Root as HastRoot } from 'hast'
import { raw } from 'hast-util-raw'
import { toMdast } from 'hast-util-to-mdast'
import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { parse as parseToml } from 'smol-toml'
import { unified } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { isFrontMatterProblem, splitFrontMatter } from '../load/front-matter.ts'
import { parseYaml } from '../validate/yaml.ts'
import remarkSessionAttributes, { type SessionAttributes } from '../parse/session-attributes.ts'
import { readBody, readSpeakerLine, speakersInText } from '../parse/structure/body-signals.ts'
import { readHeading } from '../parse/structure/heading-signals.ts'
import remarkInferStructure, { namesOnly } from '../parse/structure/infer.ts'
import { AuthoringError } from './new-report.ts'
import { contains } from '../tree.ts'
import type { Speaker } from '../parse/structure/speakers.ts'
import type { SessionKind } from '../validate/schema.ts'

export interface MarkdownDraft {
  frontMatter: Record<string, unknown>
  title?: string
  /** The introduction: text before the first heading, for the summary. */
  introduction: string
  body: string
  /** Sessions found, as "Title (kind)". */
  sessions: string[]
  notes: string[]
}

const parser = unified().use(remarkParse).use(remarkGfm)
const inference = unified().use(remarkSessionAttributes).use(remarkInferStructure)
const writer = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })

export function readFrontMatter(text: string): { frontMatter: Record<string, unknown>; body: string; bodyLine: number } {
  const split = splitFrontMatter(text)
  if (isFrontMatterProblem(split)) throw new AuthoringError(`Line ${split.line}: ${split.reason}. ${split.hint}`)
  let value: unknown = {}
  if (split.format === 'yaml') value = readYamlFrontMatter(split.raw, split.rawLinesBefore)
  try {
    if (split.format === 'toml') value = parseToml(split.raw)
  } catch (error) {
    const first = (error as Error).message.split('\n')[0]!.replace(/[:.\s]+$/, '')
    throw new AuthoringError(`The post's front matter is not valid TOML: ${first}. Fix it in the post, or remove it.`)
  }
  const frontMatter = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  if (split.format === 'none') {
    const metadata = readMetadataLines(split.body)
    if (metadata) return metadata
  }
  return { frontMatter, body: split.body, bodyLine: split.bodyLine }
}

/**
 * A post's YAML front matter as Hugo and Jekyll read it. Their YAML reader (libyaml, go-yaml)
 * takes a quoted value that goes on at the start of the next line, which YAML itself does
 * not (yaml-test-suite QB6E): when that is all that is wrong, those lines are read indented.
 * Any other error names the post's own line, as `check` would.
 */
function readYamlFrontMatter(raw: string, linesBefore: number): unknown {
  const strict = parseYaml(raw, 'post', linesBefore)
  if (!strict.problems.length) return strict.value
  const lenient = indentQuotedContinuations(raw)
  if (lenient !== raw) {
    const again = parseYaml(lenient, 'post', linesBefore)
    if (!again.problems.length) return again.value
  }
  const first = strict.problems[0]!
  throw new AuthoringError(`The post's front matter is not valid YAML: line ${first.line}, column ${first.column}: ${first.message.replace(/^malformed YAML: /, "")}. Fix it in the post, or remove it.`)
}

/** `key: "text⏎more text"`: the lines a quoted value goes on to, indented by one space. */
export function indentQuotedContinuations(raw: string): string {
  let out = ''
  let quote: string | undefined
  let comment = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!
    out += c
    if (c === '\n') {
      comment = false
      if (quote && raw[i + 1] !== undefined && !/\s/.test(raw[i + 1]!)) out += ' '
      continue
    }
    if (comment) continue
    if (quote) {
      if (quote === '"' && c === '\\') out += raw[++i] ?? ''
      else if (quote === "'" && c === "'" && raw[i + 1] === "'") out += raw[++i]
      else if (c === quote) quote = undefined
      continue
    }
    const before = i === 0 ? '\n' : raw[i - 1]!
    if (c === '#' && /\s/.test(before)) comment = true
    else if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) quote = c
  }
  return out
}

/**
 * Pelican's and MultiMarkdown's metadata: "Title: …", "Date: …", "Tags: a, b" lines opening
 * the file, up to the first blank line. Read as plain key and text, never as YAML. Only a
 * block that opens with its title counts: a post whose first line is "Note: …" has none.
 */
function readMetadataLines(text: string): { frontMatter: Record<string, unknown>; body: string; bodyLine: number } | undefined {
  const lines = text.split('\n')
  const frontMatter: Record<string, unknown> = {}
  let n = 0
  for (; n < lines.length && lines[n]!.trim() !== ''; n++) {
    const m = /^([A-Za-z][\w-]{0,30}):[ \t]*(.*)$/.exec(lines[n]!)
    if (!m) return undefined
    frontMatter[m[1]!.toLowerCase()] = m[2]!.trim()
  }
  if (n < 2 || !/^title$/i.test(/^[^:]+/.exec(lines[0]!)![0]) || !('date' in frontMatter || 'tags' in frontMatter || 'slug' in frontMatter || 'summary' in frontMatter)) return undefined
  // Pelican also takes "30-10-2017": day first, as the post's own country writes it.
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(String(frontMatter.date ?? ''))
  if (dayFirst) frontMatter.date = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`
  return { frontMatter, body: lines.slice(n).join('\n'), bodyLine: n + 1 }
}

export function draftMarkdown(text: string): MarkdownDraft {
  const notes: string[] = []
  const { frontMatter, body: source, bodyLine } = readFrontMatter(text)
  const reduced = { shortcodes: 0, html: 0 }
  const prepared = prepareSource(source)
  reduced.shortcodes += prepared.shortcodes
  const tree = parser.parse(prepared.text)
  reduceShortcodes(tree, reduced)
  reduceHtml(tree, reduced)
  const unspaced = liftUnspacedHeadings(tree)
  if (unspaced) notes.push(`Read ${unspaced === 1 ? 'one line' : `${unspaced} lines`} such as "##Day 1" as headings: Markdown needs a space after the #s, and the draft has it.`)
  if (reduced.shortcodes) notes.push(`Reduced ${reduced.shortcodes} Hugo or Jekyll shortcodes to text or links.`)
  if (reduced.html) notes.push(`Reduced ${reduced.html} pieces of HTML to Markdown or text.`)
  if (prepared.unlinked) notes.push(`Kept only the text of ${prepared.unlinked === 1 ? 'one link' : `${prepared.unlinked} links`} to the blog's other posts ({% post_url %}, {% link _posts/… %}): their addresses are not in the post.`)
  if (prepared.freedHeadings) notes.push(`Put a blank line between HTML and ${prepared.freedHeadings === 1 ? 'the heading' : `${prepared.freedHeadings} headings`} right below it ("<br/>" then "## Day 1"): Markdown reads such a heading as part of the HTML.`)

  let removedTitle: Heading | undefined
  let title = typeof frontMatter.title === 'string' && frontMatter.title.trim() ? frontMatter.title.trim() : undefined
  const first = tree.children.findIndex((n) => n.type === 'heading')
  const firstHeading = tree.children[first] as Heading | undefined
  // The first heading is the title when the front matter has none, or when it repeats it.
  if (firstHeading && (firstHeading.depth === 1 || tree.children.slice(0, first).every((n) => n.type === 'html'))) {
    const headingText = toString(firstHeading).trim()
    if (!title || norm(headingText) === norm(title)) {
      title ??= headingText
      const next = tree.children[first + 1]
      // "# Talk title" then "## *Speaker: …*": a note on one talk keeps its heading as the talk.
      if (next && (next.type === 'heading' || next.type === 'paragraph') && namesTheSpeakers(toString(next).split('\n')[0]!)) firstHeading.depth = 2
      else removedTitle = tree.children.splice(first, 1)[0] as Heading
    }
  }

  const sessions = markSessions(tree, (line, reason) => notes.push(`Line ${(prepared.lineOf[line - 1] ?? line) + bodyLine - 1} of the post: ${reason}. Fix it in the draft.`), title)
  // A notes file on one talk ("# Prow", then notes): no front matter, no session found in it,
  // and a title that names neither the conference nor a day, a group or a takeaway. The whole
  // file is then that talk, its headings ranked beneath the title.
  if (removedTitle && title && sessions.length === 0 && Object.keys(frontMatter).length === 0 && readsAsOneTalk(title)) {
    visit(tree, 'heading', (h: Heading) => {
      h.depth = Math.min(6, h.depth + 1) as Heading['depth']
    })
    tree.children.splice(first, 0, { ...removedTitle, depth: 1, children: [{ type: 'text', value: `${title.replace(/\s*:\s*$/, '')} {.talk}` }] })
    sessions.push(`${title} (talk)`)
    notes.push(`Took the whole post as one talk, "${title}": it has no front matter and no other sessions. Mark its heading {.note} if it is not a talk, and add its speakers.`)
  }

  const firstAfter = tree.children.findIndex((n) => n.type === 'heading')
  const introduction = (firstAfter === -1 ? tree.children : tree.children.slice(0, firstAfter))
    .filter((n): n is Paragraph => n.type === 'paragraph')
    .map((n) => toString(n).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
  const markdown = String(writer.stringify(tree))
  return { frontMatter, ...(title ? { title } : {}), introduction, body: markdown, sessions, notes }
}

function readsAsOneTalk(title: string): boolean {
  const signals = readHeading(title)
  return !signals.noteWord && !signals.groupWord && !/[{}$]/.test(title) && !/\b(?:notes?|recap|report|trip|takeaways?|summary|kubecon|cloudnativecon|conference|summit|keynotes?|days?|week)\b/i.test(title)
}

/** "Speaker: Ada Lovelace, Company", or only names: "Ada Lovelace & Alan Turing". */
function namesTheSpeakers(line: string): boolean {
  return readSpeakerLine(line) !== undefined || (line.length < 120 && namesOnly(line.replace(/[*_]/g, '')))
}

/**
 * Runs the build's inference on a draft's tree and writes what it found as attributes
 * ({.talk speakers="…"}), so that the author sees and can correct every guess. Returns
 * the sessions as "Title (kind, Speaker)".
 */
export function markSessions(tree: Root, problem: (line: number, reason: string) => void, postTitle = ''): string[] {
  const postKind = kindOfPost(postTitle)
  const file = new VFile()
  inference.runSync(tree, file)
  for (const message of file.messages) if (message.fatal) problem(message.line ?? 1, message.reason)
  const sessions: string[] = []
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i]!
    if (node.type !== 'heading') continue
    const session = node.data?.session
    // "### ${Talk Author}": braces that Recap would read as attributes; an explicit {.note} after them keeps them text.
    if (!session && /[{}]\s*$/.test(toString(node))) node.children.push({ type: 'text', value: ' {.note}' })
    if (!session) continue
    // "KubeCon - The Keynotes": a session with nothing of its own to say is of the kind the post is about.
    if (postKind && session.inferred && session.kind === 'talk' && !readHeading(toString(node)).kind) session.kind = postKind
    // The attribute plugin took the author's own {…} off the heading: write it back, with what inference added.
    if (session.inferred) sessions.push(`${session.title ?? toString(node)} (${session.kind}${session.speakers.length ? `, ${session.speakers.map((s) => s.name).join(' & ')}` : ''})`)
    const title = session.inferred ? (session.title ?? toString(node)) : undefined
    if (title !== undefined) {
      // "- [Title](schedule) by Ada" became "### Title {.talk …}": the link goes under the heading, not away.
      const links: Link[] = []
      visit(node, 'link', (l: Link) => {
        links.push(l)
      })
      const next = tree.children[i + 1]
      const kept = links.filter((l) => !(next && JSON.stringify(next).includes(JSON.stringify(l.url))))
      if (kept.length) tree.children.splice(i + 1, 0, { type: 'paragraph', children: kept.flatMap((l, n) => (n ? [{ type: 'text', value: ' · ' } as Text, l] : [l])) })
      node.children = [{ type: 'text', value: title }]
    }
    node.children.push({ type: 'text', value: ` ${attributeBlock(session)}` })
  }
  return sessions
}

/**
 * The speakers a session's Markdown body names: a speaker line at its top ("Presented by
 * …"), "the speaker (Name)" in passing, or for keynotes the people who take the stage.
 */
export function speakersOfMarkdown(markdown: string, kind: SessionKind | undefined): Speaker[] {
  const nodes = parser.parse(markdown).children
  const top = readBody(nodes).speakers
  return top.length ? top : speakersInText(nodes, kind)
}

/** `speakers="Ada Lovelace (Analytical Engines), Alan Turing"` as the attribute plugin reads it. */
export function speakersAttribute(speakers: readonly Speaker[]): string {
  const clean = (t: string) => t.replace(/["{}]/g, '')
  const list = speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation.replace(/[()]/g, '')})` : s.name)).join(', ')
  return list ? `speakers="${clean(list)}"` : ''
}

function attributeBlock(session: SessionAttributes): string {
  const clean = (t: string) => t.replace(/["{}]/g, '')
  const parts = [
    session.id ? `#${session.id}` : '',
    session.kind !== 'note' ? `.${session.kind}` : session.group ? '.group' : '.note',
    speakersAttribute(session.speakers),
    session.topics.length ? `topics="${clean(session.topics.join(', '))}"` : '',
  ]
  return `{${parts.filter(Boolean).join(' ')}}`
}

/** The kind a post's title says all its sessions are: "KubeCon - The Keynotes", "Day 1 keynote notes". */
function kindOfPost(title: string): SessionKind | undefined {
  return /\bkeynotes?\b/i.test(title) && !/\b(?:talks?|sessions?|workshops?|tutorials?|breakouts?)\b/i.test(title) ? 'keynote' : undefined
}

/** A Markdown body with the sessions inference finds marked, for drafts written as text. */
export function markSessionsInMarkdown(markdown: string, postTitle = ''): { body: string; sessions: string[] } {
  const tree = parser.parse(markdown)
  const sessions = markSessions(tree, () => {}, postTitle)
  return { body: String(writer.stringify(tree)), sessions }
}

const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

// --- headings without their space ------------------------------------------------------

/**
 * "##Day 1" at the start of a paragraph: a heading as older renderers read it, a paragraph
 * to CommonMark. Two or more #s only: "#KubeCon was great" is a hashtag.
 */
function liftUnspacedHeadings(tree: Root): number {
  let count = 0
  const lift = (node: RootContent): RootContent[] => {
    if (node.type !== 'paragraph' || node.children[0]?.type !== 'text') return [node]
    const first = node.children[0]
    const m = /^(#{2,6})([^\s#][^\n]*)(\n|$)/.exec(first.value)
    // The heading's line must be plain text: a line that goes on into a link stays a paragraph.
    if (!m || (m[3] === '' && node.children.length > 1)) return [node]
    count++
    const depth = m[1]!.length as Heading['depth']
    const heading: Heading = { type: 'heading', depth, children: [{ type: 'text', value: m[2]!.replace(/\s*#*\s*$/, '') }], ...(node.position ? { position: node.position } : {}) }
    const rest = [{ type: 'text', value: first.value.slice(m[0].length) } as Text, ...node.children.slice(1)].filter((c) => c.type !== 'text' || c.value !== '')
    // "##Day 2" then "###Talks" on the next line: the rest may open with a heading too.
    return rest.length ? [heading, ...lift({ type: 'paragraph', children: rest })] : [heading]
  }
  tree.children = tree.children.flatMap(lift)
  return count
}

// --- the post's text, before Markdown reads it ------------------------------------------

export interface PreparedSource {
  text: string
  /** For each line of `text` (0-based), the 1-based line of the post it comes from. */
  lineOf: number[]
  /** Shortcodes and Liquid tags taken care of here. */
  shortcodes: number
  /** Links to the blog's other posts left as their text. */
  unlinked: number
  /** Headings that had HTML on the line above. */
  freedHeadings: number
}

const fence = /^ {0,3}(`{3,}|~{3,})/
const atxHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/
// An HTML block that runs to the next blank line (CommonMark's kinds 6 and 7); <pre>, <script>,
// <style>, <textarea> and comments end at their closing tag instead and are left alone.
const htmlBlockStart = /^ {0,3}<\/?(?!(?:pre|script|style|textarea)\b)[A-Za-z][\w-]*(?:\s[^>]*)?\/?>/i
const highlightOpen = /^\s*\{%-?\s*highlight\s+([\w+#.-]+)?[^%]*-?%\}\s*$/
const highlightClose = /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/
const rawTag = /\{%-?\s*(?:end)?raw\s*-?%\}/g
// Liquid that gives the site's own address: "{{ site.baseurl }}/img/a.png" is "/img/a.png".
const siteAddress = /\{\{-?\s*(?:site\.(?:baseurl|url)|base_?path)\s*-?\}\}/g
const addressFilter = /\{\{-?\s*["']([^"'{}\n]*)["']\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))[^}\n]*\}\}/g
// "[text]({% post_url 2018-09-01-intro %})": the post's address is the blog's business.
const postLink = /\[([^\]\n]*)\]\(\s*\{%-?\s*(?:post_url\s|link\s+_posts\/)[^%\n]*%\}\s*\)/g
const fileLink = /\{%-?\s*link\s+\/?([^\s%]+)\s*-?%\}/g

/**
 * What Hugo and Jekyll read before Markdown does, made plain Markdown: shortcodes that span
 * lines joined onto one (then reduced like the others), {% highlight %} blocks as fenced
 * code, Liquid in addresses, kramdown's "* TOC {:toc}" dropped, and a blank line put between
 * a line of HTML and a heading right below it, which older renderers read as a heading and
 * CommonMark as part of the HTML. Fenced code is left as it is.
 */
export function prepareSource(source: string): PreparedSource {
  const lines = source.split('\n')
  const out: string[] = []
  const lineOf: number[] = []
  const counts = { shortcodes: 0, unlinked: 0, freedHeadings: 0 }
  const push = (line: string, from: number) => {
    out.push(line)
    lineOf.push(from + 1)
  }
  let inFence: string | undefined
  let inHtml = false
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!
    const fenceMark = fence.exec(line)?.[1]
    if (inFence) {
      if (fenceMark && fenceMark[0] === inFence[0] && fenceMark.length >= inFence.length && line.trim() === fenceMark) inFence = undefined
      push(line, i)
      continue
    }
    if (fenceMark) {
      inFence = fenceMark
      inHtml = false
      push(line, i)
      continue
    }
    // {% highlight python %} … {% endhighlight %}: code, kept exactly, with its language.
    const highlight = highlightOpen.exec(line)
    if (highlight) {
      const end = lines.findIndex((l, n) => n > i && highlightClose.test(l))
      if (end !== -1) {
        const code = lines.slice(i + 1, end)
        // A fence longer than any run of backticks the code holds.
        const ticks = '`'.repeat(Math.max(3, ...code.map((l) => (/^\s*(`+)/.exec(l)?.[1]!.length ?? 0) + 1)))
        push(`${ticks}${highlight[1] ?? ''}`, i)
        code.forEach((l, n) => push(l, i + 1 + n))
        push(ticks, end)
        counts.shortcodes += 2
        i = end
        inHtml = false
        continue
      }
    }
    // kramdown's table of contents: "* TOC" then "{:toc}".
    if (/^\s*(?:[*+-]|1\.)\s+TOC\s*$/.test(line) && /^\s*\{:\s*\.?toc\s*\}\s*$/.test(lines[i + 1] ?? '')) {
      counts.shortcodes++
      i++
      continue
    }
    // A shortcode that spans lines ("{{<⏎  figure src=…⏎>}}") is joined onto its first line.
    const opened = /\{\{[<%](?![\s\S]*[>%]\}\})|\{%(?![\s\S]*%\})/.exec(codeSplit(line).filter((_p, n) => n % 2 === 0).join(''))
    if (opened) {
      const closer = opened[0] === '{%' ? '%}' : opened[0][2] === '<' ? '>}}' : '%}}'
      const end = lines.findIndex((l, n) => n > i && n <= i + 30 && l.includes(closer))
      if (end !== -1) {
        line = [line, ...lines.slice(i + 1, end + 1).map((l) => l.trim())].join(' ')
        i = end
      }
    }
    // Liquid in the text, never in a code span: a post about Jekyll shows "`{{ site.baseurl }}`" as it is.
    if (line.includes('{')) {
      line = codeSplit(line)
        .map((part, n) => (n % 2 ? part : reduceLiquid(part, counts)))
        .join('')
      if (line.trim() === '' && lines[i]!.trim() !== '') continue
    }
    // A line of shortcodes alone is reduced here, before Markdown can read an address in it as a link.
    if (/^\s*\{\{[<%]/.test(line) && line.replace(shortcode, '').trim() === '') {
      line = reduceShortcodeLine(line)
      counts.shortcodes += [...lines[i]!.matchAll(/\{\{[<%]/g)].length || 1
      if (line === '') continue
    }
    if (line.trim() === '') inHtml = false
    else if (atxHeading.test(line)) {
      // "<br/>⏎## Day 1": the heading would be read as part of the HTML block above it.
      if (inHtml) {
        push('', i)
        counts.freedHeadings++
      }
      inHtml = false
    } else if (!inHtml && htmlBlockStart.test(line) && (out.length === 0 || out.at(-1)!.trim() === '' || atxHeading.test(out.at(-1)!) || /^ {0,3}<\/?(?:address|article|aside|blockquote|body|center|dd|details|dir|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b/i.test(line))) inHtml = true
    push(line, i)
  }
  return { text: out.join('\n'), lineOf, ...counts }
}

/** A line cut into text and code spans: code at the odd indexes. */
function codeSplit(line: string): string[] {
  const parts: string[] = []
  let last = 0
  for (const m of line.matchAll(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g)) {
    parts.push(line.slice(last, m.index), m[0])
    last = m.index + m[0].length
  }
  parts.push(line.slice(last))
  return parts
}

/** Liquid in text that is not code: site addresses, file links, links to other posts, {% raw %}. */
function reduceLiquid(text: string, counts: { shortcodes: number; unlinked: number }): string {
  return text
    .replace(postLink, (_m, words: string) => {
      counts.unlinked++
      return words
    })
    .replace(siteAddress, () => {
      counts.shortcodes++
      return ''
    })
    .replace(addressFilter, (_m, address: string) => {
      counts.shortcodes++
      return address
    })
    .replace(fileLink, (_m, file: string) => {
      counts.shortcodes++
      return `/${file}`
    })
    .replace(rawTag, () => {
      counts.shortcodes++
      return ''
    })
}

// --- shortcodes ------------------------------------------------------------------------

/** A line holding only shortcodes, as the Markdown of what they reduce to ('' for nothing). */
function reduceShortcodeLine(line: string): string {
  const nodes: PhrasingContent[] = []
  for (const m of line.matchAll(shortcode)) {
    const node = m[2] ? shortcodeNode(m[2], m[3] ?? '', m[1] === '/') : undefined
    if (node) nodes.push(...(nodes.length ? [{ type: 'text', value: ' ' } as Text] : []), node)
  }
  return nodes.length ? String(writer.stringify({ type: 'root', children: [{ type: 'paragraph', children: nodes }] })).trim() : ''
}

// The last alternative is a Kramdown attribute list, `{:target="_blank"}` after a link:
// styling for Jekyll's renderer, never words of the post.
const shortcode = /\{\{[<%]\s*(\/?)([\w.-]+)\s*([^}]*?)\s*[>%]\}\}|\{%-?\s*(\w+)\s*([^%]*?)\s*-?%\}|\{:[^}\n]*\}/g

/** Hugo `{{< youtube id >}}`, Jekyll `{% include … %}` and Kramdown `{:…}`, in text: links where they point somewhere, else nothing. */
function reduceShortcodes(tree: Root, count: { shortcodes: number }): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !/\{\{[<%]|\{[%:]/.test(node.value)) return
    const out: PhrasingContent[] = []
    let last = 0
    for (const m of node.value.matchAll(shortcode)) {
      if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) })
      last = m.index + m[0].length
      count.shortcodes++
      // Jekyll's "{% include youtube.html id="…" %}" is its way of writing Hugo's {{< youtube … >}}.
      const included = m[4] === 'include' ? /^["']?([\w-]+)\.html["']?\s*(.*)$/.exec(m[5] ?? '') : null
      const replacement = m[2] ? shortcodeNode(m[2], m[3] ?? '', m[1] === '/') : included ? shortcodeNode(included[1]!, included[2]!, false) : undefined
      if (replacement) out.push(replacement)
    }
    if (last === 0) return
    if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) })
    parent.children.splice(index, 1, ...out)
    return [SKIP, index + out.length]
  })
  // A paragraph that held only shortcodes reduced to nothing goes with them.
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined || node.children.some((c) => c.type !== 'text' || c.value.trim())) return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}

function shortcodeNode(name: string, args: string, closing: boolean): PhrasingContent | undefined {
  if (closing) return undefined
  const attr = (key: string) => new RegExp(`\\b${key}=["']([^"']*)["']`).exec(args)?.[1]
  const first = /^["']?([^\s"']+)["']?/.exec(args)?.[1]
  const id = attr('id') ?? (first && !first.includes('=') ? first : undefined)
  const link = (label: string, url: string): PhrasingContent => ({ type: 'link', url, children: [{ type: 'text', value: label }] })
  switch (name.toLowerCase()) {
    case 'youtube':
      return id ? link('Video on YouTube', `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`) : undefined
    case 'vimeo':
      return id ? link('Video on Vimeo', `https://vimeo.com/${encodeURIComponent(id)}`) : undefined
    case 'tweet':
    case 'x':
      return id && /^\d+$/.test(id) ? link('Post on X', `https://x.com/i/status/${id}`) : undefined
    case 'speakerdeck':
      return id ? link('Slides on Speaker Deck', `https://speakerdeck.com/player/${encodeURIComponent(id)}`) : undefined
    case 'figure': {
      const caption = attr('caption') ?? attr('title') ?? attr('alt')
      return caption ? { type: 'emphasis', children: [{ type: 'text', value: caption }] } : undefined
    }
    default:
      return undefined
  }
}

// --- HTML ------------------------------------------------------------------------------

/**
 * Raw HTML becomes Markdown through hast: each block that holds HTML goes to hast with its
 * HTML re-parsed (hast-util-raw) and back to mdast (hast-util-to-mdast). Links stay links;
 * script, style and iframe elements go, contents and all.
 */
function reduceHtml(tree: Root, count: { html: number }): void {
  tree.children = tree.children.flatMap((block): RootContent[] => {
    if (block.type === 'code' || !contains(block, (n) => n.type === 'html')) return [block]
    visit(block, 'html', () => {
      count.html++
    })
    if (block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value)) return []
    const hast = raw(toHast({ type: 'root', children: [block] }, { allowDangerousHtml: true }) as HastRoot)
    return inParagraphs((toMdast(hast) as Root).children)
  })
}

/**
 * A lone inline element (an <img> on its own line) comes back from hast as phrasing content
 * at the root, and a root holding any phrasing is written as one run of text: every block
 * of the post would then be glued onto one line. Phrasing is wrapped in paragraphs.
 */
function inParagraphs(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = []
  let run: PhrasingContent[] = []
  const flush = () => {
    // A lone <br/> between blocks is spacing, not a paragraph.
    if (run.some((n) => (n.type !== 'text' && n.type !== 'break') || (n.type === 'text' && n.value.trim()))) out.push({ type: 'paragraph', children: run })
    run = []
  }
  for (const node of nodes) {
    if (phrasingTypes.has(node.type)) run.push(node as PhrasingContent)
    else {
      flush()
      out.push(node)
    }
  }
  flush()
  return out
}

const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'html', 'footnoteReference'])

