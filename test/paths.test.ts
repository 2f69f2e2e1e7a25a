import { describe, expect, it } from 'vitest'
import { absoluteHref, normalizeBase, relativeHref, sitePath, slugify } from '../src/paths.ts'

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
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug)
  })
})
