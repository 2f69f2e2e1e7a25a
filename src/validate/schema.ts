/**
 * One schema per content file declares validation, defaults and the TypeScript type.
 * The README documents these fields; keep the two in step.
 */
import { z } from 'zod'
import { maxSlugBytes } from '../paths.ts'

export const sessionKinds = ['talk', 'keynote', 'bof', 'workshop', 'lightning'] as const
export type SessionKind = (typeof sessionKinds)[number]
/** A section is a session of one of the kinds above, or a note (takeaway, impression, summary). */
export type SectionKind = SessionKind | 'note'

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lowercase letters, digits and hyphens')
  // An id becomes a folder name in the site.
  .max(maxSlugBytes, `expected an id of at most ${maxSlugBytes} characters`)
const text = z.string().trim().min(1, 'must not be empty')
const isoDate = z
  .string('expected a date like 2018-05-11')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2018-05-11')
  // Date.parse rolls 2019-02-30 over to 2 March: only a date that survives the round trip is real.
  .refine((s) => {
    const d = new Date(s + 'T00:00:00Z')
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'not a real calendar date (check the month and the day)')
export const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })

export const frontMatterSchema = z.strictObject({
  title: text,
  author: text.optional(),
  conference: id,
  published: isoDate.optional(),
  source: httpUrl.optional(),
  summary: text,
  topics: z.array(id).default([]),
})
export type FrontMatter = z.infer<typeof frontMatterSchema>

export const conferenceSchema = z.strictObject({
  id,
  name: text,
  year: z.int().min(1990).max(2100),
  city: text,
  country: text.optional(),
  dates: z.strictObject({ start: isoDate, end: isoDate }).optional(),
  attendance: z.int().positive().optional(),
  homepage: httpUrl.optional(),
})
export type ConferenceEntry = z.infer<typeof conferenceSchema>

export const topicSchema = z.strictObject({
  id,
  name: text,
  description: text,
  aliases: z.array(text).default([]),
  /**
   * Common words that name the topic in passing ("volumes", "logging", "metrics"): they tag a
   * section like aliases, but are never auto-linked, so a page is not a wall of links.
   */
  generic: z.array(text).optional(),
})
export type TopicEntry = z.infer<typeof topicSchema>

export const projectSchema = z.strictObject({
  id,
  name: text,
  /** For names that are also ordinary words: only the capitalised spelling counts. */
  caseSensitive: z.boolean().default(false),
  aliases: z.array(text).default([]),
  topics: z.array(id).default([]),
  homepage: httpUrl.optional(),
})
export type ProjectEntry = z.infer<typeof projectSchema>

/** people.yml: one entry per person whose name the reports spell more than one way. */
export const personSchema = z.strictObject({
  /** The speaker page's address: /speakers/<id>/. */
  id,
  /** The name shown on the site. */
  name: text,
  /** Other spellings of the same person in reports ("J. Roe", a former name). */
  aliases: z.array(text).default([]),
})
export type PersonEntry = z.infer<typeof personSchema>

export const conferencesSchema = z.array(conferenceSchema)
export const peopleSchema = z.array(personSchema)
export const topicsSchema = z.array(topicSchema)
export const projectsSchema = z.array(projectSchema)

/** The keys an object schema accepts at a path, for "did you mean" hints on unknown fields. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const s = unwrap(schemaAt(schema, path))
  return s instanceof z.ZodObject ? Object.keys(s.shape) : []
}

/** The schema of the value at `path` (list indexes and object keys), if there is one. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema
  for (const key of path) {
    s = unwrap(s)
    if (s instanceof z.ZodArray) s = s.element as z.ZodType
    else if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(key)]
    else return undefined
  }
  return s
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.def.innerType as z.ZodType
  return s
}
