import { describe, expect, it } from 'vitest'
import { PhraseMatcher, tagSection } from '../../src/link/tagger.ts'
import { normalizeWord, sentences } from '../../src/link/words.ts'
import type { ProjectEntry, TopicEntry } from '../../src/validate/schema.ts'

const topics: TopicEntry[] = [
  { id: 'service-mesh', name: 'Service mesh', description: 'd', aliases: ['sidecar'] },
  { id: 'operators', name: 'Operators and custom controllers', description: 'd', aliases: ['operator pattern', 'custom controller', 'CRD'] },
  { id: 'security', name: 'Security', description: 'd', aliases: ['security', 'RBAC'] },
  { id: 'ci-cd', name: 'CI/CD', description: 'd', aliases: ['continuous delivery'] },
  { id: 'multi-tenancy', name: 'Multi-tenancy', description: 'd', aliases: ['multitenancy'] },
]
const projects: ProjectEntry[] = [
  { id: 'istio', name: 'Istio', caseSensitive: false, aliases: [], topics: ['service-mesh'] },
  { id: 'conduit', name: 'Conduit', caseSensitive: true, aliases: [], topics: ['service-mesh'] },
  { id: 'gvisor', name: 'gVisor', caseSensitive: false, aliases: [], topics: ['security'] },
]
const matcher = PhraseMatcher.fromCatalogue(topics, projects)
const projectTopics = new Map(projects.map((p) => [p.id, p.topics]))
const tag = (text: string, authorTopics: string[] = [], title = 'Untitled') => {
  const tags = tagSection({ title, text, authorTopics }, matcher, projectTopics)
  return { topics: [...tags.topics.keys()].sort(), projects: [...tags.projects.keys()].sort(), tags }
}

describe('topic and project tagging', () => {
  it('matches names and aliases case-insensitively', () => {
    expect(tag('We looked at SERVICE MESH options.').topics).toEqual(['service-mesh'])
    expect(tag('rbac is everywhere').topics).toEqual(['security'])
  })

  it('matches singular and plural alike', () => {
    expect(tag('Service meshes are hot.').topics).toEqual(['service-mesh'])
    expect(tag('Write custom controllers.').topics).toEqual(['operators'])
    expect(tag('Many CRDs were shown.').topics).toEqual(['operators'])
  })

  it('matches phrases across hyphens and line breaks but not across sentences', () => {
    expect(tag('A service-mesh talk.').topics).toEqual(['service-mesh'])
    expect(tag('We need a service.\nMesh networks are different.').topics).toEqual([])
    expect(tag('It is a service. Mesh is a word.').topics).toEqual([])
  })

  it('matches an alias written with dots as written, and its part inside a dotted name', () => {
    const dotted = PhraseMatcher.fromCatalogue([], [{ id: 'kubeapps', name: 'Kubeapps', caseSensitive: false, aliases: ['kubeapps.com'], topics: [] }])
    const spans = (text: string) => dotted.match(text).map((m) => text.slice(m.start, m.end))
    expect(spans('See kubeapps.com now.')).toEqual(['kubeapps', 'kubeapps.com'])
    // The dot is the alias's own join, not any punctuation.
    expect(spans('kubeapps,com and kubeapps. Com')).toEqual(['kubeapps', 'kubeapps'])
    // Spaces and hyphens still join words of any phrase.
    expect(spans('kubeapps com')).toEqual(['kubeapps', 'kubeapps com'])
  })

  it('does not match inside another word', () => {
    expect(tag('istioctl is a CLI.').projects).toEqual([])
    expect(tag('The sidecars and sidecarless designs.').topics).toEqual(['service-mesh'])
    expect(tag('insecurity and securityish').topics).toEqual([])
  })

  it('trap: "operators" meaning the people who run systems is not the operator pattern', () => {
    expect(tag('Include the operators in the architecture decision process.').topics).toEqual([])
    expect(tag('Ops teams and operators were polled.').topics).toEqual([])
    expect(tag('They built it with the operator pattern.').topics).toEqual(['operators'])
  })

  it('trap: "security fixes" counts as security (patching is security work)', () => {
    expect(tag('Security fixes need to be applicable at every point in time.').topics).toEqual(['security'])
  })

  it('trap: a case-sensitive project only matches its capitalised name', () => {
    expect(tag('The proxy acts as a conduit for traffic.').projects).toEqual([])
    expect(tag('Conduit is another service mesh.').projects).toEqual(['conduit'])
  })

  it('relates a section to the topics of the projects it names, without tagging it with them', () => {
    const { topics: t, projects: p, tags } = tag('We tried gVisor and Istio.')
    expect(p).toEqual(['gvisor', 'istio'])
    expect(t).toEqual([])
    expect([...tags.related].sort()).toEqual(['security', 'service-mesh'])
    // Named in its own text, a topic is a tag and no longer merely related.
    const named = tag('We tried gVisor for security.')
    expect(named.topics).toEqual(['security'])
    expect(named.tags.related).toEqual([])
  })

  it('adds topics the author tagged, without a sentence', () => {
    const { topics: t, tags } = tag('Nothing matches here.', ['ci-cd'])
    expect(t).toEqual(['ci-cd'])
    expect(tags.topics.get('ci-cd')).toBeUndefined()
  })

  it('quotes the sentence from any line of the text, and from the title', () => {
    const { tags } = tag('A first line.\n\nA second line. Here sidecar proxies.\n- A list item on gitops', [], 'Vault everywhere')
    const m = tags.topics.get('service-mesh')!
    expect(m.sentence).toBe('Here sidecar proxies.')
    expect(m.sentence.slice(m.start, m.end)).toBe('sidecar')
    const t = tag('Nothing here.\nStill nothing.', [], 'RBAC in depth').tags.topics.get('security')!
    expect(t).toEqual({ sentence: 'RBAC in depth', start: 0, end: 4 })
  })

  it('quotes the first body sentence that names a topic, with the match located', () => {
    const { tags } = tag('Intro sentence. Then RBAC came up. RBAC again.', [], 'Security notes')
    const m = tags.topics.get('security')!
    expect(m.sentence).toBe('Then RBAC came up.')
    expect(m.sentence.slice(m.start, m.end)).toBe('RBAC')
  })

  it('falls back to the title when only the title names it', () => {
    const { tags } = tag('No mention in the text.', [], 'Continuous delivery at scale')
    expect(tags.topics.get('ci-cd')!.sentence).toBe('Continuous delivery at scale')
  })

  it('matches CI/CD and multi-word aliases split by slashes', () => {
    expect(tag('All topics around CI/CD.').topics).toEqual(['ci-cd'])
    expect(tag('Multi-tenancy and multitenancy.').topics).toEqual(['multi-tenancy'])
  })
})

describe('words', () => {
  it.each([
    ['meshes', 'mesh'],
    ['policies', 'policy'],
    ['operators', 'operator'],
    ['Istio’s', 'istio'],
    ['processes', 'process'],
    ['status', 'status'],
    ['ops', 'ops'],
    ['k8s', 'k8s'],
  ])('normalizes %j to %j', (word, norm) => {
    expect(normalizeWord(word)).toBe(norm)
  })

  it('splits sentences within lines and never across lines', () => {
    expect(sentences('One. Two!\nthree').map((s) => s.text)).toEqual(['One.', 'Two!', 'three'])
  })
})
