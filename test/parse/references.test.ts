/** What an image or link in a report points at, read from its URL alone (src/parse/references.ts). */
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../src/parse/report.ts'
import { fileReference, srcsetCandidates, writeSrcset } from '../../src/parse/references.ts'
import type { ValidatedReport } from '../../src/validate/content.ts'

const at = { line: 3, column: 5 }
const image = (url: string, folder = 'reports') => fileReference('image', url, folder, at)
const link = (url: string, folder = 'reports') => fileReference('link', url, folder, at)

describe('the file an image or link points at', () => {
  it('is beside the report for a relative path, copied to the same path in the site', () => {
    expect(image('img/a.png')).toEqual({ kind: 'image', url: 'img/a.png', line: 3, column: 5, in: 'content', path: 'reports/img/a.png', sitePath: 'reports/img/a.png' })
    expect(image('./img/../img/a.png')?.path).toBe('reports/img/a.png')
    expect(image('../shared/a.png')?.path).toBe('shared/a.png')
    expect(image('a.png', 'reports/2019')?.path).toBe('reports/2019/a.png')
    // Decoded for the file, encoded again for the site; the query and fragment stay as written.
    expect(image('my%20photo.png?v=2#top')).toMatchObject({ path: 'reports/my photo.png', sitePath: 'reports/my%20photo.png?v=2#top' })
  })

  it('is in public/ for a path from the root, and the site link stays as it was', () => {
    expect(image('/images/stage.png')).toEqual({ kind: 'image', url: '/images/stage.png', line: 3, column: 5, in: 'public', path: 'images/stage.png' })
    expect(link('/files/slides.pdf?v=2#p3')).toMatchObject({ in: 'public', path: 'files/slides.pdf' })
  })

  it('has no path when it climbs out of its folder, however it is spelled', () => {
    for (const url of ['../../x.png', '../../../etc/passwd.png', '%2e%2e/%2e%2e/x.png', '..\\..\\x.png', 'img/../../../x.png']) {
      const ref = image(url)
      expect(ref, url).toMatchObject({ in: 'content' })
      expect(ref?.path, url).toBeUndefined()
      expect(ref?.sitePath, url).toBeUndefined()
    }
    expect(image('/../secret.png')).toMatchObject({ in: 'public' })
    expect(image('/../secret.png')?.path).toBeUndefined()
  })

  it('is refused, not copied, when its type could run code or is not a file type Recap copies', () => {
    expect(image('diagram.svg')).toMatchObject({ path: 'reports/diagram.svg', refused: 'type' })
    expect(image('diagram.svg')?.sitePath).toBeUndefined()
    expect(image('../conferences.yml')).toMatchObject({ refused: 'type' })
  })

  it('is nothing for web addresses, fragments and links to pages', () => {
    for (const url of ['https://example.org/a.png', 'http://x/a.png', '//cdn.example.org/a.png', '\\\\host\\a.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)', 'C:/a.png', '#top', '?q=1', '', '/javascript:alert(1)']) {
      expect(image(url), url).toBeUndefined()
    }
    // A link counts as one to a file only when its name ends in a type Recap copies.
    for (const url of ['../other/', '/topics/gitops/', 'page.html', 'notes']) expect(link(url), url).toBeUndefined()
    expect(link('slides.PDF')).toMatchObject({ path: 'reports/slides.PDF' })
  })
})

describe('a srcset', () => {
  it('is split into candidates as the HTML standard splits it', () => {
    expect(srcsetCandidates('img/a.png 1x, img/a@2x.png 2x')).toEqual([
      { url: 'img/a.png', descriptor: '1x' },
      { url: 'img/a@2x.png', descriptor: '2x' },
    ])
    // A candidate without a descriptor (its comma ends its URL), stray commas and whitespace.
    expect(srcsetCandidates(' ,a.png, b.png 640w,\n  c.png\t 1280w ,, ')).toEqual([
      { url: 'a.png', descriptor: '' },
      { url: 'b.png', descriptor: '640w' },
      { url: 'c.png', descriptor: '1280w' },
    ])
    // A comma inside a URL belongs to it; one inside a descriptor's parentheses does not end the candidate.
    expect(srcsetCandidates('a,b.png 1x, c.png future(1, 2) 2x')).toEqual([
      { url: 'a,b.png', descriptor: '1x' },
      { url: 'c.png', descriptor: 'future(1, 2) 2x' },
    ])
    expect(srcsetCandidates('')).toEqual([])
    expect(writeSrcset(srcsetCandidates('a.png,, b.png   2x'))).toBe('a.png, b.png 2x')
  })
})

describe('a link to another report\'s file', () => {
  it('is a link to that report\'s page, with the fragment as written', () => {
    expect(link('other.md#a-talk')).toEqual({ kind: 'link', url: 'other.md#a-talk', line: 3, column: 5, in: 'content', path: 'reports/other.md', sitePath: 'reports/other/#a-talk', report: 'other' })
    expect(link('2019/kubecon.markdown')).toMatchObject({ sitePath: 'reports/kubecon/', report: 'kubecon' })
    expect(link('../other.md', 'reports/2019')).toMatchObject({ sitePath: 'reports/other/', report: 'other' })
  })

  it('is left as written when it is no report: outside reports/, not a report id, or from the root', () => {
    for (const url of ['../README.md', '../../x.md', 'Notes_2019.md', '/reports/other.md']) expect(link(url), url).toBeUndefined()
    // An image is never a report.
    expect(image('other.md')).toMatchObject({ refused: 'type' })
  })
})

describe('a parsed report', () => {
  const validated = (body: string): ValidatedReport => ({ id: 'pics', file: 'content/reports/pics.md', frontMatter: { title: 'T', conference: 'c' } as never, body, bodyLine: 6 })

  it('lists its images and links to files with their lines in the report file, and marks the copied ones as site links', () => {
    const { report } = parseReport(validated('## Photos\n\nText ![stage](img/a.png)\n\n<p>raw <img src="/images/b.png"></p>\n\n[slides](slides.pdf) and [a page](../other/)\n'), [])
    expect(report.references.map((r) => [r.url, r.line, r.column])).toEqual([
      ['img/a.png', 8, 6],
      ['/images/b.png', 10, 8],
      ['slides.pdf', 12, 1],
    ])
    const img = report.sections[0]!.content.children.flatMap((n) => ('children' in n ? n.children : [])).find((n) => n.type === 'element' && n.tagName === 'img')
    expect(img).toMatchObject({ properties: { src: 'img/a.png', dataSitePath: 'reports/img/a.png' } })
  })

  it('keeps its references through the JSON of the parse cache', () => {
    const { report } = parseReport(validated('## Photos\n\n![stage](img/a.png)\n'), [])
    expect(JSON.parse(JSON.stringify(report)).references).toEqual(report.references)
  })
})
