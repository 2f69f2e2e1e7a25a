/**
 * Speakers as data: read "Ada Lovelace, Analytical Engines & Alan Turing (Bletchley)" into
 * `{name, affiliation?}` records, and tell a person's name from a company or a phrase.
 *
 * A name is two to four capitalised words (particles such as "van" or "de" and initials
 * allowed) that are not everyday title words or technology names: "Mark McBride" is a
 * name, "Kubernetes Is Hard" and "Red Hat" are not. Conference schedules write a speaker
 * as "Name, Company", so after a comma comes the affiliation.
 *
 * Posts write a comment after the name instead ("by Ada Lovelace, who showed the new
 * solver", "by Ada Lovelace - loved the demos", "by Ada Lovelace: a follow-up"). What
 * follows a name is an affiliation only when it reads as one: an organisation's capitalised
 * words ("Acme Labs", "University of Oslo", "Head of Platform at Acme"), a job ("staff
 * engineer at Acme"), a way of working ("independent", "freelance", "formerly at Acme") or
 * a team ("the Rust core team"). In brackets right after the name ("Ada Lovelace
 * (independent consultant)") the words are the affiliation unless they read as a comment.
 * A comment is a sentence: it opens with a pronoun or "who/which/that", has a verb ("loved
 * it", "recorded"), says "!" or "?", or speaks of the talk itself ("slides", "remote"). The
 * speaker keeps their name, the comment is no affiliation, and no person is ever read out of it.
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
    'profile slides slide video videos recording recordings abstract schedule website blog twitter github linkedin mastodon youtube ' +
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
    // "Mesosphere's Jörg Schad": a possessive belongs to a company or a talk, never inside a name.
    if (!nameWord.test(word) || /['’]s$/.test(word)) return false
    if (notNameWords.has(word.toLowerCase().replace(/[.'’]/g, ''))) return false
    capitalised++
  }
  // At least two real name words: "de la Cruz" alone is not a full name.
  return capitalised >= 2 && nameWord.test(words[0]!) && !particles.has(words.at(-1)!)
}

/** Company suffixes: "Labs", "Inc", "GmbH"… end a company name, never a person's. */
const companySuffix = /\b(?:Inc|Ltd|LLC|GmbH|AG|Corp|Corporation|Labs?|Technologies|Software|Systems|Solutions|Foundation|Cloud|Group|Company|Co)\.?$/

/** Small words between an organisation's or a job's capitalised words: "University of Oslo", "Head of Platform at Acme". */
const joiningWords = /^(?:of|at|and|for|the|in|on|de|du|des|la|le|von|van|der|y|und|et|di|da|del|&|\/|\+|[-–—|@])$/i
/** Words that open a comment, never an organisation: "who showed…", "She…", "Also…". */
const commentOpener =
  /^(?:who|whom|whose|which|that|where|when|while|whilst|i|i'm|i've|i'd|we|he|she|they|it|it's|its|this|these|those|his|her|their|my|our|there|here|also|and|but|so|as|because|although|though|if|not|just|definitely|highly|must|see|watch|check|really|very|what|how|why)$/i
/** A verdict on its own: "Great.", "Recommended". */
const verdict = /^(?:great|good|nice|cool|awesome|amazing|excellent|brilliant|fantastic|superb|interesting|inspiring|fun|funny|recommended|solid|wow|meh)$/i
/** A job, in either case: "staff engineer at Acme", "Maintainer of Tokio", "core developer". */
const jobOpener =
  /^(?:senior|staff|principal|lead|head|chief|director|vp|founder|co-?founder|engineer|engineering|developer|software|manager|architect|maintainer|member|researcher|scientist|consultant|professor|lecturer|student|phd|core|contributor|creator|author|cto|ceo)\b/i
/** Words that make a sentence of a job: "Lead the way", "Software is hard". */
const sentenceWords = /\b(?:is|are|was|were|has|had|have|does|did|gave|showed|shows|talked|spoke|told|made|makes|loved|liked|enjoyed|i|we|you|he|she|they|who|which)\b/i
/** How someone works, in lower case as posts write it: "independent", "freelance", "formerly at Acme", "ex-Acme". */
const workOpener = /^(?:independent|freelancer?|self-employed|retired|contractor|volunteer|formerly|previously|former|ex-\S+|now at|currently at)\b/i
/** The noun that ends a team or organisation written in lower case: "the Rust core team", "PSF board". */
const organisationNoun = /\b(?:team|teams|group|lab|labs|company|startup|foundation|project|community|university|institute|department|committee|sig|wg|org|organi[sz]ation|consultancy|agency|collective|maintainers|board|council)$/i
/**
 * What makes words in brackets a comment rather than an affiliation: a verb ("loved it",
 * "recorded", "joining remotely"), a pronoun ("she/her"), the talk's own things ("slides",
 * "video", "remote") or a year.
 */
const bracketComment =
  /(?<!\p{L})(?:\p{Ll}+ed|\p{Ll}{2,}ing|slides?|video|recording|demos?|live|remote|remotely|online|virtual|link|here|again|twice|too|also|sadly|unfortunately|please|with|about|via)(?!\p{L})|^(?:on|for|to|in|a|an|the|no|not|see)(?!\p{L})|(?<!\p{L})[12]\d{3}(?!\d)|(?<!\p{L})(?:she|he|they|ze|xe)\/\p{L}+/u

/**
 * What may stand after a name as the speaker's affiliation: an organisation ("Acme Labs",
 * "University of Oslo", "eBay"), a job ("Head of Platform at Acme", "staff engineer at
 * Acme"), a way of working ("independent", "formerly at Acme") or a team ("the Rust core
 * team"); `bracketed`, right after the name in brackets, also any short words that are no
 * comment ("independent consultant"). Not a comment: a lower-case phrase ("loved the
 * demos"), a pronoun or "who/which/that" ("who showed the new solver"), a verdict ("Great.")
 * or a sentence with "!" or "?".
 */
export function readsAsAffiliation(text: string, bracketed = false): boolean {
  const t = text
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, '')
  if (t === '' || /[!?]/.test(t)) return false
  // "@inesm, trainer": a handle and a description, as a schedule gives them.
  if (/^@\w/.test(t)) return true
  const words = t.split(' ')
  const first = words[0]!.replace(/[,.;:]$/, '')
  // "Great.", "great talk": a verdict. "Great Lakes Software" is a company.
  if (commentOpener.test(first) || verdict.test(t) || (verdict.test(first) && /^\p{Ll}/u.test(first))) return false
  if (jobOpener.test(t) || workOpener.test(t)) return !sentenceWords.test(t)
  // "the Rust core team", "PSF board": a group of people, however it is written.
  if (words.length <= 6 && organisationNoun.test(t) && !sentenceWords.test(t) && !/^(?:a|an)\s/i.test(t)) return true
  // "(independent consultant)", "(Rust infra)": in brackets right after a name, the words
  // say who the person is unless they read as a comment.
  if (bracketed) return words.length <= 6 && !sentenceWords.test(t) && !bracketComment.test(t)
  // Capitalised, a number, a handle, or a brand written "eBay"/"ex-CoreOS".
  if (!/^(?:[\p{Lu}\p{N}@#&]|\p{Ll}+-?\p{Lu})/u.test(t)) return false
  // Capitalised words joined by small ones; any other lower-case word makes it a phrase.
  return words.every((w) => joiningWords.test(w) || !/^\p{Ll}[\p{Ll}'’]+[,.;:]?$/u.test(w))
}

export interface ReadOptions {
  /** Refuse "Name, Company": for "Title, Speaker" headings, where the comma may be the title's. */
  strict?: boolean
  /**
   * The text is said to list people ("Speakers: Ada Lovelace, Alan Turing"), so two names
   * after each other are two people; a last part that is no name is their company.
   */
  people?: boolean
}

/**
 * Reads a speaker list. Returns undefined unless every speaker starts with a person's name
 * (`strict` also refuses affiliations after a comma, for "Title, Speaker" headings).
 */
export function readSpeakers(text: string, options: ReadOptions = {}): Speaker[] | undefined {
  return read(text, options)?.speakers
}

/** Speakers, and the comment written after them. */
export interface Byline {
  speakers: Speaker[]
  /** What the text says after the speakers: "a follow-up to last year." */
  comment?: string
}

/**
 * Where a byline may go on with a comment: a colon, the end of a sentence (after a word, not
 * an initial's dot), a lower-case "who", "which" or "where" ("by Ada Lovelace where she
 * describes…"), or a comma, dash, bracket, "from", "of" or "at" whose words read as a
 * comment ("by Ada Lovelace at the main stage").
 */
const bylineBreak = /(\s*:\s+|(?<=[\p{Ll}\p{M}]{2}|\))[.!?]+(?=\s|$)|\s+(?=(?:who|whose|which|where|in which)\s))|\s*,\s+|\s+[-–—]{1,2}\s+|\s*\(|\s+(?=(?:from|of|at)\s)/gu

/**
 * Reads the speakers that open a byline ("by Ada Lovelace: a follow-up to last year.", "by
 * Ada Lovelace. Great for newcomers.", "by Ada Lovelace (Acme) - loved the demos") and the
 * comment after them. The comment starts at the first break before which the text reads
 * as speakers; only the text before a break is ever read for names.
 */
export function readByline(text: string, options: ReadOptions = {}): Byline | undefined {
  // After an affiliation, only words that open a comment start one: "Ada Lovelace, @ada, trainer"
  // is one speaker's description, "Ada Lovelace, Acme, who showed…" a comment.
  let placed = false
  // Names come first and are short: the breaks worth trying are near the start.
  for (const cut of text.slice(0, 200).matchAll(bylineBreak)) {
    const after = text.slice(cut.index + cut[0].length)
    if (cut[1] === undefined) {
      // A comma, dash or bracket: a comment only if what follows it reads as none of an
      // affiliation, another speaker or a title ("Ada Lovelace, Acme", "…, Alan Turing").
      const bracket = cut[0].includes('(') ? /^([^()]*)\)/.exec(after)?.[1] : undefined
      // "from the Rust core team" is a place to work, "at the main stage" a comment.
      const place = cut[0].trim() === '' ? after.replace(/^\S+\s+/, '') : after
      const words = bracket ?? (cut[0].includes('(') ? after : place.split(/\s*[:,(]\s|\s[-–—]{1,2}\s|[.!?](?:\s|$)/)[0]!)
      if (readsAsAffiliation(words, bracket !== undefined)) {
        placed = true
        continue
      }
      // A bracket closes the affiliation: "Ada Lovelace (Acme) - loved the demos".
      const open = placed && !/\)\s*$/.test(text.slice(0, cut.index))
      if (!/\p{L}/u.test(words) || (open && !commentOpener.test(words.trim().split(/\s+/)[0]!))) continue
    }
    const head = read(text.slice(0, cut.index), options)
    if (!head) continue
    const comment = (cut[0].includes('(') ? '(' + after : after).trim()
    return { speakers: head.speakers, ...(comment ? { comment } : {}) }
  }
  return read(text, options)
}

function read(text: string, options: ReadOptions): Byline | undefined {
  const cleaned = text
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '')
  if (cleaned === '' || cleaned.length > 300) return undefined
  // "A (X), B (Y)": a comma after a closing bracket separates people, not name and company.
  const chunks = cleaned.split(/\s*(?:&|\+|;|\/|\band\b|(?<=\))\s*,)\s*/).filter(Boolean)
  const speakers: Speaker[] = []
  const comments: string[] = []
  for (const chunk of chunks) {
    if (!readOne(chunk, options.strict ?? false, speakers, options.people ?? false, comments)) return undefined
  }
  return speakers.length ? { speakers, ...(comments.length ? { comment: comments.join(' ') } : {}) } : undefined
}

/** A name, or a name and where the person works: "Ada Lovelace from Acme", "… of Acme", "… at Acme", "… from the Rust core team". */
function nameAndPlace(text: string): Speaker | undefined {
  if (isPersonName(text)) return { name: text }
  const m = /^(.+?)\s+(?:from|of|at)\s+(\S.*)$/u.exec(text)
  return m && isPersonName(m[1]!) && readsAsAffiliation(m[2]!) ? { name: m[1]!, affiliation: m[2]! } : undefined
}

/**
 * One speaker with their affiliation, or with several names (`people`) several. A part that
 * does not read as an affiliation is a comment on the talk: left out, and kept in `comments`.
 */
function readOne(chunk: string, strict: boolean, into: Speaker[], people: boolean, comments: string[]): boolean {
  const withPlace = (name: string, place: string, bracketed = false) => {
    if (readsAsAffiliation(place, bracketed)) return { name, affiliation: place.trim() }
    comments.push(place.trim())
    return { name }
  }
  // "Name (Company)", "Name @ Company" or "Name - Company"
  const paren = /^(.+?)\s*([(@]|\s[-–—]\s)\s*([^()]+?)\s*\)?$/.exec(chunk)
  if (paren && isPersonName(paren[1]!)) {
    into.push(withPlace(paren[1]!, paren[3]!, paren[2] === '(' && chunk.trimEnd().endsWith(')')))
    return true
  }
  const parts = chunk.split(/\s*,\s*/).filter(Boolean)
  const first = nameAndPlace(parts[0]!)
  if (!first) return false
  if (parts.length === 1) {
    into.push(first)
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
      parts.slice(0, names).forEach((p, i) => into.push(rest && i === names - 1 ? withPlace(p, rest) : { name: p }))
      return true
    }
  }
  if (strict) return false
  // "Ada Lovelace from Acme, who…": the place is read already; what follows is a comment.
  if (first.affiliation) {
    comments.push(parts.slice(1).join(', '))
    into.push(first)
  } else into.push(withPlace(first.name, parts.slice(1).join(', ')))
  return true
}

export function speakerNames(speakers: readonly Speaker[]): string {
  return speakers.map((s) => s.name).join(', ')
}

/** "Ada Lovelace (Analytical Engines), Alan Turing": names with their affiliations. */
export function speakersWithAffiliations(speakers: readonly Speaker[]): string {
  return speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(', ')
}
