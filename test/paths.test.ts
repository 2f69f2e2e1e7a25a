import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { absoluteHref, hrefsFrom, normalizeBase, relativeHref, reportFileId, reportIdPattern, sitePath, slugify, type SitePath } from '../src/paths.ts'

describe('site paths', () => {
  it.each([
    [[], ''],
    [['topics'], 'topics/'],
    [['reports', 'a', 'b'], 'reports/a/b/'],
    [['/topics/', 'gitops'], 'topics/gitops/'],
  ])('sitePath(%j) = %j', (segments, expected) => {
    expect(sitePath(...segments)).toBe(expected)
  })

  it.each([
    ['', 'topics/gitops/', undefined, 'topics/gitops/'],
    ['', '', undefined, './'],
    ['topics/', '', undefined, '../'],
    ['topics/gitops/', 'topics/', undefined, '../'],
    ['topics/gitops/', 'topics/gitops/', 'x', './#x'],
    ['reports/r/', 'reports/r/s/', undefined, 's/'],
    ['reports/r/s/', 'reports/r/', 's', '../#s'],
    ['reports/r/s/', 'reports/q/t/', undefined, '../../q/t/'],
    ['reports/r/s/', 'topics/x/', undefined, '../../../topics/x/'],
    ['reports/r/', 'assets/style.css', undefined, '../../assets/style.css'],
  ])('from %j to %j#%s is %j', (from, to, hash, expected) => {
    expect(relativeHref(sitePath(from), to, hash)).toBe(expected)
  })

  it('climbs the same way from a page with its path split once as with both paths split per link', () => {
    // The first version of relativeHref, kept here as the definition.
    const splitBoth = (from: string, to: string, hash?: string) => {
      const fromDirs = from === '' ? [] : from.split('/').slice(0, -1)
      const toParts = to.split('/')
      let common = 0
      while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++
      const target = '../'.repeat(fromDirs.length - common) + toParts.slice(common).join('/')
      const href = target === '' ? './' : target
      return hash ? `${href}#${hash}` : href
    }
    const segment = fc.constantFrom('', 'a', 'ab', 'b', 'reports', 'r', 'r2', 'topics', 'x.css')
    const path = fc.array(segment, { maxLength: 4 }).map((s) => s.join('/'))
    fc.assert(
      fc.property(path, fc.array(fc.tuple(path, fc.option(fc.constantFrom('h', 'a-b'), { nil: undefined })), { maxLength: 5 }), (p, targets) => {
        const from = (p === '' ? '' : p + '/') as SitePath
        const href = hrefsFrom(from)
        for (const [to, hash] of targets) {
          expect(href(to, hash)).toBe(splitBoth(from, to, hash))
          expect(href(to + '/', hash)).toBe(splitBoth(from, to + '/', hash))
        }
      }),
      { numRuns: 500 },
    )
  })

  it.each([
    ['/', '/'],
    ['recap', '/recap/'],
    ['/recap', '/recap/'],
    ['/a/b/', '/a/b/'],
  ])('normalizes base %j to %j', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected)
    expect(absoluteHref(base, 'topics/')).toBe(expected + 'topics/')
  })
})

describe('slugs', () => {
  it.each([
    ['Stories from the Playbook', 'stories-from-the-playbook'],
    ['Whats Up With All The Different Container Runtimes?', 'whats-up-with-all-the-different-container-runtimes'],
    ['Keynote (Wednesday)', 'keynote-wednesday'],
    ['What Does “Production Ready” Really Mean?', 'what-does-production-ready-really-mean'],
    ['Kubernetes 101: DIY Workshop', 'kubernetes-101-diy-workshop'],
    ['You’ll need a team for that', 'youll-need-a-team-for-that'],
    ['Überblick', 'überblick'],
    ['???', 'section'],
    // No hyphen left at either end for a sign GitHub drops beside a space.
    ['🚀 Rocket Talk — Jane Doe, Acme', 'rocket-talk--jane-doe-acme'],
    ['Keynote #', 'keynote'],
    ['🎉 🎉', 'section'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug)
  })
})

describe('report file names', () => {
  it('spells titles in ASCII letters and digits', () => {
    expect(reportFileId('Kubecon 2017 – Berlin: a personal report')).toBe('kubecon-2017-berlin-a-personal-report')
    expect(reportFileId('Straße, Ærø & Łódź')).toBe('strasse-aero-lodz')
    expect(reportFileId('Привет, KubeCon')).toBe('privet-kubecon')
    expect(reportFileId('東京')).toBe('')
    expect(reportFileId('???')).toBe('')
  })

  it('gives a valid id or nothing, never longer than 80 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const id = reportFileId(title)
        expect(id === '' || reportIdPattern.test(id)).toBe(true)
        expect(id.length).toBeLessThanOrEqual(80)
      }),
    )
  })
})
