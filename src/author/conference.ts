/**
 * Which conference a post is about: the right one, a new one, or a question; never a wrong
 * one. Evidence is the series ("KubeCon"), the region ("Europe", "North America", "China"),
 * the year and the city, from the front matter, the title and the text. A known
 * conference is chosen only when its year agrees with the post and neither its city nor
 * its region is contradicted. Names are compared as text, never as regular expressions.
 */
import type { ConferenceEntry } from '../validate/schema.ts'
import { readHeading } from '../parse/structure/heading-signals.ts'
import { placesNamed } from './places.ts'

export interface PostFacts {
  title: string
  /** The front matter's description: like the title, it says what the post is about. */
  description?: string
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
  /** When the post gives them: "18th-21st of April", "November 18–21, 2019". */
  dates?: { start: string; end: string }
}

export type ConferenceAnswer =
  | { type: 'known'; id: string; reason: string }
  | { type: 'new'; entry: NewConference; reason: string; cityNote?: string }
  | { type: 'question'; reason: string; example?: Example }

/** What to pass to --new-conference, as far as the post tells: shown to the author as an example. */
export interface Example {
  name?: string
  year?: number
  city?: string
}

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

const seriesPattern = /\b(kubecon|cloudnativecon|dockercon|gophercon|kcd|devopsdays|srecon|qcon|open source summit|fosdem|re:invent|strange loop)\b/gi
/** Any other conference named the way most are: "PyCon", "JSConf", "RubyConf", "GopherCon". */
const conWord = /(?<![\p{L}\p{N}])(\p{Lu}\p{L}*?[Cc]onf?)(?!\p{Ll})/gu
/** Words that end like a conference's name and are not one. */
const notSeries = new Set(['silicon', 'bacon', 'icon', 'falcon', 'beacon', 'deacon', 'lexicon', 'recon', 'decon', 'econ'])

export function chooseConference(post: PostFacts, conferences: readonly ConferenceEntry[]): ConferenceAnswer {
  const head = `${post.title}\n${post.description ?? ''}\n${post.tags.join(' ')}`
  const all = `${head}\n${post.text}`
  const year = postYear(post)
  // A post about several events ("Black Hat, KubeCon and Kernel Recipes", a section each) is
  // filed under one only when the author says which: any choice here would be a guess.
  const events = eventsOfPost(post)
  if (events.length > 1) {
    const first = events.find((e) => seriesNamed(e.name).length) ?? events[0]!
    const city = cityOfSection(first.section, events.filter((e) => e !== first).map((e) => e.section))
    return {
      type: 'question',
      reason: `the post is about several events, each in a section of its own (${events.map((e) => `"${e.name}"`).join(', ')}), and a report is about one (move the sections of the others to reports of their own)`,
      example: { name: year ? `${first.name} ${year}` : first.name, ...(year ? { year } : {}), ...(city ? { city } : {}) },
    }
  }
  const series0 = seriesIn(head) ?? seriesIn(all)
  const exampleName = (y: number | undefined) => {
    const name = series0 ? (seriesUpToYear(post.title, series0) ?? seriesAsWritten(post.title, series0) ?? seriesAsWritten(all, series0)) : nameBeforeYear(post.title)
    return name ? (y ? `${name} ${y}` : name) : undefined
  }
  if (year === undefined) {
    const name = exampleName(undefined)
    return { type: 'question', reason: 'cannot tell which year the post is about (no year in its title or date)', example: name ? { name } : {} }
  }

  const cityRegions = { ...knownCities }
  for (const c of conferences) cityRegions[c.city.toLowerCase()] ??= regionOf(c.name) ?? ''
  const series = seriesIn(head) ?? seriesIn(all)
  // No series we know by name: the words before the year in the title are the conference's
  // ("RustFest Europe 2023: notes"), and no KubeCon is made of it.
  const titled = series ? undefined : nameBeforeYear(post.title)
  // The place named in the title (or description, or tags) is what the post is about. In the text, a city
  // named beside another year ("Valencia 2022 was my first", "Paris in 2024") is another
  // event; of the rest, the one named most, if clearly so.
  // A city the title names from the gazetteer ("FOSDEM '24 in Brussels") outranks one the text names.
  const headPlace = citiesIn(head, cityRegions).length ? undefined : placesNamed(head)[0]?.place
  if (headPlace) cityRegions[headPlace.name.toLowerCase()] ??= headPlace.region
  const titleCity = citiesIn(head, cityRegions)[0]
  const titleRegion = regionIn(head) ?? (titleCity ? cityRegions[titleCity] || undefined : undefined)
  const otherYears = citiesBesideOtherYears(post.text, year, cityRegions)
  const textCities = citiesCounted(post.text, cityRegions, true).filter(([c]) => !otherYears.has(c) && (!titleRegion || !cityRegions[c] || cityRegions[c] === titleRegion))
  const clearLead = textCities.length === 1 || (textCities.length > 1 && textCities[0]![1] >= 2 * textCities[1]![1])
  let textCity = textCities.length && clearLead ? textCities[0]![0] : undefined
  // Any city the text names as a name may outweigh those the series is known for: "held in
  // Cardiff … Cardiff City Hall" against one "London". It must lead them all clearly.
  const placed = placesInText(post.text, year, titleRegion)
  if (!titleCity && placed.length) {
    const counts = new Map<string, number>(textCities)
    for (const p of placed) counts.set(p.place.name.toLowerCase(), Math.max(counts.get(p.place.name.toLowerCase()) ?? 0, p.count))
    const ranked = [...counts].sort((a, b) => b[1] - a[1])
    const [lead, next] = ranked
    const known = textCity ? (counts.get(textCity) ?? 0) : 0
    if (lead && lead[0] !== textCity && lead[1] > known && (!next || lead[1] >= 2 * next[1])) {
      textCity = lead[0]
      cityRegions[lead[0]] ??= placed.find((p) => p.place.name.toLowerCase() === lead[0])!.place.region
    }
  }
  const regionOfConference = (c: ConferenceEntry) => regionOf(c.name) ?? (cityRegions[c.city.toLowerCase()] || undefined)

  // A post that names no series is matched with a known one only when it is about the same
  // things: "The Lead Developer conference" of 2018 is not KubeCon Europe 2018.
  const aboutCloudNative = cloudNative.test(all)
  const sameYear = conferences.filter(
    (c) =>
      c.year === year &&
      (!series || seriesIn(c.name) === series) &&
      (!titled || c.name.toLowerCase().startsWith(titled.split(' ')[0]!.toLowerCase())) &&
      (series || titled || aboutCloudNative || seriesIn(c.name) !== 'kubecon'),
  )
  const fits = (c: ConferenceEntry, city: string | undefined, region: string | undefined) => {
    if (city && c.city.toLowerCase() !== city) return false
    const r = regionOfConference(c)
    return !(region && r && region !== r)
  }
  let city = titleCity ?? textCity
  // No city the series is known for: any city of some size the post names as its place.
  if (!city) {
    const place = placeOfPost(head, post.text, year, titleRegion)
    if (place) {
      city = place.name.toLowerCase()
      cityRegions[city] ??= place.region
    }
  }
  // "KubeCon EU 2021 (Virtual Edition)": an event held online has "Online" for its city.
  if (!city && /\b(?:virtual|online)\b/i.test(head)) city = 'online'
  const region = titleRegion ?? (city ? cityRegions[city] || undefined : undefined) ?? regionIn(post.text, true)
  let candidates = sameYear.filter((c) => fits(c, city, region))
  // Neither a city nor a region: a year alone names a conference only when it is the only one that year.
  if (!city && !region && sameYear.length > 1) candidates = []
  if (candidates.length === 1) {
    const c = candidates[0]!
    const place = city ? ` and city ${c.city}` : region ? ' and region' : ''
    return { type: 'known', id: c.id, reason: `${c.name}: the post's year ${year}${place} match` }
  }
  const example = (): Example => {
    const name = exampleName(year)
    return { ...(name ? { name } : {}), year, ...(city ? { city: titleCase(city) } : {}) }
  }
  if (candidates.length > 1) return { type: 'question', reason: `several conferences of ${year} fit: ${candidates.map((c) => c.id).join(', ')}`, example: example() }

  if (!city) {
    // Say what was found: the region and the word that gave it, the cities named and how often.
    const regionName = regions.find((x) => x.id === region)
    const regionWord = regionName ? (regionName.words.exec(head) ?? regionName.words.exec(post.text))?.[0] : undefined
    const named = cityCounts(post.text, cityRegions)
    const times = ([c, n]: [string, number]) => `${c} ${n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`}`
    const cities =
      named.length > 1
        ? `the post names no city clearly more than the others (${named.slice(0, 4).map(times).join(', ')})`
        : named.length === 1
          ? `the post names only ${named[0]![0]}, and only beside another year or outside the event's region`
          : 'the post names no city Recap knows'
    return {
      type: 'question',
      reason: `no known conference of ${year}${regionName ? ` in ${regionName.name}${regionWord ? ` (the post says "${regionWord}")` : ''}` : ''} matches, and ${cities} to add a new one with`,
      example: example(),
    }
  }
  const r = regions.find((x) => x.id === (region ?? cityRegions[city]))
  let entry: NewConference
  if (!series && !titled && !aboutCloudNative) return { type: 'question', reason: `the post names no conference series Recap knows, and its title gives no name before the year`, example: example() }
  if (series === 'kubecon' || (!series && !titled)) {
    entry = {
      id: `kubecon-${r ? r.short : city.replace(/\s+/g, '-')}-${year}`,
      name: `KubeCon + CloudNativeCon ${r ? r.name : (titleCase(city))} ${year}`,
      year,
      city: titleCase(city),
    }
  } else {
    // Another series is named as the post names it: "PyCon UK 2017", "SREcon Europe 2017".
    const name = `${titled ?? seriesUpToYear(post.title, series!) ?? seriesUpToYear(all, series!) ?? seriesAsWritten(post.title, series!) ?? seriesAsWritten(all, series!) ?? titleCase(series!)} ${year}`
    // Ids are ASCII: "PyCon Łódź 2019" is pycon-lodz-2019.
    const id = name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
    entry = { id: /^[a-z0-9]/.test(id) ? id : `conference-${year}`, name, year, city: titleCase(city) }
  }
  const dates = datesIn(post.text, year)
  if (dates) entry.dates = dates
  const taken = conferences.find((c) => c.id === entry.id)
  if (taken) return { type: 'question', reason: `the post names ${entry.city}, but ${taken.id} is in ${taken.city}`, example: { name: entry.name, year, city: entry.city } }
  // A city taken from the text, where the text names others too: say so, for the author to check.
  const others = titleCity ? [] : cityCounts(post.text, cityRegions).filter(([c]) => fold(c) !== fold(entry.city))
  const chosen = cityCounts(post.text, cityRegions).find(([c]) => fold(c) === fold(entry.city))?.[1]
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`)
  const cityNote =
    others.length && chosen
      ? `Took the city ${entry.city} from the post's text (named ${times(chosen)}); it also names ${others
          .slice(0, 3)
          .map(([c, n]) => `${c} (${times(n)})`)
          .join(', ')}: if the conference was there, fix the city in conferences.yml.`
      : undefined
  return { type: 'new', entry, reason: `no known conference is ${entry.name} in ${entry.city}`, ...(cityNote ? { cityNote } : {}) }
}

/**
 * The year the post is about: in its title, else its date (a January post may look back on
 * the year before, when its text says so). A year found only in the text is not enough:
 * posts name past and future events too.
 */
function postYear(post: PostFacts): number | undefined {
  const titleYears = years(post.title)
  if (titleYears.length) return titleYears[0]
  // "devopsdays Amsterdam '16", "FOSDEM '24": the year as people write it beside a name.
  const short = /(?:^|[\s(])['’](\d\d)(?![\p{L}\p{N}])/u.exec(post.title)
  if (short) return 2000 + Number(short[1])
  // "devopsdays16", "PyConES19": two digits glued to the series' name.
  for (const m of post.title.matchAll(/(\p{L}+)(\d\d)(?!\d)/gu)) if (seriesNamed(m[1]!).length) return 2000 + Number(m[2])
  if (!post.date) return undefined
  const [y, m] = post.date.split('-').map(Number)
  if (!y) return undefined
  const textYears = years(post.text)
  if (m === 1 && !textYears.includes(y) && textYears.includes(y - 1)) return y - 1
  return y
}

function years(text: string): number[] {
  return [...text.matchAll(/(?<![\d.\/-])(20[0-4]\d)(?![\d.\/-]\d)/g)].map((m) => Number(m[1]))
}

/**
 * Years that date another event: "Valencia 2022 was my first", "Paris in 2024". A year
 * after "since" dates the series itself ("held in Madrid since 2011").
 */
function otherEventYears(sentence: string, year: number): number[] {
  return years(sentence.replace(/\b(?:since|desde|seit|depuis)\s+(?:the\s+year\s+)?20[0-4]\d\b/gi, ' ')).filter((y) => y !== year)
}

function citiesIn(text: string, cities: Record<string, string>): string[] {
  return citiesCounted(text, cities).map(([c]) => c)
}

/** Cities named in a sentence that also names a year other than `year`. */
function citiesBesideOtherYears(text: string, year: number, cities: Record<string, string>): Set<string> {
  const out = new Set<string>()
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (!otherEventYears(sentence, year).length) continue
    for (const c of citiesIn(sentence, cities)) out.add(c)
  }
  return out
}

/**
 * `written`: only where the text writes the city as a name, capitalised. In a post's text
 * "paris en ligne" is French for online bets; in tags and titles case says little.
 */
function citiesCounted(text: string, cities: Record<string, string>, written = false): [string, number][] {
  // "València" is Valencia: compared without accents.
  const spaced = ` ${text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ')} `
  const lower = spaced.toLowerCase()
  const aligned = lower.length === spaced.length
  const found: [string, number][] = []
  for (const city of Object.keys(cities)) {
    const needle = ` ${city.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `
    let count = 0
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) if (!written || !aligned || /\p{Lu}/u.test(spaced[at + 1]!)) count++
    if (count) found.push([city, count])
  }
  return found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

/**
 * `prose`: in a post's sentences an abbreviation counts only in capitals: "EU", "NA", never
 * the Polish "na" ("on") or the Portuguese "eu" ("I").
 */
function regionIn(text: string, prose = false): string | undefined {
  return regions.find((r) => {
    const words = new RegExp(r.words.source, 'gi')
    for (const m of text.matchAll(words)) if (!prose || m[0].length > 4 || m[0] === m[0].toUpperCase()) return true
    return false
  })?.id
}

function regionOf(name: string): string | undefined {
  return regions.find((r) => r.words.test(name))?.id
}

/** A post with no series named is taken for a KubeCon only when it is about cloud native things. */
const cloudNative = /\b(?:kubernetes|k8s|cncf|cloud native|cloud-native)\b/i

/** "RustFest Europe 2023: notes" → "RustFest Europe": one to four capitalised words right before the year. */
function nameBeforeYear(title: string): string | undefined {
  const m = /((?:[\p{Lu}\p{N}][\p{L}\p{N}.+']*\s+(?:&\s+)?){0,3}[\p{Lu}][\p{L}\p{N}.+']*)\s+(?:20\d\d|['’]\d\d)\b/u.exec(title)
  if (!m) return undefined
  const words = m[1]!.split(/\s+/)
  // "My Notes 2023", "Trip Report 2019" name no conference.
  while (words.length && /^(?:my|our|the|a|notes?|trip|report|recap|review|thoughts|summary|in|at|from|of|to|and)$/i.test(words[0]!)) words.shift()
  return words.length && !words.every((w) => /^(?:notes?|trip|report|recap|review|summary|highlights|day)$/i.test(w)) ? words.join(' ') : undefined
}

/** The series a text is about: the one it names most, the first named when tied. */
function seriesIn(text: string): string | undefined {
  const named = seriesNamed(text)
  let best: string | undefined
  let most = 0
  for (const s of named) {
    const count = named.filter((x) => x === s).length
    if (count > most) [best, most] = [s, count]
  }
  return best
}

function seriesNamed(text: string): string[] {
  const found: [number, string][] = []
  for (const m of text.matchAll(seriesPattern)) found.push([m.index, m[1]!.toLowerCase()])
  for (const m of text.matchAll(conWord)) {
    const s = m[1]!.toLowerCase()
    if (!notSeries.has(s) && !found.some(([at]) => at === m.index)) found.push([m.index, s])
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, s]) => (s === 'cloudnativecon' ? 'kubecon' : s))
}

/**
 * The series' name as the text writes it, with the words that tell its edition apart, up to
 * the year: "PyCon UK", "SREcon Europe", "devopsdays Amsterdam". Undefined when the text
 * does not name the series followed by a year.
 */
function seriesUpToYear(text: string, series: string): string | undefined {
  const lower = text.toLowerCase()
  for (let at = lower.indexOf(series); at !== -1; at = lower.indexOf(series, at + 1)) {
    const rest = text.slice(at).split('\n')[0]!
    // Words only: a name is never markup or a control character from the post.
    const upToYear = /^([\p{L}\p{N} &+.'’\/-]{0,40}?)\s*(?:\b20\d\d\b|['’]\d\d\b)/u.exec(rest)?.[1]
    if (upToYear && !/[:!?;|\]\[]/.test(upToYear) && upToYear.split(/\s+/).length <= 4) return upToYear.replace(/[\s,.–—-]+$/, '')
  }
  return undefined
}

/** The series' word as the text writes it ("FOSDEM", "devopsdays"), with a short edition tag after it ("PyCon UK"). */
function seriesAsWritten(text: string, series: string): string | undefined {
  const at = text.toLowerCase().indexOf(series)
  if (at === -1) return undefined
  const rest = text.slice(at).split('\n')[0]!
  const word = /^[\p{L}:.+-]+/u.exec(rest)![0]
  const next = /^\s+(\p{Lu}{2,3}|Europe|Asia|Africa|Australia|North America|Latin America)\b/u.exec(rest.slice(word.length))
  return next ? `${word} ${next[1]}` : word
}

/**
 * A city from the gazetteer that the post is about: one its title names, else the one its
 * text names most, clearly, leaving out cities named beside another year ("next year in
 * Granada, 2020") and cities outside the region the title gives.
 */
function placeOfPost(head: string, text: string, year: number, titleRegion: string | undefined): { name: string; region: string } | undefined {
  const inHead = placesNamed(head)[0]
  if (inHead) return inHead.place
  const named = placesInText(text, year, titleRegion)
  if (!named.length) return undefined
  const clear = named.length === 1 || named[0]!.count >= 2 * named[1]!.count
  return clear ? named[0]!.place : undefined
}

/** Gazetteer cities the text names, most named first, leaving out those beside another year or outside the title's region. */
function placesInText(text: string, year: number, titleRegion: string | undefined): ReturnType<typeof placesNamed> {
  const elsewhere = new Set<string>()
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (otherEventYears(sentence, year).length) for (const p of placesNamed(sentence)) elsewhere.add(p.place.name)
  }
  return placesNamed(text).filter((p) => !elsewhere.has(p.place.name) && (!titleRegion || !p.place.region || p.place.region === titleRegion))
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const month = `(${months.join('|')}|${months.map((m) => m.slice(0, 3)).join('|')})\\.?`
const day = '(\\d{1,2})(?:st|nd|rd|th)?'
const dash = '\\s*(?:-|–|—|to|until)\\s*'
const rangeMonthFirst = new RegExp(`\\b${month}\\s+${day}${dash}${day}(?:,?\\s+(20\\d\\d))?`, 'i')
const rangeDayFirst = new RegExp(`\\b${day}${dash}${day}(?:\\s+of)?\\s+${month}(?:,?\\s+(20\\d\\d))?`, 'i')

/** The first date range the text gives for the conference's year, as ISO dates. */
export function datesIn(text: string, year: number): { start: string; end: string } | undefined {
  const head = text.slice(0, 4000)
  const a = rangeMonthFirst.exec(head)
  const b = rangeDayFirst.exec(head)
  const found = a && (!b || a.index <= b.index) ? { month: a[1]!, from: a[2]!, to: a[3]!, year: a[4] } : b ? { month: b[3]!, from: b[1]!, to: b[2]!, year: b[4] } : undefined
  if (!found || (found.year && Number(found.year) !== year)) return undefined
  const m = months.findIndex((name) => name.startsWith(found.month.toLowerCase().replace('.', '').slice(0, 3))) + 1
  const iso = (d: string) => {
    const n = Number(d)
    const date = new Date(Date.UTC(year, m - 1, n))
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === n ? `${year}-${String(m).padStart(2, '0')}-${String(n).padStart(2, '0')}` : undefined
  }
  const start = iso(found.from)
  const end = iso(found.to)
  return start && end && start <= end ? { start, end } : undefined
}

/** "san diego" → "San Diego", "łódź" → "Łódź": the first letter of each word, accented or not. */
function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase())
}

/** The cities a text names, with how often, as `chooseConference` counts them: for telling the author what was found. */
function cityCounts(text: string, cities: Record<string, string>): [string, number][] {
  const counts = new Map<string, number>()
  for (const [c, n] of citiesCounted(text, cities, true)) counts.set(fold(c), n)
  for (const p of placesNamed(text)) if (!counts.has(fold(p.place.name))) counts.set(fold(p.place.name), p.count)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => [titleCase(c), n])
}

export interface EventOfPost {
  name: string
  /** The text of its section. */
  section: string
}

/**
 * The events a post gives a section each: top-level headings that name a conference series
 * ("KubeCon Europe") or that the title lists ("Black Hat, KubeCon and Kernel Recipes" over
 * "## Black Hat Asia", "## Kernel Recipes"). Day, track and takeaway headings are never events.
 */
export function eventsOfPost(post: PostFacts): EventOfPost[] {
  const lines = post.text.split('\n')
  const headings: { depth: number; text: string; line: number }[] = []
  let fence = false
  lines.forEach((line, i) => {
    if (/^ {0,3}(```|~~~)/.test(line)) fence = !fence
    const m = fence ? null : /^(#{1,6})[ \t]+(.+?)(?:[ \t]+\{[^}]*\})?[ \t#]*$/.exec(line)
    if (m) headings.push({ depth: m[1]!.length, text: m[2]!.replace(/[*_`]/g, '').trim(), line: i })
  })
  if (headings.length < 2) return []
  const top = Math.min(...headings.map((h) => h.depth))
  const tops = headings.filter((h) => h.depth === top)
  const title = fold(post.title)
  // "Black Hat, KubeCon and Kernel Recipes": a title that lists names.
  const listTitle = /,|\band\b|&/.test(post.title)
  const events: EventOfPost[] = []
  for (const [n, h] of tops.entries()) {
    const words = h.text.split(/\s+/)
    if (words.length > 5 || /\d/.test(h.text) || /[:?!.,]/.test(h.text)) continue
    const signals = readHeading(h.text)
    if (signals.groupWord || signals.noteWord || signals.kind) continue
    // A name: capitalised words ("Kernel Recipes"), never a phrase ("What is KubeCon", "My Experience").
    const nameLike = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|and|de|la|du|\+|&)$/.test(w)) && !/^(?:my|our|the|a|an|what|why|how|about|intro|introduction|day|before|after)$/i.test(words[0]!)
    if (!nameLike) continue
    const named = seriesNamed(h.text).length > 0
    // The title lists it: the heading, or its first words ("Black Hat" of "Black Hat Asia"), are in the title, as a name.
    const inTitle = words.some((_w, k) => {
      const lead = fold(words.slice(0, words.length - k).join(' '))
      return lead.length >= 4 && ` ${title} `.includes(` ${lead} `)
    })
    const listed = listTitle && inTitle
    if (!named && !listed) continue
    const end = tops[n + 1]?.line ?? lines.length
    const key = seriesNamed(h.text)[0] ?? fold(h.text)
    if (events.some((e) => (seriesNamed(e.name)[0] ?? fold(e.name)) === key)) continue
    events.push({ name: h.text, section: lines.slice(h.line + 1, end).join('\n') })
  }
  return events
}

/** The city a section of the post is in: the one it names most, clearly, of those the other events' sections do not name. */
function cityOfSection(section: string, others: readonly string[]): string | undefined {
  // "A day in Paris, then off to València for KubeCon": Paris is the next section's city.
  const elsewhere = new Set(others.flatMap((o) => cityCounts(o, knownCities).map(([c]) => c)))
  const all = cityCounts(section, knownCities)
  const own = all.filter(([c]) => !elsewhere.has(c))
  const named = own.length ? own : all
  const clear = named.length === 1 || (named.length > 1 && named[0]![1] >= 2 * named[1]![1])
  return clear ? named[0]![0] : undefined
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}
