/**
 * Which conference a post is about: the right one, a new one, or a question; never a wrong
 * one. Evidence is the series ("KubeCon"), the region ("Europe", "North America", "China"),
 * the year and the city, from the front matter, the title and the text. A known
 * conference is chosen only when its year agrees with the post and neither its city nor
 * its region is contradicted. Names are compared as text, never as regular expressions.
 */
import type { ConferenceEntry } from '../validate/schema.ts'

export interface PostFacts {
  title: string
  text: string
  /** The front matter's date (YYYY-MM-DD), when it has one. */
  date?: string
  tags: string[]
}

export interface NewConference {
  id: string
  name: string
  year: number
  city: string
}

export type ConferenceAnswer =
  | { type: 'known'; id: string; reason: string }
  | { type: 'new'; entry: NewConference; reason: string }
  | { type: 'question'; reason: string }

const regions: { id: string; short: string; name: string; words: RegExp }[] = [
  { id: 'europe', short: 'eu', name: 'Europe', words: /\b(?:europe|eu|emea)\b/i },
  { id: 'north-america', short: 'na', name: 'North America', words: /\b(?:north america|na)\b/i },
  { id: 'china', short: 'china', name: 'China', words: /\bchina\b/i },
  { id: 'japan', short: 'japan', name: 'Japan', words: /\bjapan\b/i },
  { id: 'india', short: 'india', name: 'India', words: /\bindia\b/i },
  { id: 'latin-america', short: 'latam', name: 'Latin America', words: /\b(?:latin america|latam)\b/i },
]

/** Cities that host the series, with their region: a post naming one is about that city. */
const knownCities: Record<string, string> = {
  berlin: 'europe', copenhagen: 'europe', barcelona: 'europe', amsterdam: 'europe', valencia: 'europe', paris: 'europe', london: 'europe', 'salt lake city': 'north-america',
  seattle: 'north-america', 'san diego': 'north-america', austin: 'north-america', boston: 'north-america', 'los angeles': 'north-america', detroit: 'north-america', chicago: 'north-america', atlanta: 'north-america', 'san francisco': 'north-america', 'new orleans': 'north-america',
  shanghai: 'china', 'hong kong': 'china', tokyo: 'japan', mumbai: 'india', hyderabad: 'india', 'new delhi': 'india',
}

const seriesPattern = /\b(kubecon|cloudnativecon|dockercon|gophercon|kcd|devopsdays|srecon|qcon|open source summit)\b/gi

export function chooseConference(post: PostFacts, conferences: readonly ConferenceEntry[]): ConferenceAnswer {
  const head = `${post.title}\n${post.tags.join(' ')}`
  const all = `${head}\n${post.text}`
  const year = postYear(post)
  if (year === undefined) return { type: 'question', reason: 'cannot tell which year the post is about' }

  const cityRegions = { ...knownCities }
  for (const c of conferences) cityRegions[c.city.toLowerCase()] ??= regionOf(c.name) ?? ''
  const series = seriesIn(head) ?? seriesIn(all)
  // Place named in the title (or tags) is what the post is about; the text only breaks ties,
  // since a post may mention last year's city or the next one.
  const titleCity = citiesIn(head, cityRegions)[0]
  const titleRegion = regionIn(head) ?? (titleCity ? cityRegions[titleCity] || undefined : undefined)
  const textCity = citiesIn(post.text, cityRegions)[0]
  const regionOfConference = (c: ConferenceEntry) => regionOf(c.name) ?? (cityRegions[c.city.toLowerCase()] || undefined)

  const sameYear = conferences.filter((c) => c.year === year && (!series || seriesIn(c.name) === series))
  const fits = (c: ConferenceEntry, city: string | undefined, region: string | undefined) => {
    if (city && c.city.toLowerCase() !== city) return false
    const r = regionOfConference(c)
    return !(region && r && region !== r)
  }
  let candidates = sameYear.filter((c) => fits(c, titleCity, titleRegion))
  let city = titleCity
  let region = titleRegion
  if (!titleCity && !titleRegion) {
    // Nothing in the title: the city the text names most, else the text's region.
    const byText = candidates.filter((c) => fits(c, textCity, undefined))
    if (textCity && byText.length) candidates = byText
    else if (textCity) candidates = []
    city = textCity
    region = textCity ? cityRegions[textCity] || undefined : regionIn(post.text)
    if (!textCity && region) candidates = candidates.filter((c) => fits(c, undefined, region))
    if (!textCity && !region && sameYear.length > 1) candidates = []
  }
  if (candidates.length === 1) {
    const c = candidates[0]!
    const place = city ? ` and city ${c.city}` : region ? ' and region' : ''
    return { type: 'known', id: c.id, reason: `${c.name}: the post's year ${year}${place} match` }
  }
  if (candidates.length > 1) return { type: 'question', reason: `several conferences of ${year} fit: ${candidates.map((c) => c.id).join(', ')}` }

  if (!city) return { type: 'question', reason: `no known conference of ${year}${region ? ' in that region' : ''} matches, and the post names no city to add a new one with` }
  const r = regions.find((x) => x.id === (region ?? cityRegions[city]))
  const seriesName = series === 'kubecon' || !series ? 'KubeCon + CloudNativeCon' : titleCase(series)
  const seriesId = seriesName === 'KubeCon + CloudNativeCon' ? 'kubecon' : series!.replace(/\s+/g, '-')
  const entry: NewConference = {
    id: `${seriesId}-${r ? r.short : city.replace(/\s+/g, '-')}-${year}`,
    name: `${seriesName} ${r ? r.name : titleCase(city)} ${year}`,
    year,
    city: titleCase(city),
  }
  const taken = conferences.find((c) => c.id === entry.id)
  if (taken) return { type: 'question', reason: `the post names ${entry.city}, but ${taken.id} is in ${taken.city}` }
  return { type: 'new', entry, reason: `no known conference is ${entry.name} in ${entry.city}` }
}

/** The year the post is about: in its title, else its date (January posts look back), else its text. */
function postYear(post: PostFacts): number | undefined {
  const titleYears = years(post.title)
  if (titleYears.length) return titleYears[0]
  const textYears = years(post.text)
  if (post.date) {
    const [y, m] = post.date.split('-').map(Number)
    if (y && textYears.includes(y)) return y
    if (y && m === 1 && textYears.includes(y - 1)) return y - 1
    if (y) return y
  }
  if (!textYears.length) return undefined
  const counts = new Map<number, number>()
  for (const y of textYears) counts.set(y, (counts.get(y) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0]
}

function years(text: string): number[] {
  return [...text.matchAll(/(?<![\d.\/-])(20[0-4]\d)(?![\d.\/-]\d)/g)].map((m) => Number(m[1]))
}

function citiesIn(text: string, cities: Record<string, string>): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `
  const found: [string, number][] = []
  for (const city of Object.keys(cities)) {
    const needle = ` ${city.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `
    let count = 0
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) count++
    if (count) found.push([city, count])
  }
  return found.sort((a, b) => b[1] - a[1]).map(([c]) => c)
}

function regionIn(text: string): string | undefined {
  return regions.find((r) => r.words.test(text))?.id
}

function regionOf(name: string): string | undefined {
  return regions.find((r) => r.words.test(name))?.id
}

function seriesIn(text: string): string | undefined {
  const m = [...text.matchAll(seriesPattern)][0]
  if (!m) return undefined
  const s = m[1]!.toLowerCase()
  return s === 'cloudnativecon' ? 'kubecon' : s
}

function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (c) => c.toUpperCase())
}
