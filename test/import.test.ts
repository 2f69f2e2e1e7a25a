/**
 * Import, measured on the five seeds against the curated reports in content/: the share of
 * curated section headings the drafts find, and of those, the share marked the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { importPost, type Catalogue } from '../src/author/import.ts'
import { loadContent } from '../src/load/content.ts'
import { validateContent } from '../src/validate/content.ts'
import { expectFixture, fixtureCases, makeContent, realContent, removeDir, root, runCli } from './helpers.ts'

// The five posts as published (a copy of ../shared/seeds/), the input import is measured on.
const seedsDir = path.join(root, 'test/fixtures/seeds')
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()

interface Heading {
  title: string
  kind: string
}

/** Headings of a Recap report with their kind ("note" when unmarked). */
export function headingsOf(markdown: string): Heading[] {
  return [...markdown.matchAll(/^#{2,6} +(.+?)(?: +\{([^}]*)\})? *$/gm)].map((m) => ({
    title: m[1]!.trim(),
    kind: /\.(talk|keynote|bof|workshop|lightning)\b/.exec(m[2] ?? '')?.[1] ?? 'note',
  }))
}

const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

let catalogue: Catalogue
let curated: { title: string; headings: Heading[]; conference: string }[]

beforeAll(async () => {
  const validated = validateContent(await loadContent(realContent))
  catalogue = validated
  curated = validated.reports.map((r) => ({ title: r.frontMatter.title, headings: headingsOf(r.body), conference: r.frontMatter.conference }))
})

describe('importing the five seeds', () => {
  it('finds at least 90% of the curated headings and marks at least 85% of them the same way', () => {
    let total = 0
    let found = 0
    let sameKind = 0
    const missed: string[] = []
    const kindDiffers: string[] = []
    for (const seed of seeds) {
      const draft = importPost(readFileSync(path.join(seedsDir, seed), 'utf8'), catalogue)
      const report = curated.find((c) => norm(c.title) === norm(draft.title))
      expect(report, `${seed}: title "${draft.title}" matches a curated report`).toBeDefined()
      expect(draft.conference, seed).toBe(report!.conference)
      const drafted = headingsOf(draft.text)
      for (const h of report!.headings) {
        total++
        const match = drafted.find((d) => norm(d.title) === norm(h.title))
        if (!match) {
          missed.push(`${seed}: "${h.title}"`)
          continue
        }
        found++
        if (match.kind === h.kind) sameKind++
        else kindDiffers.push(`${seed}: "${h.title}" is ${h.kind}, import says ${match.kind}`)
      }
    }
    const headingShare = found / total
    const kindShare = sameKind / found
    console.log(`import: found ${found} of ${total} headings (${(headingShare * 100).toFixed(1)}%), ${sameKind} of ${found} marked the same way (${(kindShare * 100).toFixed(1)}%)`)
    console.log(`missed:\n  ${missed.join('\n  ')}\nmarked differently:\n  ${kindDiffers.join('\n  ')}`)
    expect(headingShare).toBeGreaterThanOrEqual(0.9)
    expect(kindShare).toBeGreaterThanOrEqual(0.85)
  })

  /** The sessions of a draft and of its curated report: titles and kinds of the marked headings. */
  function sessionsOf(seed: string) {
    const draft = importPost(readFileSync(path.join(seedsDir, seed), 'utf8'), catalogue)
    const report = curated.find((c) => norm(c.title) === norm(draft.title))!
    const session = (h: Heading) => h.kind !== 'note'
    return { drafted: headingsOf(draft.text).filter(session), curated: report.headings.filter(session) }
  }

  // Held out: structure inference was tuned on the development set, the fixtures and seeds
  // 001 and 003 (the two with sessions); it never looked at seeds 000, 002 and 004. Those
  // are takeaway reports without a single session: the floor there is inventing none.
  it.each(['000_5e19b872f874138c.txt', '002_1e0c1d7d83d8ae58.txt', '004_737d1fcd30344534.txt'])('invents no session in the held-out takeaway seed %s', (seed) => {
    const { drafted, curated } = sessionsOf(seed)
    expect(curated).toEqual([])
    expect(drafted).toEqual([])
  })

  it('finds at least 95% of the curated sessions with the same kind in the seeds with sessions (tuned on)', () => {
    let total = 0
    let same = 0
    for (const seed of ['001_4d78fe5ff51ecf96.txt', '003_48aa8bd65c4d6c8c.txt']) {
      const { drafted, curated } = sessionsOf(seed)
      for (const c of curated) {
        total++
        if (drafted.some((d) => norm(d.title) === norm(c.title) && d.kind === c.kind)) same++
      }
    }
    expect(total).toBeGreaterThan(0)
    expect(same / total).toBeGreaterThanOrEqual(0.95)
  })
})

describe('importing a Hugo Markdown post', () => {
  const post = `---
title: "My KubeCon Barcelona"
date: 2019-05-27T10:00:00+02:00
author: Grace Hopper
tags: [security, kubernetes]
categories: [conferences]
description: What I saw at KubeCon Barcelona.
---

Barcelona was sunny. {{< youtube dQw4w9WgXcQ >}}

{{< figure src="/img/hall.jpg" caption="The main hall" >}}

### Keynote: Opening the conference - Priyanka Sharma, CNCF

Lots of announcements. <script>alert(1)</script><b>Bold</b> claims.

### Talk: Securing the cluster - Ian Coldwater

A <a href="https://example.com/slides">deck</a> full of attacks.

{{% note %}}Remember to patch.{{% /note %}}

### My takeaways

More security than ever.
`

  it('keeps Markdown, maps front matter, reduces shortcodes and HTML, and marks sessions with speakers', () => {
    const draft = importPost(post, catalogue)
    expect(draft.conference).toBe('kubecon-eu-2019')
    expect(draft.text).toMatch(/^---\ntitle: My KubeCon Barcelona\nauthor: Grace Hopper\nconference: kubecon-eu-2019\npublished: 2019-05-27\nsummary: What I saw at KubeCon Barcelona\.\ntopics:\n {2}- security\n---\n/)
    expect(draft.text).toContain('Barcelona was sunny. [Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)')
    expect(draft.text).toContain('*The main hall*')
    expect(draft.text).toContain('### Opening the conference {.keynote speakers="Priyanka Sharma (CNCF)"}')
    expect(draft.text).toContain('### Securing the cluster {.talk speakers="Ian Coldwater"}')
    expect(draft.text).toContain('### My takeaways\n')
    expect(draft.text).toContain('A [deck](https://example.com/slides) full of attacks.')
    expect(draft.text).toContain('Remember to patch.')
    expect(draft.text).not.toMatch(/<script|<b>|\{\{/)
    expect(draft.notes).toEqual(expect.arrayContaining(['Left out tags that are not topic ids: kubernetes, conferences.']))
  })
})

/**
 * Import, case by case: every folder in test/fixtures/import/ holds a post (post.md) and,
 * when the case needs them, its own conferences.yml and more arguments (args.txt, one a
 * line). The case's expectations are what the
 * command printed (output.txt, with its exit code and what it added to conferences.yml)
 * and the draft it wrote (draft.md). `UPDATE=1` rewrites them, for review in the diff.
 */
// The cases' data files: our own copy of three KubeCon conferences, topics and projects.
const importData = path.join(root, 'test/fixtures/import-data')

describe('import cases', () => {
  for (const c of fixtureCases('import')) {
    it(c.name, async () => {
      const files: Record<string, string> = {}
      const ownConferences = path.join(c.dir, 'conferences.yml')
      if (existsSync(ownConferences)) files['conferences.yml'] = readFileSync(ownConferences, 'utf8')
      const dir = await makeContent(files, false, importData)
      try {
        await writeFile(path.join(dir, 'post.md'), readFileSync(path.join(c.dir, 'post.md')))
        const before = readFileSync(path.join(dir, 'conferences.yml'), 'utf8')
        const argsFile = path.join(c.dir, 'args.txt')
        const extra = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split('\n').filter(Boolean) : []
        const result = await runCli(['import', 'post.md', '--content', '.', ...extra], dir)
        const after = readFileSync(path.join(dir, 'conferences.yml'), 'utf8')
        const drafts = readdirSync(path.join(dir, 'reports'))
        const added = after.startsWith(before) ? after.slice(before.length).trim() : `(rewritten)\n${after}`
        const output = [`exit ${result.code}`, result.stdout.trim(), result.stderr.trim(), added ? `conferences.yml gained:\n${added}` : '', `drafts: ${drafts.join(', ') || 'none'}`].filter(Boolean).join('\n')
        expect(drafts.length).toBeLessThanOrEqual(1)
        let checked = ''
        if (drafts[0]) {
          expectFixture(c.dir, 'draft.md', readFileSync(path.join(dir, 'reports', drafts[0]), 'utf8'))
          // A draft is a valid report as it stands, or check says exactly what to fix.
          const check = await runCli(['check', '--content', '.'], dir)
          checked = check.code === 0 ? 'check: no errors' : `check: exit ${check.code}\n${check.stdout.trim()}\n${check.stderr.trim()}`
        }
        expectFixture(c.dir, 'output.txt', [output, checked].filter(Boolean).join('\n') + '\n')
        expect(existsSync(path.join(dir, 'pwned.txt'))).toBe(false)
      } finally {
        await removeDir(dir)
      }
    })
  }
})
