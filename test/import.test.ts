/**
 * Import, measured on the five seeds against the curated reports in content/: the share of
 * curated section headings the drafts find, and of those, the share marked the same way.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { importPost, type Catalogue } from '../src/author/import.ts'
import { loadContent } from '../src/load/content.ts'
import { validateContent } from '../src/validate/content.ts'
import { realContent, root } from './helpers.ts'

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
