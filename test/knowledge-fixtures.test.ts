/**
 * Tagging and auto-links, case by case, in the unified fixture style. Each case is a report
 * (`input.md`) built with the fixture site's data files (test/fixtures/site: five topics, six
 * projects, `conduit` case-sensitive); `expected.json` holds what a reader should get
 * (UPDATE=1 rewrites it; review the diff).
 *
 * - test/fixtures/tagging/<case>/: every section's topics, projects, and the topics its projects relate it to.
 * - test/fixtures/autolink/<case>/: every auto-link on each section's page, as [text, href].
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { afterAll, describe, it } from 'vitest'
import { build } from '../src/build.ts'
import { readSite } from '../src/pipeline.ts'
import { expectFixture, fixtureCases, makeContent, removeDir } from './helpers.ts'

const dirs: string[] = []

function textOf(el: Element): string {
  let text = ''
  visit(el, 'text', (t: { value: string }) => void (text += t.value))
  return text
}
afterAll(async () => Promise.all(dirs.map(removeDir)))

async function contentWith(caseDir: string): Promise<string> {
  const dir = await makeContent({ 'reports/case.md': await readFile(path.join(caseDir, 'input.md'), 'utf8') })
  dirs.push(dir)
  return dir
}

describe('tagging: which topics and projects a section carries', () => {
  for (const { name, dir } of fixtureCases('tagging')) {
    it(name, async () => {
      const { site } = await readSite(await contentWith(dir))
      const sections = site.sections.map((s) => ({ id: s.id, topics: [...s.topics].sort(), projects: [...s.projects].sort(), related: s.relatedTopics }))
      expectFixture(dir, 'expected.json', sections)
    })
  }
})

describe('auto-links: the first mention of a topic alias or project links to its page', () => {
  for (const { name, dir } of fixtureCases('autolink')) {
    it(name, async () => {
      const content = await contentWith(dir)
      const out = path.join(content, 'site')
      await build({ contentDir: content, outDir: out })
      const { site } = await readSite(content)
      const links: Record<string, [string, string][]> = {}
      for (const s of site.sections) {
        const page = fromHtml(await readFile(path.join(out, s.url, 'index.html'), 'utf8'))
        const found: [string, string][] = []
        visit(page, 'element', (el: Element) => {
          const classes = el.properties.className
          if (el.tagName === 'a' && Array.isArray(classes) && classes.includes('autolink')) found.push([textOf(el), String(el.properties.href)])
        })
        links[s.id] = found
      }
      expectFixture(dir, 'expected.json', links)
    })
  }
})
