/**
 * Speakers as data: read "Ada Lovelace, Analytical Engines & Alan Turing (Bletchley)" into
 * `{name, affiliation?}` records, and tell a person's name from a company or a phrase.
 *
 * A name is two to four capitalised words (particles such as "van" or "de" and initials
 * allowed) that are not everyday title words or technology names: "Mark McBride" is a
 * name, "Kubernetes Is Hard" and "Red Hat" are not. Conference schedules write a speaker
 * as "Name, Company", so after a comma comes the affiliation.
 */

export interface Speaker {
  name: string
  affiliation?: string
}

const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'la', 'le', 'bin', 'al', 'ten', 'ter', 'y'])

/** Words that start talk titles and takeaways but never a person's name. */
const notNameWords = new Set(
  (
    'a an the and or of for to in on at by with without from into over under about across beyond through versus vs is are was were be been being it its this that these those ' +
    'how why what when where who which your our my we you i he she they them his her their us me not no yes all any every more most ' +
    'new old next last first final better best good great big small day days night morning evening afternoon week year ' +
    'intro introduction deep dive keynote keynotes talk talks session sessions panel workshop tutorial lightning bof track tracks ' +
    'summary takeaways takeaway conclusion conclusions impressions thoughts overview notes highlights lessons learned recap ' +
    'kubernetes cloud native service mesh security observability monitoring logging tracing storage network networking serverless ' +
    'python java rust ruby go golang javascript typescript php perl scala kotlin swift elixir erlang haskell django rails react node wasm webassembly ' +
    'operator operators controller controllers cluster clusters container containers docker helm istio envoy linkerd prometheus ' +
    'grafana jaeger gitops devops ci cd api apis open source community data machine learning edge scale scaling production ' +
    'lab labs inc ltd llc gmbh corp corporation company technologies software systems solutions foundation group team ' +
    'google microsoft amazon aws azure ibm oracle red hat vmware cisco intel apple facebook meta netflix spotify uber ' +
    'manager engineer engineering director developer developers architect product technical senior principal staff lead head chief officer ' +
    'president founder cofounder ceo cto vp advocate evangelist consultant specialist scientist maintainer member business unit report recap ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'
  ).split(' '),
)

/** A word of a name: capitalised ("McBride", "O'Neil", "Jean-Luc", "Łukasz") or an initial ("J."). */
const nameWord = /^(?:\p{Lu}[\p{Ll}\p{M}'’]*(?:[-'’]?\p{Lu}?[\p{Ll}\p{M}'’]+)*|\p{Lu}\.(?:\p{Lu}\.)*)$/u

export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/)
  if (words.length < 2 || words.length > 4) return false
  let capitalised = 0
  for (const word of words) {
    if (particles.has(word)) continue
    if (!nameWord.test(word)) return false
    if (notNameWords.has(word.toLowerCase().replace(/[.'’]/g, ''))) return false
    capitalised++
  }
  // At least two real name words: "de la Cruz" alone is not a full name.
  return capitalised >= 2 && nameWord.test(words[0]!) && !particles.has(words.at(-1)!)
}

/** Company suffixes: "Labs", "Inc", "GmbH"… end a company name, never a person's. */
const companySuffix = /\b(?:Inc|Ltd|LLC|GmbH|AG|Corp|Corporation|Labs?|Technologies|Software|Systems|Solutions|Foundation|Cloud|Group|Company|Co)\.?$/

/**
 * Reads a speaker list. Returns undefined unless every speaker starts with a person's name
 * (`strict` also refuses affiliations after a comma, for "Title, Speaker" headings).
 */
export function readSpeakers(text: string, options: { strict?: boolean; people?: boolean } = {}): Speaker[] | undefined {
  const cleaned = text
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '')
  if (cleaned === '' || cleaned.length > 300) return undefined
  // "A (X), B (Y)": a comma after a closing bracket separates people, not name and company.
  const chunks = cleaned.split(/\s*(?:&|\+|;|\/|\band\b|(?<=\))\s*,)\s*/).filter(Boolean)
  const speakers: Speaker[] = []
  for (const chunk of chunks) {
    const speaker = readOne(chunk, options.strict ?? false, speakers, options.people ?? false)
    if (!speaker) return undefined
  }
  return speakers.length ? speakers : undefined
}

/**
 * `people`: the text is said to list people ("Speakers: Ada Lovelace, Alan Turing"), so two
 * names after each other are two people; a last part that is no name is their company.
 */
function readOne(chunk: string, strict: boolean, into: Speaker[], people: boolean): boolean {
  // "Name (Company)", "Name @ Company" or "Name - Company"
  const paren = /^(.+?)\s*(?:[(@]|\s[-–—]\s)\s*([^()]+?)\s*\)?$/.exec(chunk)
  if (paren && isPersonName(paren[1]!)) {
    into.push({ name: paren[1]!, affiliation: paren[2]!.trim() })
    return true
  }
  const parts = chunk.split(/\s*,\s*/).filter(Boolean)
  if (!isPersonName(parts[0]!)) return false
  if (parts.length === 1) {
    into.push({ name: parts[0]! })
    return true
  }
  // "A, B, C" where each is a name: a list of people without affiliations. Two parts are
  // "Name, Company" by the schedules' convention ("Rafael Souza, Lumen Games").
  if (parts.length >= 3 && parts.every((p) => isPersonName(p) && !companySuffix.test(p))) {
    for (const p of parts) into.push({ name: p })
    return true
  }
  if (people) {
    let names = 0
    while (names < parts.length && isPersonName(parts[names]!) && !companySuffix.test(parts[names]!)) names++
    if (names >= 2) {
      const rest = parts.slice(names).join(', ')
      parts.slice(0, names).forEach((p, i) => into.push({ name: p, ...(rest && i === names - 1 ? { affiliation: rest } : {}) }))
      return true
    }
  }
  if (strict) return false
  into.push({ name: parts[0]!, affiliation: parts.slice(1).join(', ') })
  return true
}

export function speakerNames(speakers: readonly Speaker[]): string {
  return speakers.map((s) => s.name).join(', ')
}

/** "Ada Lovelace (Analytical Engines), Alan Turing": names with their affiliations. */
export function speakersWithAffiliations(speakers: readonly Speaker[]): string {
  return speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(', ')
}
