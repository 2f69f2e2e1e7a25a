/**
 * `recap new`: start a report. Writes content/reports/<slug>.md with valid front matter and a
 * commented skeleton, and can add the conference it belongs to.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { stringify } from 'yaml'
import { displayPath } from '../load/content.ts'
import { reportFileId } from '../paths.ts'
import { nearest, parseYaml } from '../validate/yaml.ts'

export interface NewReportOptions {
  contentDir: string
  title: string
  conference: string
  author?: string
  /** Add the conference to conferences.yml first. */
  newConference?: { name: string; year: number; city: string; country?: string }
}

/** A user mistake, reported as one line with what to do; never a stack trace. */
export class AuthoringError extends Error {}

export async function newReport(options: NewReportOptions): Promise<{ file: string; addedConference: boolean }> {
  // A title with no letter to spell a file name with ("東京") is named after its conference and author.
  const id = reportFileId(options.title) || reportFileId(`${options.conference} ${options.author ?? 'report'}`)
  if (!id) throw new AuthoringError(`The title "${options.title}" gives no usable file name; use letters or digits in it.`)
  const file = path.join(options.contentDir, 'reports', `${id}.md`)
  if (existsSync(file)) throw new AuthoringError(`${displayPath(file)} already exists; pick another title or edit that report.`)

  const conferencesFile = path.join(options.contentDir, 'conferences.yml')
  const conferencesText = await readFile(conferencesFile, 'utf8').catch(() => '')
  const parsed = parseYaml(conferencesText, displayPath(conferencesFile))
  if (parsed.problems.length) throw new AuthoringError(`${displayPath(conferencesFile)} has errors; run "npm run check" and fix them first.`)
  const known = Array.isArray(parsed.value) ? (parsed.value as { id?: unknown }[]).map((c) => String(c.id)) : []

  let addedConference = false
  if (options.newConference) {
    if (known.includes(options.conference)) throw new AuthoringError(`Conference "${options.conference}" already exists in ${displayPath(conferencesFile)}; leave out --new-conference.`)
    if (!/^[a-z0-9][a-z0-9-]*$/.test(options.conference)) throw new AuthoringError(`"${options.conference}" is not a usable conference id: use lowercase letters, digits and hyphens, e.g. kubecon-eu-2020.`)
    const { name, year, city, country } = options.newConference
    const entry = stringify([{ id: options.conference, name, year, city, ...(country ? { country } : {}) }])
    const separator = conferencesText === '' || conferencesText.endsWith('\n\n') ? '' : conferencesText.endsWith('\n') ? '\n' : '\n\n'
    await writeFile(conferencesFile, conferencesText + separator + entry)
    addedConference = true
  } else if (!known.includes(options.conference)) {
    const near = nearest(options.conference, known)
    const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, … (all in ${displayPath(conferencesFile)})` : known.join(', ') || 'none yet'
    throw new AuthoringError(`Unknown conference "${options.conference}".${near ? ` Did you mean --conference ${near}?` : ''} Known: ${shown}. To add it: ${newConferenceHint(options.conference)}`)
  }

  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, skeleton(options))
  return { file: displayPath(file), addedConference }
}

/**
 * The flags that add a conference, guessed from the id typed: "rustconf-2099" gives
 * --name "Rustconf 2099" --year 2099. The city cannot be guessed and is left to fill in.
 */
export function newConferenceHint(id: string): string {
  const words = id.split(/[-_\s]+/).filter(Boolean)
  const year = words.map((w) => /^(?:19|20)\d\d$/.exec(w)?.[0]).findLast((y) => y !== undefined)
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ')
  return `--new-conference --name ${JSON.stringify(name || 'Conference name')} --year ${year ?? 'YEAR'} --city CITY (--city Online for an event held online)`
}

function skeleton(o: NewReportOptions): string {
  const frontMatter = stringify({
    title: o.title,
    ...(o.author ? { author: o.author } : {}),
    conference: o.conference,
    summary: 'One or two sentences on what this report covers.',
  })
  return `---
${frontMatter}# published: 2019-05-24        (optional: when you published it)
# source: https://example.com  (optional: where it was first published)
# topics: [security]            (optional: topic ids from topics.yml)
---

Start with an introduction: what the conference was like and why you went.

<!-- A session is a heading marked with its kind: {.talk}, {.keynote}, {.bof}, {.workshop}
     or {.lightning}, with optional speakers="…" and topics="…". -->

## Title of a talk {.talk speakers="Speaker Name"}

What the speakers said, and what you took away.

<!-- An unmarked heading is a note: a takeaway or an impression. -->

## Takeaways

- A first takeaway
`
}
