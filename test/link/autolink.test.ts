import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import { autolink } from '../../src/emit/autolink.ts'
import { PhraseMatcher } from '../../src/link/tagger.ts'
import { sectionContent } from '../../src/parse/markdown.ts'
import { parseMarkdown } from '../../src/parse/markdown.ts'

const matcher = PhraseMatcher.fromCatalogue(
  [
    { id: 'service-mesh', name: 'Service mesh', description: 'd', aliases: ['sidecar'] },
    { id: 'security', name: 'Security', description: 'd', aliases: [] },
    { id: 'container-runtimes', name: 'Container runtimes', description: 'd', aliases: ['container runtime'] },
  ],
  [
    { id: 'istio', name: 'Istio', caseSensitive: false, aliases: [], topics: ['service-mesh'] },
    { id: 'kata-containers', name: 'Kata Containers', caseSensitive: false, aliases: ['kata'], topics: [] },
    { id: 'conduit', name: 'Conduit', caseSensitive: true, aliases: [], topics: [] },
    { id: 'kubeapps', name: 'Kubeapps', caseSensitive: false, aliases: ['kubeapps.com'], topics: [] },
    { id: 'node', name: 'Node', caseSensitive: true, aliases: [], topics: [] },
  ],
)

function link(markdown: string): string {
  const { tree } = parseMarkdown(markdown, 'x.md')
  const linked = autolink(sectionContent(tree.children, 1), {
    matcher,
    pathOf: (t) => `${t.type}s/${t.id}/`,
  })
  // Drop the attributes that are not under test.
  return toHtml(linked).replace(/ class="autolink"| data-site-path="[^"]*"/g, '')
}

describe('auto-linking mentions', () => {
  it('links the first mention of a topic alias and of a project, once each', () => {
    expect(link('Istio is a service mesh. Istio again, service mesh again.')).toBe(
      '<p><a href="projects/istio/">Istio</a> is a <a href="topics/service-mesh/">service mesh</a>. Istio again, service mesh again.</p>',
    )
  })

  it('keeps the text as written, plural and case included', () => {
    expect(link('Two Service Meshes.')).toBe('<p>Two <a href="topics/service-mesh/">Service Meshes</a>.</p>')
  })

  it('prefers the longest phrase, and a project over a topic of the same span', () => {
    expect(link('We tried Kata Containers as a container runtime.')).toBe(
      '<p>We tried <a href="projects/kata-containers/">Kata Containers</a> as a <a href="topics/container-runtimes/">container runtime</a>.</p>',
    )
  })

  it('never links inside code, pre, an existing link or a heading', () => {
    const html = link('## Istio in a heading\n\nUse `istio` here and [Istio docs](https://istio.io).\n\n```\nistio install\n```\n\nFinally Istio.')
    expect(html).toContain('<h3>Istio in a heading</h3>')
    expect(html).toContain('<code>istio</code>')
    expect(html).toContain('<a href="https://istio.io">Istio docs</a>')
    expect(html).toContain('<code>istio install\n</code>')
    expect(html).toContain('Finally <a href="projects/istio/">Istio</a>.')
  })

  it('never links inside another word', () => {
    expect(link('Run istioctl and insecurity.')).toBe('<p>Run istioctl and insecurity.</p>')
  })

  it('links a dotted alias whole, and never a part of a dotted name', () => {
    expect(link('Browse kubeapps.com for charts.')).toBe('<p>Browse <a href="projects/kubeapps/">kubeapps.com</a> for charts.</p>')
    expect(link('Node.js and io.Node are not it; Node is.')).toBe('<p>Node.js and io.Node are not it; <a href="projects/node/">Node</a> is.</p>')
    // A sentence's full stop is no dotted name.
    expect(link('We use Node. Then more.')).toBe('<p>We use <a href="projects/node/">Node</a>. Then more.</p>')
  })

  it('respects case-sensitive projects', () => {
    expect(link('A conduit for traffic. Conduit the mesh.')).toBe('<p>A conduit for traffic. <a href="projects/conduit/">Conduit</a> the mesh.</p>')
  })

  it('links inside emphasis and list items', () => {
    expect(link('- *Istio* rocks')).toBe('<ul>\n<li><em><a href="projects/istio/">Istio</a></em> rocks</li>\n</ul>')
  })

  it('leaves the input tree untouched', () => {
    const { tree } = parseMarkdown('Istio', 'x.md')
    const content = sectionContent(tree.children, 1)
    const before = toHtml(content)
    autolink(content, { matcher, pathOf: () => 'x/' })
    expect(toHtml(content)).toBe(before)
  })
})
