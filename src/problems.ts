/**
 * Errors are data: every problem a user can cause is one entry of this catalogue,
 * reported with the file, line and field it concerns, what is wrong and what to do.
 */
import { compareCodePoints } from './compare.ts'
import { oneLine } from './terminal.ts'


export interface Problem {
  /** Path as the user would type it, relative to the working directory. */
  file: string
  line: number
  column: number
  /** The front-matter key, data-file path or attribute concerned, e.g. `conference` or `[2].topics[0]`. */
  field?: string
  code: ProblemCode
  message: string
  hint: string
  severity: 'error' | 'warning'
}

type Entry<Args> = {
  title: string
  message: (args: Args) => string
  hint: (args: Args) => string
}

const entry = <Args>(e: Entry<Args>) => e

export const catalogue = {
  missingFile: entry<{ what: string }>({
    title: 'Missing content file',
    message: ({ what }) => `${what} not found`,
    hint: () => 'Create it, or point --content at the folder that holds reports/, conferences.yml, topics.yml and projects.yml.',
  }),
  unreadableFile: entry<{ reason: string }>({
    title: 'Unreadable content file',
    message: ({ reason }) => `the file cannot be read (${reason})`,
    hint: () => 'Check that you may read it (permissions) and that it is a file, then run the command again.',
  }),
  notUtf8: entry<object>({
    title: 'File is not UTF-8',
    message: () => 'the file is not valid UTF-8 text',
    hint: () => 'Save it as UTF-8 (most editors offer "Save with encoding").',
  }),
  yamlSyntax: entry<{ reason: string }>({
    title: 'Malformed YAML',
    message: ({ reason }) => `malformed YAML: ${reason}`,
    hint: () => 'Fix the YAML syntax; quote values that contain ": " or start with a special character.',
  }),
  frontMatter: entry<{ reason: string; hint: string }>({
    title: 'Unreadable front matter',
    message: ({ reason }) => reason,
    hint: ({ hint }) => hint,
  }),
  missingField: entry<{ expected: string }>({
    title: 'Missing field',
    message: ({ expected }) => `required field is missing (expected ${expected})`,
    hint: () => 'Add the field.',
  }),
  wrongType: entry<{ reason: string }>({
    title: 'Wrong value',
    message: ({ reason }) => reason,
    hint: () => 'Correct the value; the README lists every field and its format.',
  }),
  unknownField: entry<{ known: string[]; suggestion?: string; valueProblem?: string }>({
    title: 'Unknown field',
    message: ({ suggestion }) => (suggestion ? `unknown field (did you mean "${suggestion}"?)` : 'unknown field'),
    hint: ({ known, suggestion, valueProblem }) =>
      suggestion
        ? `Rename it to ${suggestion}${valueProblem ? ` and correct its value: ${valueProblem}` : ''}; or remove it.`
        : `Remove it or use one of: ${known.join(', ')}.`,
  }),
  unknownConference: entry<{ id: string; known: string[] }>({
    title: 'Unknown conference',
    message: ({ id }) => `unknown conference id "${id}"`,
    hint: ({ known }) => (known.length ? `Use one of: ${known.join(', ')}; or add the conference to conferences.yml.` : 'conferences.yml lists no conferences yet: add this one there (id, name, year, city).'),
  }),
  unknownTopic: entry<{ id: string; known: string[] }>({
    title: 'Unknown topic',
    message: ({ id }) => `unknown topic id "${id}"`,
    hint: ({ known }) => (known.length ? `Use one of: ${known.join(', ')}; or add the topic to topics.yml.` : 'topics.yml lists no topics yet: add this one there (id, name, description).'),
  }),
  duplicateId: entry<{ id: string; kind: string; first: string }>({
    title: 'Duplicate id',
    message: ({ id, kind }) => `duplicate ${kind} id "${id}"`,
    hint: ({ first }) => `Ids must be unique; the first one is at ${first}. Rename one of them.`,
  }),
  sharedPersonName: entry<{ name: string; person: string; first: string }>({
    title: 'One name for two people',
    message: ({ name, person }) => `"${name}" is already a name of ${person}`,
    hint: ({ first }) => `A name or alias in people.yml stands for one person; ${first} declares it first. Remove it from one of the two entries.`,
  }),
  danglingColon: entry<object>({
    title: 'Paragraph ends in ":" with nothing after it',
    message: () => 'this paragraph ends in ":" but nothing follows it',
    hint: () => 'Add what it announces (a list or links, often lost when a post is copied), or end the sentence with a full stop.',
  }),
  missingAnchor: entry<{ fragment: string; nearest?: string }>({
    title: 'Link to a heading the report does not have',
    message: ({ fragment }) => `link to "#${fragment}": no heading or element of this report has that id`,
    hint: ({ nearest }) =>
      nearest ? `Did you mean "#${nearest}"? A heading's id is its title in lowercase, with spaces as "-" and most punctuation left out; the "#" beside a heading on the page shows it.` : 'Link to one of its headings, or remove the link.',
  }),
  imageWithoutAlt: entry<object>({
    title: 'Image without alt text',
    message: () => 'this <img> has no alt attribute: screen readers cannot say what it shows',
    hint: () => 'Add alt="what the image shows", or alt="" when it only decorates; it is published with alt="" until then.',
  }),
  placeholderText: entry<{ text: string }>({
    title: 'Skeleton placeholder left in a report',
    message: ({ text }) => `placeholder text from the report skeleton: "${text}"`,
    hint: () => 'Replace it with your own text, or remove it.',
  }),
  badFileName: entry<{ name: string }>({
    title: 'Report file name is not a usable id',
    message: ({ name }) => `"${name}" does not give a report id (lowercase letters, digits and hyphens)`,
    hint: () => 'Rename the file, e.g. 2019-barcelona-notes.md; the name becomes the report URL.',
  }),
  emptyReport: entry<object>({
    title: 'Empty report',
    message: () => 'the report has no text after its front matter',
    hint: () => 'Write the report below the closing --- of the front matter.',
  }),
  unknownSessionKind: entry<{ kind: string; known: readonly string[] }>({
    title: 'Unknown session kind',
    message: ({ kind }) => `unknown session kind ".${kind}"`,
    hint: ({ known }) => `Use one of: ${known.map((k) => '.' + k).join(', ')}; leave the heading unmarked for a note.`,
  }),
  badAttributes: entry<{ reason: string }>({
    title: 'Malformed heading attributes',
    message: ({ reason }) => `malformed heading attributes: ${reason}`,
    hint: () => 'Write them like {.talk speakers="Ada Lovelace, Alan Turing" topics="security"}.',
  }),
  noSessions: entry<object>({
    title: 'Report without sessions',
    message: () => 'the report has no session: every section is a note',
    hint: () => 'If it covers talks, mark their headings with {.talk}, {.keynote}, {.bof}, {.workshop} or {.lightning}.',
  }),
  unusedTopic: entry<{ id: string }>({
    title: 'Topic nothing mentions',
    message: ({ id }) => `no section mentions topic "${id}"`,
    hint: () => 'Add aliases that the reports use, tag a section with topics="…", or remove the topic.',
  }),
  tooDeep: entry<{ what: string; limit: number }>({
    title: 'Nesting too deep',
    message: ({ what, limit }) => `${what} are nested more than ${limit} levels deep here`,
    hint: () => 'Flatten the nesting: nothing Recap reads needs that many levels, and it could not be read safely.',
  }),
  symlink: entry<{ target: string }>({
    title: 'Symbolic link not followed',
    message: ({ target }) => `this is a symbolic link to ${target}; it is not read`,
    hint: () => 'Put the file itself in the content folder: links are followed only to files inside the content folder, never to folders.',
  }),
  missingReference: entry<{ kind: string; url: string; expected: string; folder?: string | undefined }>({
    title: 'Image or file not found',
    message: ({ kind, url, expected, folder }) => `${kind} "${url}" not found: ${expected} ${folder ? `is ${folder}, not a file` : 'does not exist'}`,
    hint: ({ expected, url }) => `Put the file at ${expected} or fix the path (${url.startsWith('/') ? 'a path that starts with "/" is in public/' : 'it is relative to the report file'}).`,
  }),
  referenceOutside: entry<{ kind: string; url: string; folder: string; reason: string }>({
    title: 'Image or file outside its folder',
    message: ({ kind, url, folder, reason }) => `${kind} "${url}" ${reason} ${folder}; it is not copied into the site`,
    hint: ({ folder }) =>
      folder === 'public/'
        ? 'Put the file in public/ and point at it from the site root, e.g. /images/stage.png.'
        : 'Put the file inside the content folder, e.g. beside the report in reports/img/, and point at it from the report, e.g. img/stage.png.',
  }),
  referenceNotCopied: entry<{ kind: string; url: string; type: string; publicPath: string }>({
    title: 'File type not copied from the content folder',
    message: ({ kind, url, type }) =>
      type === 'extensionless' ? `${kind} "${url}" has no file type (such as .png), so Recap does not copy it from the content folder` : `${kind} "${url}" is a ${type} file, which Recap does not copy from the content folder`,
    hint: ({ publicPath }) => `Content is not trusted, and such a file could run scripts on the site: if you trust it, put it in public/ and point at it as ${publicPath}; or convert it to PNG, JPEG, GIF, WebP or PDF.`,
  }),
  referenceAtPublicPath: entry<{ kind: string; url: string; contentFile: string; sitePath: string; publicFile: string; folder: boolean }>({
    title: 'File beside a report at the path of a file in public/',
    message: ({ kind, url, contentFile, sitePath, publicFile, folder }) =>
      folder
        ? `${kind} "${url}" (${contentFile}) would be copied to ${sitePath} in the site, where ${publicFile} is a folder; it is not copied`
        : `${kind} "${url}" (${contentFile}) is copied to ${sitePath} in the site, where ${publicFile} is too: the site carries ${contentFile}, and ${publicFile} is left out`,
    hint: () => 'Rename or move one of the two: a file beside a report is copied to its path in the content folder, and public/ to the site\'s root.',
  }),
  emptySection: entry<{ title: string }>({
    title: 'Empty section',
    message: ({ title }) => `section "${title}" has no text`,
    hint: () => 'Write something under the heading or remove it.',
  }),
} as const

export type ProblemCode = keyof typeof catalogue
type ArgsOf<C extends ProblemCode> = Parameters<(typeof catalogue)[C]['message']>[0]

export interface Place {
  file: string
  line?: number
  column?: number
  field?: string
}

export function problem<C extends ProblemCode>(code: C, place: Place, args: ArgsOf<C>, severity: Problem['severity'] = 'error'): Problem {
  const e = catalogue[code] as Entry<ArgsOf<C>>
  return {
    file: place.file,
    line: place.line ?? 1,
    column: place.column ?? 1,
    ...(place.field === undefined ? {} : { field: place.field }),
    code,
    message: e.message(args),
    hint: e.hint(args),
    severity,
  }
}

/** Thrown by a stage when the content has errors; carries every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the content`)
    this.name = 'ContentError'
  }
}

/** Compiler style, one line per problem: `file:line:col  field: message  hint`. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`
  const what = p.field ? `${p.field}: ${p.message}` : p.message
  const tag = p.severity === 'warning' ? 'warning: ' : ''
  // One line per problem, even when a file name or a quoted value holds a line break.
  return oneLine(`${where}  ${tag}${what}  ${p.hint}`)
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => compareCodePoints(a.file, b.file) || a.line - b.line || a.column - b.column)
}
