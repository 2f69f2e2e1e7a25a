/**
 * A synthetic content folder of any size, for benchmarks and scale tests.
 *
 * Seeded and deterministic: the same --reports and --seed always give the same bytes.
 * Everything is generated from word and sentence templates written for this script (no
 * text of the shipped reports), in the shapes real trip reports have: 8–14 sections per
 * report, about 60% talks with speakers, keynotes, workshops, BoFs, lightning talks and
 * notes, day groups, several reporters per conference, conferences from 2016 to 2024,
 * topics and projects that recur (some projects are ordinary words and case-sensitive).
 *
 *   npx tsx scripts/corpus.ts --reports 1000 --out /tmp/corpus-1000 [--seed 1]
 *
 * or, from code: `generateCorpus({ reports: 100, seed: 1 })` (file name → text) and
 * `writeCorpus(dir, options)`.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

export interface CorpusOptions {
  reports: number
  seed?: number
  /** How many conferences; by default one per 7 reports. */
  conferences?: number
}

/** Written into every generated folder, so that a rerun may replace it and nothing else. */
export const corpusMarker = '.recap-corpus'

// ---------------------------------------------------------------------------------------
// Random numbers: mulberry32, small and good enough for choosing words.

type Rng = () => number

function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1))
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!
/** Skewed towards the start of the list: a few popular items, a long tail. */
const pickSkewed = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() ** 2.2 * items.length)]!
function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

// ---------------------------------------------------------------------------------------
// Vocabulary, written for this generator.

interface Topic {
  id: string
  name: string
  description: string
  aliases: string[]
}

const topics: Topic[] = [
  { id: 'release-engineering', name: 'Release engineering', description: 'Shipping software safely and often: release trains, feature flags and progressive rollout.', aliases: ['release train', 'release engineering', 'feature flag', 'progressive rollout'] },
  { id: 'data-pipelines', name: 'Data pipelines', description: 'Moving and transforming data: stream processing, batch jobs and event streams.', aliases: ['data pipeline', 'stream processing', 'batch job', 'event stream'] },
  { id: 'edge-computing', name: 'Edge computing', description: 'Running workloads close to users and devices, far from the data centre.', aliases: ['edge computing', 'edge node', 'IoT gateway'] },
  { id: 'cost', name: 'Cloud cost', description: 'Knowing and reducing what infrastructure costs: allocation, rightsizing and budgets.', aliases: ['cloud cost', 'cost allocation', 'rightsizing', 'FinOps'] },
  { id: 'accessibility', name: 'Accessibility', description: 'Software that everyone can use, whatever their abilities or devices.', aliases: ['accessibility', 'screen reader', 'WCAG', 'keyboard navigation'] },
  { id: 'testing', name: 'Testing', description: 'Confidence before release: integration tests, contract tests and the fight against flaky suites.', aliases: ['integration test', 'contract testing', 'flaky test', 'property-based testing'] },
  { id: 'databases', name: 'Databases', description: 'Storing and querying data: query planners, replication and schema migrations.', aliases: ['database', 'query planner', 'replication lag', 'schema migration'] },
  { id: 'caching', name: 'Caching', description: 'Keeping answers close: caches, content delivery networks and their invalidation.', aliases: ['cache invalidation', 'content delivery network', 'cache hit ratio'] },
  { id: 'api-design', name: 'API design', description: 'Interfaces between services and their clients: versioning, schemas and protocols.', aliases: ['API design', 'GraphQL', 'REST API', 'API versioning', 'gRPC'] },
  { id: 'identity', name: 'Identity and access', description: 'Who may do what: single sign-on, tokens and identity providers.', aliases: ['single sign-on', 'OAuth', 'identity provider', 'access token'] },
  { id: 'supply-chain', name: 'Supply chain security', description: 'Trusting what you build and run: signed artifacts, provenance and bills of materials.', aliases: ['supply chain', 'software bill of materials', 'SBOM', 'artifact signing', 'provenance'] },
  { id: 'observability', name: 'Observability', description: 'Seeing what a running system does: traces, logs, metrics and dashboards.', aliases: ['tracing', 'structured logging', 'metrics', 'dashboard', 'alert fatigue'] },
  { id: 'incidents', name: 'Incident response', description: 'When things break: on-call, runbooks, postmortems and error budgets.', aliases: ['incident', 'postmortem', 'on-call', 'runbook', 'error budget'] },
  { id: 'platform', name: 'Platform engineering', description: 'Internal platforms that let product teams ship without reinventing infrastructure.', aliases: ['platform team', 'internal developer platform', 'golden path', 'paved road'] },
  { id: 'networking', name: 'Networking', description: 'How services find and reach each other: load balancing, DNS and discovery.', aliases: ['load balancer', 'DNS', 'service discovery', 'network partition'] },
  { id: 'storage', name: 'Storage', description: 'Keeping bytes safe: object and block storage, backups and snapshots.', aliases: ['object storage', 'block storage', 'backup', 'snapshot'] },
  { id: 'security', name: 'Security', description: 'Threat models, vulnerabilities, secrets and the zero-trust idea.', aliases: ['threat model', 'vulnerability', 'secret rotation', 'zero trust'] },
  { id: 'machine-learning', name: 'Machine learning', description: 'Training, serving and monitoring models in production.', aliases: ['machine learning', 'model serving', 'feature store', 'training pipeline'] },
  { id: 'frontend', name: 'Frontend', description: 'What runs in the browser: single-page apps, components and rendering strategies.', aliases: ['frontend', 'single-page app', 'web components', 'hydration'] },
  { id: 'mobile', name: 'Mobile', description: 'Apps on phones: offline sync, push notifications and release stores.', aliases: ['mobile app', 'offline sync', 'push notification'] },
  { id: 'performance', name: 'Performance', description: 'Making systems fast and keeping them fast: latency, throughput and profiling.', aliases: ['tail latency', 'throughput', 'profiling', 'flame graph'] },
  { id: 'developer-experience', name: 'Developer experience', description: 'How it feels to build software here: onboarding, the inner loop and local development.', aliases: ['developer experience', 'onboarding', 'inner loop', 'local development'] },
  { id: 'culture', name: 'Team culture', description: 'The people side: mentoring, hiring, remote work and avoiding burnout.', aliases: ['team culture', 'mentoring', 'hiring', 'remote work', 'burnout'] },
  { id: 'open-source', name: 'Open source', description: 'Projects built in the open: maintainers, contributors, governance and licences.', aliases: ['open source', 'maintainer', 'contributor', 'governance'] },
  { id: 'serverless', name: 'Serverless', description: 'Code without servers to manage: functions, cold starts and event triggers.', aliases: ['serverless', 'function as a service', 'cold start'] },
  { id: 'containers', name: 'Containers', description: 'Packaging and running software in containers, and orchestrating them.', aliases: ['container image', 'container runtime', 'orchestration'] },
  { id: 'infrastructure-as-code', name: 'Infrastructure as code', description: 'Infrastructure described in files and applied by tools, with drift detected.', aliases: ['infrastructure as code', 'drift detection', 'declarative configuration'] },
  { id: 'messaging', name: 'Messaging', description: 'Services talking asynchronously: queues, publish/subscribe and event sourcing.', aliases: ['message queue', 'publish/subscribe', 'event sourcing', 'backpressure'] },
  { id: 'compliance', name: 'Compliance', description: 'Rules from outside: audit trails, data retention and privacy law.', aliases: ['compliance', 'audit trail', 'data retention', 'GDPR'] },
  { id: 'sustainability', name: 'Sustainability', description: 'Software that wastes less: energy efficiency and carbon awareness.', aliases: ['energy efficiency', 'carbon footprint', 'green software'] },
  { id: 'languages', name: 'Programming languages', description: 'The tools of the trade: type systems, compilers, memory safety and garbage collection.', aliases: ['type system', 'garbage collector', 'memory safety', 'compiler'] },
  { id: 'architecture', name: 'Architecture', description: 'How systems are cut into parts: microservices, monoliths and domain-driven design.', aliases: ['microservices', 'monolith', 'domain-driven design', 'modular monolith'] },
]

// Invented project names from syllables; a few ordinary words, which must be case-sensitive.
const syllablesA = ['kel', 'vor', 'tan', 'lum', 'quar', 'zen', 'bri', 'mar', 'cor', 'fal', 'dra', 'nim', 'ost', 'pel', 'rin', 'sol', 'tor', 'ul', 'vex', 'wyn', 'har', 'ix', 'jor', 'pax']
const syllablesB = ['do', 'ix', 'ara', 'on', 'ite', 'ly', 'os', 'ent', 'ka', 'ra', 'is', 'um', 'eth', 'ova']
const wordProjects = ['Lantern', 'Beacon', 'Anchor', 'Compass', 'Quarry', 'Ledger', 'Harvest', 'Kite', 'Ferry', 'Orchard']
const wordUses: Record<string, string> = {
  Lantern: 'a lantern in a dark room',
  Beacon: 'a beacon for newcomers',
  Anchor: 'an anchor for the discussion',
  Compass: 'a compass more than a map',
  Quarry: 'a quarry of ideas',
  Ledger: 'a ledger of decisions',
  Harvest: 'a harvest of small wins',
  Kite: 'a kite in the wind',
  Ferry: 'a ferry between teams',
  Orchard: 'an orchard that needs pruning',
}

interface Project {
  id: string
  name: string
  caseSensitive: boolean
  topics: string[]
}

function makeProjects(rng: Rng, count: number): Project[] {
  const names = new Set<string>()
  while (names.size < count - wordProjects.length) names.add(cap(pick(rng, syllablesA) + pick(rng, syllablesB) + (rng() < 0.3 ? pick(rng, syllablesB) : '')))
  const all = [...[...names].map((name) => ({ name, caseSensitive: false })), ...wordProjects.map((name) => ({ name, caseSensitive: true }))]
  return all.map(({ name, caseSensitive }) => ({
    id: slug(name),
    name,
    caseSensitive,
    topics: shuffle(rng, topics.map((t) => t.id)).slice(0, int(rng, 0, 2)),
  }))
}

const firstNames = ['Ada', 'Ben', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Gustav', 'Hana', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomasz', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Aiko', 'Bruno', 'Carmen', 'Dario', 'Emma', 'Femi', 'Greta', 'Hugo', 'Ilse', 'Jun', 'Kasia', 'Luca', 'Mira', 'Nils', 'Olga', 'Pablo', 'Rahel', 'Sami', 'Tara', 'Ugo', 'Vera', 'Wim']
const lastNames = ['Achterberg', 'Bianchi', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Schmidt', 'Tanaka', 'Urquhart', 'Vasquez', 'Weber', 'Xu', 'Yilmaz', 'Zimmermann', 'Almeida', 'Berg', 'Costa', 'Dahl', 'Esposito', 'Fontaine', 'Gallo', 'Horvat', 'Iqbal', 'Jovanovic', 'Kaur', 'Lindqvist', 'Mensah', 'Novak', 'Olsen', 'Popescu', 'Ramos', 'Svensson', 'Torres', 'Varga', 'Wagner', 'Young']
const initials = 'ABCDEFGHJKLMNPRSTVW'

function makePeople(rng: Rng, count: number): string[] {
  const names = new Set<string>()
  while (names.size < count) {
    const middle = names.size >= firstNames.length * lastNames.length / 2 || rng() < 0.15 ? ` ${pick(rng, [...initials])}.` : ''
    names.add(`${pick(rng, firstNames)}${middle} ${pick(rng, lastNames)}`)
  }
  return shuffle(rng, [...names])
}

const series = [
  'Cloud Native Summit', 'DevOps Gathering', 'Platform Conf', 'Data Engineering Forum', 'Open Source Festival', 'Frontend Week',
  'Reliability Days', 'Security Unconference', 'Systems Symposium', 'Infra Camp', 'API Craft', 'Mobile Horizons',
  'Backend Beyond', 'Testing Summit', 'Code and Culture', 'Machine Learning in Production',
]
const cities: [string, string][] = [
  ['Berlin', 'Germany'], ['Copenhagen', 'Denmark'], ['Barcelona', 'Spain'], ['Lisbon', 'Portugal'], ['Amsterdam', 'Netherlands'], ['Vienna', 'Austria'],
  ['Prague', 'Czechia'], ['Kraków', 'Poland'], ['Ghent', 'Belgium'], ['Lyon', 'France'], ['Turin', 'Italy'], ['Tallinn', 'Estonia'],
  ['Helsinki', 'Finland'], ['Dublin', 'Ireland'], ['Edinburgh', 'United Kingdom'], ['Zürich', 'Switzerland'], ['Oslo', 'Norway'], ['Porto', 'Portugal'],
  ['Seattle', 'United States'], ['Austin', 'United States'], ['Toronto', 'Canada'], ['Montréal', 'Canada'], ['Singapore', 'Singapore'], ['Tokyo', 'Japan'],
]
const editions = ['', 'autumn', 'spring']

interface Conference {
  id: string
  name: string
  year: number
  city: string
  country: string
  start: Date
  days: number
  attendance?: number
}

function makeConferences(rng: Rng, count: number): Conference[] {
  const combos: [string, number, string][] = []
  for (const s of series) for (let year = 2016; year <= 2024; year++) for (const e of editions) combos.push([s, year, e])
  shuffle(rng, combos)
  // Plain editions first, so that small corpora have no "autumn" editions without a main one.
  combos.sort((a, b) => (a[2] === '' ? 0 : 1) - (b[2] === '' ? 0 : 1))
  // Past about 3,000 reports the conferences fill up and each gets more reporters.
  return combos
    .slice(0, Math.min(count, combos.length))
    .map(([s, year, edition]) => {
      const [city, country] = pick(rng, cities)
      const month = edition === 'spring' ? int(rng, 2, 5) : edition === 'autumn' ? int(rng, 8, 11) : int(rng, 0, 11)
      return {
        id: slug(`${s} ${year} ${edition}`),
        name: `${s} ${edition ? cap(edition) + ' ' : ''}${year}`,
        year,
        city,
        country,
        start: new Date(Date.UTC(year, month, int(rng, 1, 25))),
        days: int(rng, 1, 4),
        ...(rng() < 0.6 ? { attendance: int(rng, 2, 120) * 50 } : {}),
      }
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id, 'en'))
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000)

// Sentence templates. Slots: {alias} a topic alias, {alias2} another, {project} a project
// name, {project2} another, {n} a small number, {person} a speaker, {word} a project that is
// an ordinary word, used in its ordinary sense.
const sentences = [
  'The speakers walked through how their team adopted {alias} over {n} months.',
  'Most of the talk was about {alias}, and why it took longer than planned.',
  'They replaced a home-grown tool with {project} and never looked back.',
  'A slide compared {project} and {project2}; neither came out clearly ahead.',
  'I liked the honest part about what went wrong with {alias} in the first year.',
  'The demo showed {project} handling {alias} with almost no configuration.',
  'Several people in the room asked how {alias} interacts with {alias2}.',
  'Their rule of thumb: start with {alias} only when the pain is real.',
  'The numbers were impressive: {n} teams, {n} services and one shared approach to {alias}.',
  'The Q&A drifted towards {alias2}, which says something about where the audience is.',
  'It was less a product pitch than I feared, even though {project} was on every slide.',
  'One takeaway is to write down the decision about {alias} before the tooling discussion starts.',
  'The talk framed {alias} as an organisational problem first and a technical one second.',
  'I had not heard of {project} before; it seems to fill a real gap around {alias}.',
  'A maintainer of {project} joined the discussion afterwards and answered questions for {n} minutes.',
  'The second half was a live walk-through that, remarkably, worked the first time.',
  'Nothing here was new, but the way it was explained made {alias} feel approachable.',
  'The hallway conversations afterwards were mostly about {alias2} and hiring.',
  'They measured everything, and the graphs made a strong case for {alias}.',
  '{person} argued that {alias} is only worth it with a clear owner.',
  '{person} kept returning to the same point: make the default path the easy one.',
  'The slides are online and worth a look if you care about {alias}.',
  'I am not convinced by the migration story, but the approach to {alias} is sound.',
  'The room was full, and people sat on the floor to hear about {project}.',
  'Someone described the setup as {word}, which stuck with me.',
  'Their first attempt used {project2}, and they explained honestly why it did not last.',
  'The key insight was to treat {alias} as a product with users, not a project with an end date.',
  'We should try this at work, starting small with one team and {project}.',
  'The examples came from a retail company with {n} stores, which made it concrete.',
  'I left with a list of {n} things to try, and {alias} is at the top.',
  'There was a good warning about cargo-culting {alias} from much larger companies.',
  'The workshop material is on a public repository, with exercises for {project}.',
  'The talk ran over time, so the part about {alias2} was rushed.',
  'Questions from the audience showed how many teams struggle with {alias} today.',
  'A short history of {alias} opened the talk, then it moved on to current practice.',
  'Interesting detail: they run {project} and {project2} side by side during the transition.',
]
const noteTitles = ['Takeaways', 'Impressions of the venue', 'Summary', 'What I would do differently next time', 'The hallway track', 'Food, people and logistics', 'Open questions', 'Before the conference', 'Closing thoughts', 'Things to try at work']
const talkTitles = [
  '{Alias} in practice',
  'Lessons from {n} years of {alias}',
  '{Project} in production: {alias} at scale',
  'Why {alias} is harder than you think',
  'From zero to {alias} with {project}',
  'What we learned migrating to {project}',
  '{Alias} for the rest of us',
  'Scaling {alias} across {n} teams',
  'A field guide to {alias}',
  'Debugging {alias} when nothing makes sense',
  'The hidden cost of {alias}',
  '{Project} and {project2}: a tale of two tools',
  'Beyond {alias}: what comes next',
  'Building {alias} on a budget',
  'How {project} changed our approach to {alias}',
]
const keynoteTitles = ['Opening keynote', 'Closing keynote', 'Keynote: the state of the community', 'Keynote: {alias} and the next decade', 'Morning keynotes', 'Keynote panel on {alias}']
const workshopTitles = ['Hands-on {alias} with {project}', 'Workshop: {alias} from scratch', 'Getting started with {project}']
const bofTitles = ['{Alias} birds of a feather', 'BoF: maintainers of {project}', 'Unconference session on {alias}']
const lightningTitles = ['Lightning talks', 'Lightning talks, day {n}', 'Five-minute talks on {alias}']

// ---------------------------------------------------------------------------------------

interface Vocabulary {
  projects: Project[]
  speakers: string[]
  reporters: string[]
  conferences: Conference[]
}

function fill(rng: Rng, template: string, vocab: Vocabulary, focus: { topic: Topic; project: Project }): string {
  const alias = () => (rng() < 0.7 ? pick(rng, focus.topic.aliases) : pick(rng, pick(rng, topics).aliases))
  const project = () => (rng() < 0.6 ? focus.project.name : pickSkewed(rng, vocab.projects).name)
  return template
    .replaceAll('{Alias}', () => cap(alias()))
    .replaceAll('{alias}', alias)
    .replaceAll('{alias2}', () => pick(rng, pick(rng, topics).aliases))
    .replaceAll('{Project}', project)
    .replaceAll('{project}', project)
    .replaceAll('{project2}', () => pickSkewed(rng, vocab.projects).name)
    .replaceAll('{n}', () => String(int(rng, 2, 12)))
    .replaceAll('{person}', () => pickSkewed(rng, vocab.speakers))
    .replaceAll('{word}', () => wordUses[pick(rng, wordProjects)]!)
}

function paragraph(rng: Rng, vocab: Vocabulary, focus: { topic: Topic; project: Project }): string {
  const count = int(rng, 2, 5)
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(fill(rng, pick(rng, sentences), vocab, focus))
  return out.join(' ')
}

function sectionBody(rng: Rng, vocab: Vocabulary, focus: { topic: Topic; project: Project }): string {
  const blocks: string[] = []
  const paragraphs = int(rng, 1, 4)
  for (let i = 0; i < paragraphs; i++) blocks.push(paragraph(rng, vocab, focus))
  const extra = rng()
  if (extra < 0.2) {
    const items = int(rng, 2, 5)
    blocks.push(Array.from({ length: items }, () => `- ${fill(rng, pick(rng, sentences), vocab, focus)}`).join('\n'))
  } else if (extra < 0.25) {
    blocks.push(`| Before | After |\n| --- | --- |\n| ${int(rng, 10, 90)} minutes | ${int(rng, 1, 9)} minutes |\n| ${int(rng, 2, 9)} tools | one tool |`)
  } else if (extra < 0.32) {
    blocks.push(`> ${fill(rng, pick(rng, sentences), vocab, focus)}`)
  } else if (extra < 0.38) {
    blocks.push(`The recording is at [the conference site](https://example.org/talks/${int(rng, 1000, 9999)}), and the config used was \`${slug(focus.project.name)}.yaml\`.`)
  }
  return blocks.join('\n\n')
}

type Kind = 'talk' | 'keynote' | 'workshop' | 'bof' | 'lightning' | 'note'

function chooseKind(rng: Rng): Kind {
  const r = rng()
  return r < 0.6 ? 'talk' : r < 0.7 ? 'keynote' : r < 0.76 ? 'workshop' : r < 0.81 ? 'bof' : r < 0.86 ? 'lightning' : 'note'
}

function heading(rng: Rng, kind: Kind, vocab: Vocabulary, focus: { topic: Topic; project: Project }, used: Set<string>): string {
  const templates = kind === 'talk' ? talkTitles : kind === 'keynote' ? keynoteTitles : kind === 'workshop' ? workshopTitles : kind === 'bof' ? bofTitles : kind === 'lightning' ? lightningTitles : noteTitles
  for (let attempt = 0; ; attempt++) {
    let title = fill(rng, pick(rng, templates), vocab, focus)
    if (attempt > 5) title += ` (${attempt})`
    if (!used.has(slug(title))) {
      used.add(slug(title))
      return title
    }
  }
}

function attributes(rng: Rng, kind: Kind, vocab: Vocabulary): string {
  if (kind === 'note') return ''
  const parts = [`.${kind}`]
  const speakerChance = kind === 'talk' ? 0.85 : kind === 'keynote' || kind === 'workshop' ? 0.6 : 0.2
  if (rng() < speakerChance) {
    const n = rng() < 0.75 ? 1 : int(rng, 2, 3)
    const names = new Set<string>()
    while (names.size < n) names.add(pickSkewed(rng, vocab.speakers))
    parts.push(`speakers="${[...names].join(', ')}"`)
  }
  if (rng() < 0.08) parts.push(`topics="${pick(rng, topics).id}"`)
  return ` {${parts.join(' ')}}`
}

function makeReport(rng: Rng, vocab: Vocabulary, conference: Conference, author: string): { title: string; text: string } {
  const mainTopic = pick(rng, topics)
  const mainProject = pickSkewed(rng, vocab.projects)
  const used = new Set<string>()
  const sectionCount = int(rng, 8, 14)
  const grouped = rng() < 0.3 && conference.days > 1
  const lines: string[] = []
  const title = pick(rng, [`${conference.name} in ${conference.city}`, `My notes from ${conference.name}`, `${conference.name}: a recap`, `Takeaways from ${conference.name}`, `${conference.city}, ${conference.year}: ${conference.name}`])
  const published = addDays(conference.start, conference.days + int(rng, 1, 40))
  lines.push('---')
  lines.push(`title: ${JSON.stringify(title)}`)
  lines.push(`author: ${author}`)
  lines.push(`conference: ${conference.id}`)
  lines.push(`published: ${isoDay(published)}`)
  if (rng() < 0.3) lines.push(`source: https://example.org/blog/${slug(author)}/${conference.id}`)
  lines.push(`summary: >-\n  ${fill(rng, 'What stood out at this conference: {alias}, {alias2} and a lot of {project}.', vocab, { topic: mainTopic, project: mainProject })}`)
  if (rng() < 0.2) lines.push(`topics: [${mainTopic.id}]`)
  lines.push('---', '')
  lines.push(paragraph(rng, vocab, { topic: mainTopic, project: mainProject }), '')

  let day = 0
  const perDay = Math.ceil(sectionCount / conference.days)
  for (let i = 0; i < sectionCount; i++) {
    if (grouped && i % perDay === 0) {
      day++
      lines.push(`## Day ${day}`, '')
    }
    const depth = grouped ? '###' : '##'
    const kind = chooseKind(rng)
    const focus = { topic: rng() < 0.4 ? mainTopic : pick(rng, topics), project: rng() < 0.3 ? mainProject : pickSkewed(rng, vocab.projects) }
    lines.push(`${depth} ${heading(rng, kind, vocab, focus, used)}${attributes(rng, kind, vocab)}`, '')
    lines.push(sectionBody(rng, vocab, focus), '')
  }
  return { title, text: lines.join('\n') }
}

function yamlString(s: string): string {
  return /^[\w .,()/+-]+$/.test(s) && !/^[\d-]/.test(s) ? s : JSON.stringify(s)
}

/** The content folder as file name (relative, with forward slashes) → text. */
export function generateCorpus(options: CorpusOptions): Map<string, string> {
  const { reports } = options
  if (!Number.isInteger(reports) || reports < 1) throw new Error('--reports must be a whole number of at least 1')
  const rng = mulberry32(options.seed ?? 1)
  const vocab: Vocabulary = {
    projects: makeProjects(rng, 140),
    speakers: makePeople(rng, Math.max(20, Math.round(reports * 1.5))),
    reporters: [],
    conferences: makeConferences(rng, options.conferences ?? Math.max(1, Math.round(reports / 7))),
  }
  // Reporters are people too, but most write several reports over the years.
  vocab.reporters = makePeople(mulberry32((options.seed ?? 1) + 7919), Math.max(3, Math.round(reports / 4)))

  const files = new Map<string, string>()
  files.set(
    'conferences.yml',
    '# Generated by scripts/corpus.ts\n' +
      vocab.conferences
        .map((c) =>
          [
            `- id: ${c.id}`,
            `  name: ${yamlString(c.name)}`,
            `  year: ${c.year}`,
            `  city: ${yamlString(c.city)}`,
            `  country: ${yamlString(c.country)}`,
            `  dates: { start: ${isoDay(c.start)}, end: ${isoDay(addDays(c.start, c.days - 1))} }`,
            ...(c.attendance ? [`  attendance: ${c.attendance}`] : []),
            `  homepage: https://example.org/conferences/${c.id}/`,
          ].join('\n'),
        )
        .join('\n\n') +
      '\n',
  )
  files.set(
    'topics.yml',
    '# Generated by scripts/corpus.ts\n' +
      topics.map((t) => [`- id: ${t.id}`, `  name: ${yamlString(t.name)}`, `  description: ${JSON.stringify(t.description)}`, `  aliases: [${t.aliases.map((a) => JSON.stringify(a)).join(', ')}]`].join('\n')).join('\n\n') +
      '\n',
  )
  files.set(
    'projects.yml',
    '# Generated by scripts/corpus.ts\n' +
      vocab.projects
        .map((p) => [`- id: ${p.id}`, `  name: ${p.name}`, ...(p.caseSensitive ? ['  caseSensitive: true'] : []), `  topics: [${p.topics.join(', ')}]`, `  homepage: https://example.org/projects/${p.id}/`].join('\n'))
        .join('\n\n') +
      '\n',
  )

  // Every conference gets reports from several reporters; reports go round the conferences.
  const names = new Set<string>()
  for (let i = 0; i < reports; i++) {
    const conference = vocab.conferences[i % vocab.conferences.length]!
    const author = pickSkewed(rng, vocab.reporters)
    let name = `${conference.id}-${slug(author)}`
    for (let n = 2; names.has(name); n++) name = `${conference.id}-${slug(author)}-${n}`
    names.add(name)
    files.set(`reports/${name}.md`, makeReport(rng, vocab, conference, author).text)
  }
  return files
}

/**
 * Writes the corpus to `dir` (created if missing). Refuses a folder that is not empty unless
 * this script made it, so a typo in --out cannot overwrite anything else.
 */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<number> {
  if (existsSync(dir)) {
    const entries = await readdir(dir)
    if (entries.length > 0 && !entries.includes(corpusMarker)) throw new Error(`${dir} is not empty and was not made by scripts/corpus.ts; choose another --out`)
    await rm(path.join(dir, 'reports'), { recursive: true, force: true })
  }
  const files = generateCorpus(options)
  await mkdir(path.join(dir, 'reports'), { recursive: true })
  await writeFile(path.join(dir, corpusMarker), `reports=${options.reports} seed=${options.seed ?? 1}\n`)
  const entries = [...files]
  // Bounded concurrency: thousands of files, one open-file limit.
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map(([name, text]) => writeFile(path.join(dir, name), text)))
  }
  return files.size
}

async function main() {
  const { values } = parseArgs({ options: { reports: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } })
  const reports = Number(values.reports)
  const seed = Number(values.seed)
  if (!values.reports || !Number.isInteger(reports) || reports < 1 || !values.out || !Number.isInteger(seed)) {
    process.stderr.write('usage: npx tsx scripts/corpus.ts --reports N --out DIR [--seed S]\n')
    process.exitCode = 2
    return
  }
  try {
    const count = await writeCorpus(values.out, { reports, seed })
    process.stdout.write(`wrote ${count - 3} reports and 3 data files to ${values.out}\n`)
  } catch (error) {
    process.stderr.write(`corpus: ${(error as Error).message}\n`)
    process.exitCode = 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main()
