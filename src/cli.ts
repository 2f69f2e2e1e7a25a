/**
 * The `recap` command: a thin wrapper over the library. Flags are parsed by commander;
 * failures print one line per problem and set a non-zero exit code, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { AuthoringError, newConferenceHint, newReport } from './author/new-report.ts'
import { ContentError, formatProblem } from './problems.ts'
import { normalizeSiteUrl } from './emit/feeds.ts'
import { AddressError, checkedBase, readSiteRecord } from './emit/site-address.ts'
import { normalizeBase, slugify } from './paths.ts'
import { recoverOutput } from './emit/write.ts'
import { oneLine, terminalSafe } from './terminal.ts'
import { projectRoot } from './root.ts'
// Each command loads what it needs when it runs (below), so `recap --help` starts fast.

/** Where a run prints: the process's streams, or a test's buffers. */
export interface CliIO {
  out: (text: string) => void
  err: (text: string) => void
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
}

/**
 * Runs the command line `argv` (without node and the script) and resolves to the exit
 * status. Long-running commands (serve, dev) resolve once they are listening.
 */
export async function run(argv: readonly string[], rawIO: CliIO = processIO): Promise<number> {
  // Titles, file names and queries come from content: every printed line is made safe here.
  const io: CliIO = { out: (text) => rawIO.out(terminalSafe(text)), err: (text) => rawIO.err(terminalSafe(text)) }
  let status = 0
  const log = (line: string) => io.out(line)
  const fail = (message: string) => {
    io.err(message)
    status = 1
  }
  /** Says so when a server could not listen because the port is taken. */
  const portInUse = (error: unknown, port: number): boolean => {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return false
    fail(`Port ${port} is already in use. Stop the other server or pick another port with --port.`)
    return true
  }

  /** Says so, in one line, when --content names nothing or a file. */
  const contentFolderOk = async (dir: string): Promise<boolean> => {
    const info = await stat(dir).catch(() => undefined)
    if (info?.isDirectory()) return true
    fail(
      info
        ? `--content ${dir} is a file, not a folder: pass the content folder, the one that holds reports/ and conferences.yml.`
        : `content folder ${path.resolve(dir)} does not exist: pass the folder that holds reports/ and conferences.yml with --content.`,
    )
    return false
  }
  /** An optional --public folder exists and is a folder, or says in one line why not. */
  const publicFolderOk = async (dir: string | undefined): Promise<boolean> => {
    if (dir === undefined) return true
    const info = await stat(dir).catch(() => undefined)
    if (info?.isDirectory()) return true
    fail(info ? `--public ${dir} is a file, not a folder: pass the folder whose files the site serves from its root.` : `public folder ${path.resolve(dir)} does not exist: create it, or leave out --public to use Recap's own.`)
    return false
  }
  /** Makes the --cache folder, or says in one line why it cannot be one. */
  const cacheFolderOk = async (dir: string): Promise<boolean> => {
    const { prepareCacheDir } = await import('./parse/cache.ts')
    const problem = await prepareCacheDir(dir)
    if (problem) fail(problem)
    return problem === undefined
  }

  const program = new Command()

  program
    .name('recap')
    .description('Turn conference trip reports into a linked, searchable static site.')
    .version(packageVersion(), '-v, --version', 'print the version of Recap')
    // After a usage error, one line pointing at the help: the whole help would bury the error.
    .showHelpAfterError('Run "recap --help" to see the commands.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text), outputError: (text, write) => write(text) })

  program
    .command('build')
    .description('Build the site from the content folder into the output folder.')
    .option('--content <dir>', 'folder with reports/, conferences.yml, topics.yml, projects.yml', 'content')
    .option('--out <dir>', 'output folder (replaced atomically on success)', 'dist')
    .option('--base <path>', 'URL path the site is served under, e.g. /recap/ (default: the path of --site-url, else /)')
    .option('--site-url <url>', 'absolute URL the site is published at; writes feed.xml and sitemap.xml', parseSiteUrl)
    .option('--cache <dir>', 'where parsed reports are cached between builds', '.recap-cache')
    .option('--no-cache', 'parse every report')
    .option('--public <dir>', 'folder copied to the site root, where "/images/x.png" in a report points (default: Recap\'s public/)')
    .addHelpText(
      'after',
      `
Examples:
  $ npm run build
  $ npm run build -- --content ../my-reports --out ../my-reports-site --base /recap/
  $ npm run build -- --site-url https://example.com/recap/    # the base, /recap/, from the URL`,
    )
    .action(async (opts: { content: string; out: string; base?: string; siteUrl?: string; cache: string | false; public?: string }) => {
      if (!(await contentFolderOk(opts.content)) || !(await publicFolderOk(opts.public)) || (opts.cache && !(await cacheFolderOk(opts.cache)))) return
      const { build } = await import('./build.ts')
      const summary = await build({ contentDir: opts.content, outDir: opts.out, ...(opts.base !== undefined ? { base: opts.base } : {}), ...(opts.siteUrl ? { siteUrl: opts.siteUrl } : {}), ...(opts.cache ? { cacheDir: opts.cache } : {}), ...(opts.public ? { publicDir: opts.public } : {}) })
      const c = summary.counts
      const total = summary.timings.reduce((n, t) => n + t.ms, 0)
      if (summary.upToDate) {
        log(`Up to date: ${path.resolve(summary.outDir)} was kept, nothing changed since its last build (checked in ${formatDuration(total)})`)
      } else {
        log(`Built ${path.resolve(summary.outDir)} in ${formatDuration(total)}`)
        for (const t of summary.timings) log(`  ${t.stage.padEnd(9)} ${formatDuration(t.ms).padStart(8)}`)
        log(`  parsed ${plural(summary.parsed.fresh, 'report')}, ${summary.parsed.cached} from the cache`)
      }
      log(
        `  ${c.reports} reports · ${c.sections} sections (${c.sessions} sessions) · ${c.topics} topics · ${c.projects} projects · ${c.conferences} conferences · ${c.pages} pages ${summary.upToDate ? 'kept' : 'written'}`,
      )
      log(`  search index ${kb(summary.searchIndex.bytes)} (${kb(summary.searchIndex.gzipBytes)} gzip)`)
      if (summary.warnings.length) log(`  ${plural(summary.warnings.length, 'warning')}: run "npm run check" to see them`)
      log(summary.feeds.length ? `  ${summary.feeds.join(' and ')} written` : '  feed.xml and sitemap.xml skipped: they need absolute URLs, pass --site-url https://…')
    })

  program
    .command('new')
    .description('Start a new report: content/reports/<slug>.md with front matter and a commented skeleton.')
    .argument('<title>', 'the report title')
    .requiredOption('--conference <id>', 'conference id from conferences.yml')
    .option('--author <name>', 'who wrote the report')
    .option('--content <dir>', 'content folder', 'content')
    .option('--new-conference', 'add the conference to conferences.yml (with --name, --year, --city)')
    .option('--name <name>', 'with --new-conference: the conference name')
    .option('--year <year>', 'with --new-conference: the year', parsePositive)
    .option('--city <city>', 'with --new-conference: the city')
    .option('--country <country>', 'with --new-conference: the country')
    .addHelpText(
      'after',
      `
Examples:
  $ npm run new -- "My KubeCon 2019" --conference kubecon-eu-2019 --author "Ada Lovelace"
  $ npm run new -- "Amsterdam notes" --conference kubecon-eu-2020 --new-conference --name "KubeCon Europe 2020" --year 2020 --city Amsterdam`,
    )
    .action(async (title: string, opts: { conference: string; author?: string; content: string; newConference?: boolean; name?: string; year?: number; city?: string; country?: string }) => {
      if (opts.newConference && (!opts.name || !opts.year || !opts.city)) {
        fail(`--new-conference needs --name, --year and --city, e.g. ${newConferenceHint(opts.conference)}`)
        return
      }
      if (!(await contentFolderOk(opts.content))) return
      const result = await newReport({
        contentDir: opts.content,
        title,
        conference: opts.conference,
        ...(opts.author ? { author: opts.author } : {}),
        ...(opts.newConference ? { newConference: { name: opts.name!, year: opts.year!, city: opts.city!, ...(opts.country ? { country: opts.country } : {}) } } : {}),
      })
      if (result.addedConference) log(`Added conference ${opts.conference} to ${path.join(opts.content, 'conferences.yml')}.`)
      log(`Created ${result.file}. Write your report there, then see it with "npm run dev".`)
    })

  program
    .command('import')
    .description('Turn a blog post (plain text or Markdown) into a report draft in content/reports/.')
    .argument('<file>', 'the post: text copied from a browser, or a Hugo or Jekyll Markdown file')
    .option('--conference <id>', 'conference id; guessed from the title and text when left out')
    .option('--new-conference', 'add the conference to conferences.yml (with --name, --year, --city; id from --conference or the name)')
    .option('--name <name>', 'with --new-conference: the conference name')
    .option('--year <year>', 'with --new-conference: the year', parsePositive)
    .option('--city <city>', 'with --new-conference: the city')
    .option('--out <path>', 'where to write the draft (default: content/reports/<slug>.md)')
    .option('--source <url>', "the post's address (http or https): the report links to it and names its site when it has no author")
    .option('--content <dir>', 'content folder', 'content')
    .addHelpText(
      'after',
      `
Examples:
  $ npm run import -- ~/Downloads/kubecon-post.txt --source https://example.com/blog/kubecon-2019/
  $ npm run import -- ../blog/content/posts/kubecon.md --conference kubecon-eu-2019
  $ npm run import -- notes.md --new-conference --name "KubeCon + CloudNativeCon North America 2019" --year 2019 --city "San Diego"`,
    )
    .action(async (file: string, opts: { conference?: string; newConference?: boolean; name?: string; year?: number; city?: string; out?: string; source?: string; content: string }) => {
      if (opts.newConference && (!opts.name || !opts.year || !opts.city)) {
        fail('--new-conference needs --name, --year and --city, e.g. --name "KubeCon Europe 2020" --year 2020 --city Amsterdam (--city Online for an event held online)')
        return
      }
      if (!(await contentFolderOk(opts.content))) return
      const { importFile, isWebAddress } = await import('./author/import.ts')
      if (opts.source !== undefined && !isWebAddress(opts.source)) {
        fail(`--source must be the post's http or https address, e.g. https://example.com/blog/kubecon-2019/; got "${oneLine(opts.source)}".`)
        return
      }
      const newConference = opts.newConference ? { id: opts.conference ?? slugify(opts.name!), name: opts.name!, year: opts.year!, city: opts.city! } : undefined
      const result = await importFile(file, {
        contentDir: opts.content,
        ...(opts.source ? { source: opts.source } : {}),
        ...(opts.conference && !newConference ? { conference: opts.conference } : {}),
        ...(newConference ? { newConference } : {}),
        ...(opts.out ? { out: opts.out } : {}),
      })
      log(`Wrote the draft ${result.path}. Check these guesses:`)
      for (const note of result.notes) log(`  - ${note}`)
      log('Then run "npm run check" and "npm run dev" to see it.')
    })

  program
    .command('check')
    .description('Validate the content without writing anything: every error and warning, compiler style.')
    .option('--content <dir>', 'content folder to check', 'content')
    .option('--public <dir>', 'folder copied to the site root, where "/images/x.png" in a report points (default: Recap\'s public/)')
    .addHelpText(
      'after',
      `
Errors (exit status 1): malformed YAML, missing or mistyped fields, unknown ids, duplicate ids,
empty reports, files that are not UTF-8, unknown session kinds.
Warnings (exit status 0): sections without text, reports without sessions, topics nothing mentions,
images and files that are missing or lead out of their folder.

Example:
  $ npm run check`,
    )
    .action(async (opts: { content: string; public?: string }) => {
      if (!(await contentFolderOk(opts.content)) || !(await publicFolderOk(opts.public))) return
      const { readSite } = await import('./pipeline.ts')
      const { site, warnings } = await readSite(opts.content, undefined, undefined, opts.public ? { publicDir: opts.public } : {})
      for (const w of warnings) log(formatProblem(w))
      const summary = `${plural(site.reports.length, 'report')}, ${plural(site.sections.length, 'section')} checked`
      log(warnings.length ? `\n${summary}: no errors, ${plural(warnings.length, 'warning')}.` : `${summary}: no problems.`)
    })

  program
    .command('search')
    .description('Search the built site from the command line, with the same query module as the search page.')
    .argument('<query...>', 'words to search for')
    // Words after `search` are the query, even one that starts with "-" (a negated word).
    .allowUnknownOption()
    .option('--out <dir>', 'built output folder to search', 'dist')
    .option('--limit <n>', 'how many results to show', parsePositive, 10)
    .option('--year <year>', 'only sections from conferences of this year', parsePositive)
    .option('--kind <kind>', 'sessions, notes, or one kind: talk, keynote, bof, workshop, lightning')
    .option('--topic <id>', 'only sections with this topic')
    .option('--json', 'print results as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ npm run search -- "service mesh"
  $ npm run search -- promethues --limit 3
  $ npm run search -- security --year 2019 --json`,
    )
    .action(async (words: string[], opts: { out: string; limit: number; year?: number; kind?: string; topic?: string; json?: boolean }) => {
      // "-istio" is searched for like any word; "--limt" is a mistyped option, unless it follows a "--".
      const typo = argv.includes('--') ? undefined : words.find((w) => w.startsWith('--'))
      if (typo) {
        fail(`error: unknown option '${typo}'. To search for it, put the query after --: recap search -- "${typo}"`)
        return
      }
      const [{ sessionKinds }, { nearest }] = await Promise.all([import('./validate/schema.ts'), import('./validate/yaml.ts')])
      const kinds = ['sessions', 'notes', ...sessionKinds]
      if (opts.kind !== undefined && !kinds.includes(opts.kind)) {
        const near = nearest(opts.kind, kinds)
        fail(`--kind ${oneLine(opts.kind)} is not a kind of section.${near ? ` Did you mean --kind ${near}?` : ''} Use one of: ${kinds.join(', ')}.`)
        return
      }
      const { searchIndexFile } = await import('./emit/search-index.ts')
      const { fileSource } = await import('./search/files.ts')
      const { Searcher, clipQuery } = await import('./search/query.ts')
      const file = path.join(opts.out, searchIndexFile)
      let searcher: InstanceType<typeof Searcher>
      try {
        searcher = new Searcher(await fileSource(opts.out))
      } catch {
        fail(`${file} not found: build the site first with "npm run build".`)
        return
      }
      if (opts.topic !== undefined) {
        const topics = await builtTopicIds(opts.out)
        if (topics && !topics.includes(opts.topic)) {
          const near = nearest(opts.topic, topics)
          const known = topics.length > 12 ? `${topics.slice(0, 12).join(', ')}, … (all in topics.yml)` : topics.join(', ')
          fail(`--topic ${oneLine(opts.topic)}: no topic has this id in ${opts.out}.${near ? ` Did you mean --topic ${near}?` : ''} Known topic ids: ${known || 'none'}.`)
          return
        }
      }
      // Printed under the address the site was built for; else on the local preview server.
      const address = await readSiteRecord(opts.out)
      const base = address?.siteUrl ?? `http://127.0.0.1:4173${encodeURI(address?.base ?? '/')}`
      // JSON is read by programs: a published address, else the path from the host's root under
      // the build's base ("/sub/reports/x/#y"), which holds wherever the site is served.
      const jsonBase = address?.siteUrl ?? encodeURI(address?.base ?? '/')
      const query = words.join(' ')
      // The query module's own reading, as the search page's: the last word is completed ("promet").
      const result = await searcher.search(query, { year: opts.year, kind: opts.kind, topic: opts.topic }, { limit: opts.limit })
      if (opts.json) {
        const hits = result.hits.map((h) => ({
          id: h.document.id,
          title: h.document.title,
          kind: h.document.kind,
          report: h.document.report,
          conference: h.document.conference,
          year: h.document.year,
          url: jsonBase + h.document.url,
          score: Math.round(h.score * 1000) / 1000,
          snippet: h.snippet.map((p) => p.text).join(''),
        }))
        log(JSON.stringify({ query, words: result.words, corrected: result.corrected, filters: result.chips.map(({ filter, value }) => ({ filter, value })), links: result.links.map(({ type, id, name, url }) => ({ type, id, name, url: jsonBase + url })), hits }, null, 2))
        return
      }
      if (result.words.length === 0) {
        log('Nothing to search for: type a word that is not a very common one.')
        return
      }
      if (result.corrected) log(`Showing results for "${oneLine(result.corrected)}"`)
      for (const chip of result.chips) log(`Only ${chip.filter === 'year' ? 'conferences of' : 'the conference in'} ${chip.label} (from your query)`)
      for (const link of result.links) log(`→ ${{ topic: 'Topic', project: 'Project', conference: 'Conference', speaker: 'Speaker' }[link.type]}: ${oneLine(link.name)}  ${base}${link.url}`)
      if (result.hits.length === 0) {
        log(`No results for "${oneLine(clipQuery(query))}".${result.unfilteredCount ? ` ${result.unfilteredCount} without the filters.` : ''}`)
        return
      }
      result.hits.forEach((h, i) => {
        const d = h.document
        log(`${String(i + 1).padStart(2)}. ${oneLine(d.title)}  [${d.kind}]`)
        log(`    ${oneLine(d.report)} · ${d.year}`)
        log(`    ${base}${d.url}`)
      })
      if (!address?.siteUrl) log(`\nAddresses on the local preview server: run "npm run serve" to open them. (A site built with --site-url prints its published addresses.)`)
    })

  program
    .command('dev')
    .description('Build, serve, and rebuild on every change to content/, templates/ or public/; open tabs reload.')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to listen on', parsePort, 4173)
    .option('--cache <dir>', 'where parsed reports are cached', '.recap-cache')
    .option('--public <dir>', 'folder copied to the site root, where "/images/x.png" in a report points (default: Recap\'s public/)')
    .option('--base <path>', 'URL path to serve the site under, as build --base, e.g. /recap/ (default: /)')
    .addHelpText(
      'after',
      `
Examples:
  $ npm run dev
  $ npm run dev -- --base /recap/     # the site at http://127.0.0.1:4173/recap/, as it will be published`,
    )
    .action(async (opts: { content: string; out: string; host: string; port: number; cache: string; public?: string; base?: string }) => {
      // Before anything is read, as build refuses it.
      const base = checkedBase(opts.base ?? '/')
      if (!(await contentFolderOk(opts.content)) || !(await publicFolderOk(opts.public)) || !(await cacheFolderOk(opts.cache))) return
      let port: number
      try {
        const { dev } = await import('./dev.ts')
        const { server } = await dev({
          base,
          contentDir: opts.content,
          outDir: opts.out,
          cacheDir: opts.cache,
          host: opts.host,
          port: opts.port,
          ...(opts.public ? { publicDir: opts.public } : {}),
          watchDirs: [path.join(projectRoot, 'templates'), path.resolve(opts.public ?? path.join(projectRoot, 'public')), path.join(projectRoot, 'src/browser')],
          log: (line) => log(line),
        })
        // The port listened on: the one asked for, or the one given for --port 0.
        port = (server.address() as { port: number }).port
      } catch (error) {
        if (!portInUse(error, opts.port)) throw error
        return
      }
      // Pages come from memory (from --out only after a code change): no folder to name.
      log(`Serving the site at http://${opts.host}:${port}${encodeURI(base)} and watching for changes  (Ctrl+C to stop)`)
    })

  program
    .command('serve')
    .description('Serve the built output folder, under the base path it was built with.')
    .option('--out <dir>', 'output folder to serve', 'dist')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to listen on', parsePort, 4173)
    .option('--base <path>', 'URL path to serve the site under (default: the --base it was built with)')
    .addHelpText(
      'after',
      `
Examples:
  $ npm run serve
  $ npm run build -- --base /recap/ && npm run serve     # the site at http://127.0.0.1:4173/recap/`,
    )
    .action(async (opts: { out: string; host: string; port: number; base?: string }) => {
      await recoverOutput(opts.out)
      if (!existsSync(path.join(opts.out, 'index.html'))) {
        fail(`${opts.out}/index.html not found: build the site first with "npm run build".`)
        return
      }
      const built = (await readSiteRecord(opts.out))?.base
      const base = opts.base !== undefined ? checkedBase(opts.base) : normalizeBase(built ?? '/')
      let port: number
      try {
        const { serve } = await import('./serve.ts')
        const server = await serve({ outDir: opts.out, host: opts.host, port: opts.port, base })
        // The port listened on: the one asked for, or the one given for --port 0.
        port = (server.address() as { port: number }).port
      } catch (error) {
        if (!portInUse(error, opts.port)) throw error
        return
      }
      if (built !== undefined && built !== base) log(`Note: the site was built with --base ${built}; its 404 page links under ${built}.`)
      log(`Serving ${opts.out} at http://${opts.host}:${port}${encodeURI(base)}  (Ctrl+C to stop)`)
    })

  for (const command of program.commands) command.showHelpAfterError(`Run "recap ${command.name()} --help" to see its options and examples.`)

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode
    if (error instanceof AuthoringError || error instanceof AddressError) {
      io.err(error.message)
    } else if (error instanceof ContentError) {
      for (const p of error.problems) io.err(formatProblem(p))
      const errors = error.problems.filter((p) => p.severity === 'error').length
      const written = argv[0] === 'check' ? '' : '; nothing was written'
      io.err(`\n${plural(errors, 'error')}${written}. Fix the lines above and run the command again.`)
    } else {
      const message = error instanceof Error ? error.message : String(error)
      io.err(`recap: ${message}`)
      if (process.env.RECAP_DEBUG) io.err(String((error as Error)?.stack ?? error))
    }
    return 1
  }
  return status
}

/** The topic ids of the built site (from its data/index.json); undefined when it cannot be read. */
async function builtTopicIds(outDir: string): Promise<string[] | undefined> {
  try {
    const index = JSON.parse(await readFile(path.join(outDir, 'data', 'index.json'), 'utf8')) as { topics?: { id?: unknown }[] }
    return index.topics?.map((t) => String(t.id))
  } catch {
    return undefined
  }
}

/** The version in Recap's package.json. */
function packageVersion(): string {
  try {
    return String((JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown }).version ?? 'unknown')
  } catch {
    return 'unknown'
  }
}

function parseSiteUrl(value: string): string {
  try {
    return normalizeSiteUrl(value)
  } catch {
    throw new InvalidArgumentError('expected an absolute http(s) URL such as https://example.com/recap/.')
  }
}

function parsePositive(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.')
  return n
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.')
  return port
}

/** A stage's duration as the build summary prints it. */
export function formatDuration(n: number): string {
  const rounded = Math.round(n)
  return rounded >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${rounded} ms`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}


