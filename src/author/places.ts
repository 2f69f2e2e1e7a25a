/**
 * Cities a post names, from a world gazetteer (city-timezones: some 7,000 cities with their
 * country and population), for conferences Recap has never heard of: "SREcon Europe in
 * Dublin", "PyCon ES 2019 Alicante". Only cities of some size count, and only where the
 * post writes them as a name: capitalised, and not the first word of a sentence, so
 * "Nice talk!" or "Reading the docs" name no place.
 */
import cityTimezones from 'city-timezones'
import { isPersonName } from '../parse/structure/speakers.ts'

export interface Place {
  /** As the gazetteer writes it: "Dublin". */
  name: string
  /** The region the series uses for its editions (europe, north-america…), or ''. */
  region: string
}

/** Smaller towns share their names with too many words and people. */
const minimumPopulation = 150_000

let gazetteer: Map<string, Place> | undefined

function places(): Map<string, Place> {
  if (gazetteer) return gazetteer
  gazetteer = new Map()
  for (const c of cityTimezones.cityMapping) {
    if (c.pop < minimumPopulation || !/^\p{Lu}[\p{L} .'-]+$/u.test(c.city)) continue
    const key = fold(c.city)
    const region = regionOf(c.iso2, c.timezone)
    const seen = gazetteer.get(key)
    // Valencia in Spain and in Venezuela: the name is kept, the region is not known.
    gazetteer.set(key, { name: c.city, region: seen && seen.region !== region ? '' : region })
  }
  return gazetteer
}

/** "Łódź", "Lódz" and "Lodz" alike: names compared without their accents. */
function fold(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase()
}

function regionOf(iso2: string, timezone: string | null): string {
  if (iso2 === 'CN' || iso2 === 'HK') return 'china'
  if (iso2 === 'JP') return 'japan'
  if (iso2 === 'IN') return 'india'
  if (iso2 === 'US' || iso2 === 'CA') return 'north-america'
  if (timezone?.startsWith('America/')) return 'latin-america'
  if (timezone?.startsWith('Europe/')) return 'europe'
  return ''
}

// One to three capitalised words: "Dublin", "San Diego", "Rio de Janeiro" is left out.
const capitalised = /\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){0,2}/gu

/**
 * The cities named in `text`, most named first, each with how often. A name at the start of
 * a sentence, a line or a list item does not count: there any word is capitalised.
 */
export function placesNamed(text: string): { place: Place; count: number }[] {
  const table = places()
  const counts = new Map<string, { place: Place; count: number }>()
  for (const m of text.matchAll(capitalised)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index)
    const afterAWord = /[\p{L}\p{N},)]\s+$|[\p{L}\p{N},)]\s*["'“(]$/u.test(before)
    // The longest run of words that names a place: "San Diego", not "San"; "Kosmos Berlin": "Berlin".
    const words = m[0].split(' ')
    for (let i = afterAWord ? 0 : 1; i < words.length; i++) {
      // "Jorge Palma", "Ada Lovelace": a city's name after a first name is a surname.
      if (i > 0 && isPersonName(words.slice(i - 1, i + 1).join(' '))) continue
      let found: Place | undefined
      for (let n = words.length; n > i && !found; n--) {
        const written = words.slice(i, n).join(' ')
        const place = table.get(fold(written))
        // As the post spells it: the gazetteer's "Lódz" is the post's "Łódź".
        if (place) found = { ...place, name: written }
      }
      if (!found) continue
      const entry = counts.get(found.name) ?? { place: found, count: 0 }
      entry.count++
      counts.set(found.name, entry)
      break
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.place.name < b.place.name ? -1 : 1))
}
