/**
 * remark plugin: find the sessions, groups and notes of a report written in plain
 * Markdown. It runs after the attribute plugin: a heading with attributes ({.talk},
 * {.note}, {.group}) is the author's word and is never second-guessed, nor is anything
 * inside an explicit session.
 *
 * Signals are weighed together rather than trusted one by one. A heading scores for a
 * session from its own words (heading-signals.ts), its opening lines (body-signals.ts),
 * its siblings (talks come in runs: a weak heading among talks is a talk) and its parent
 * ("Keynotes" makes its children keynotes). A heading whose children are sessions, or
 * whose title is a day, a track or a plural kind, is a group: never a session itself.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Plugin } from 'unified'
import type { SessionKind } from '../../validate/schema.ts'
import type { SessionAttributes } from '../session-attributes.ts'
import { hasSessionLink, openingTalkLink, readBody, readSpeakerLine, speakerInClause, speakerOpening, speakersInText, speakerTalking } from './body-signals.ts'
import { cutAtBreaks } from './breaks.ts'
import { readHeading, type HeadingSignals } from './heading-signals.ts'
import { readsAsTitle } from './mentions.ts'
import { liftTalkLists } from './talk-lists.ts'
import { readSpeakers, type Speaker } from './speakers.ts'

/** Score at which a heading is a session. */
const sessionScore = 2

interface Node {
  heading: Heading
  index: number
  depth: number
  parent?: Node
  children: Node[]
  signals: HeadingSignals
  speakers: Speaker[]
  title?: string
  score: number
  /** Text of its own between it and the next heading. */
  hasText: boolean
  /** Under an explicit session, or explicit itself: left as the author wrote it. */
  fixed: boolean
  group: boolean
  session: boolean
  kind?: SessionKind
}

const remarkInferStructure: Plugin<[], Root> = function () {
  return (tree: Root) => {
    cutAtBreaks(tree)
    liftSpeakerHeadings(tree)
    liftTalkLists(tree)
    inferStructure(tree)
  }
}

export default remarkInferStructure

/**
 * "## *Speaker: Ada Lovelace, Company*" under a title, or a heading of names right below
 * one ("### Ada Lovelace & Alan Turing"), is a line about the talk, not a section.
 */
function liftSpeakerHeadings(tree: Root): void {
  tree.children = tree.children.map((node, i) => {
    if (node.type !== 'heading' || node.data?.session) return node
    const text = toString(node)
    const underHeading = tree.children[i - 1]?.type === 'heading'
    if (!readSpeakerLine(text) && !(underHeading && namesOnly(text))) return node
    const paragraph: Paragraph = { type: 'paragraph', children: node.children, ...(node.position ? { position: node.position } : {}) }
    return paragraph
  })
}

/** Only people, not "Title - Speaker": the text has no title part to split off. */
export function namesOnly(text: string): boolean {
  const signals = readHeading(text)
  // "Ada Lovelace - Analytical Engines" under a title reads best as a name and a company.
  return (signals.speakers.length === 0 || signals.speakerFirst) && readSpeakers(text) !== undefined
}

function inferStructure(tree: Root): void {
  const children = tree.children
  const nodes: Node[] = []
  const stack: Node[] = []
  let fixedDepth = Infinity
  children.forEach((child, index) => {
    if (child.type !== 'heading') return
    while (stack.length && stack.at(-1)!.depth >= child.depth) stack.pop()
    if (child.depth <= fixedDepth) fixedDepth = Infinity
    const explicit = child.data?.session
    const fixed = explicit !== undefined || fixedDepth < child.depth
    if (explicit && explicit.kind !== 'note') fixedDepth = Math.min(fixedDepth, child.depth)
    const parent = stack.at(-1)
    const node: Node = {
      heading: child,
      index,
      depth: child.depth,
      ...(parent ? { parent } : {}),
      children: [],
      signals: readHeading(toString(child, { includeHtml: false })),
      speakers: [],
      score: 0,
      hasText: bodyOf(children, index).some((n) => toString(n).trim() !== ''),
      fixed,
      group: false,
      session: false,
    }
    parent?.children.push(node)
    nodes.push(node)
    stack.push(node)
  })

  for (const node of nodes) if (!node.fixed) score(node, bodyOf(children, node.index))
  bracketsOfPeople(nodes)

  // Bottom-up: a heading is decided once all its children are.
  const byDepth = [...nodes].sort((a, b) => b.depth - a.depth || a.index - b.index)
  for (const node of byDepth) if (node.children.length) decideChildren(node.children, node)
  decideChildren(
    nodes.filter((n) => !n.parent),
    undefined,
  )

  for (const node of nodes) {
    if (node.fixed || !node.session) continue
    const attributes: SessionAttributes = {
      kind: node.kind ?? 'talk',
      speakers: node.speakers,
      topics: [],
      title: node.title ?? node.signals.title,
      inferred: true,
    }
    node.heading.data = { ...node.heading.data, session: attributes }
  }
}

/**
 * "Title (Minhan Xia, Ping Zou)" reads as a name and a company, as schedules write it. But
 * where the same report brackets its speakers as people ("Helm 3 (Ada Lovelace & Alan
 * Turing)") and never as a name and a company, the comma joins two people too.
 */
function bracketsOfPeople(nodes: Node[]): void {
  const bracket = (n: Node) => /\(([^()]+)\)\s*$/.exec(toString(n.heading, { includeHtml: false }).trim())?.[1]
  const people = nodes.filter((n) => {
    const inside = bracket(n)
    return inside && /\s(?:&|and)\s/.test(inside) && n.speakers.length >= 2 && n.speakers.every((p) => !p.affiliation)
  })
  if (!people.length) return
  const candidates = nodes.filter((n) => {
    const inside = bracket(n)
    return inside && n.speakers.length === 1 && n.speakers[0]!.affiliation && inside.split(/\s*,\s*/).length === 2
  })
  // One bracket of a name and a company-like word ("Ada Lovelace, Acme Labs") and the style is mixed: leave them all.
  if (candidates.some((n) => !readSpeakers(n.speakers[0]!.affiliation!, { strict: true }))) return
  for (const n of candidates) n.speakers = readSpeakers(bracket(n)!, { people: true }) ?? n.speakers
}

/** The blocks from a heading to the next heading of any depth. */
function bodyOf(children: RootContent[], index: number): RootContent[] {
  const body: RootContent[] = []
  for (let i = index + 1; i < children.length && children[i]!.type !== 'heading'; i++) body.push(children[i]!)
  return body
}

function score(node: Node, body: RootContent[]): void {
  const s = node.signals
  const b = readBody(body)
  // A heading lifted from a paragraph ("**[Ops Without Heroes](talks/heroes.md)**") sits over
  // that paragraph: its words are the title again, not a line of speakers.
  const opening = body[0]?.type === 'paragraph' ? toString(body[0]).replace(/\s+/g, ' ').trim() : ''
  if (node.heading.data?.listedTalk && b.speakers.length && opening === toString(node.heading).replace(/\s+/g, ' ').trim() && !s.speakers.length) b.speakers = []
  let total = 0
  if (s.kindLabelled) total += 3
  else if (s.kind) total += 2
  if (s.skillLevel) total += 3
  // Lifted from a list of talks or a paragraph naming one: it passed a talk test already.
  if (node.heading.data?.listedTalk) total += 3
  // A person and their job ("Ada Lovelace - Director, Acme") is a keynote's heading as often as a list of people met.
  if (s.speakers.length) total += s.personOnly ? 1 : 3
  // A speaker line under a heading is the clearest sign of a talk there is.
  if (b.speakers.length) total += 4
  // "In her talk, Ada Lovelace showed…" under a heading that names nobody.
  const inClause = !s.speakers.length && !b.speakers.length && !s.noteWord ? speakerInClause(body, s.title) : undefined
  if (inClause) total += 2
  if (b.sessionLink || hasSessionLink(node.heading)) total += 1.5
  total += b.sessionWords
  // "I was asked to deliver a keynote at…": the section is about that session.
  if (b.deliveredKind) total += 1.5
  if (s.dashTail) total += s.companyTail ? 1.5 : 0.5
  if (s.numbered) total += 0.5
  if (s.noteWord) total -= 4
  node.score = total
  node.speakers = node.heading.data?.mentionedSpeakers ?? (s.speakers.length ? s.speakers : b.speakers)
  // "“Rendering with Python Pipelines” by Ada": the text names who gave it, so "with Python
  // Pipelines" is the title's, not a speaker.
  const mentioned = node.heading.data?.mentionedSpeakers
  if (mentioned && s.speakers.length && !s.speakers.some((x) => mentioned.some((y) => y.name === x.name))) node.title = s.titleWithTail
  // "Open Match - Matchmaking Framework" over "Speaker: Robert Bailey": the line names the
  // speakers, so the heading's tail was part of the title.
  if (s.speakers.length && b.speakers.length && !s.speakers.some((x) => b.speakers.some((y) => y.name === x.name))) {
    node.speakers = b.speakers
    node.title = s.titleWithTail
  }
  // "### Kepler" opening with "⏩ [Measuring Energy with Kepler - Ada Lovelace](video)": the talk is the link's.
  const link = openingTalkLink(body)
  if (link && !s.speakers.length && !s.noteWord) {
    const l = readHeading(link)
    node.score += l.speakers.length ? 3 : 2
    node.title = l.title
    if (!b.speakers.length) node.speakers = l.speakers
    if (l.kind && !s.kind) node.kind = l.kind
  }
  if (s.kind) node.kind = s.kind
  else if (node.heading.data?.listedKind) node.kind = node.heading.data.listedKind
  // Only the kind: "The keynote was long" under "Day 1" does not make the day a session.
  else node.kind ??= b.deliveredKind ?? b.namedKind
  if (!node.speakers.length) node.speakers = b.givenBy ?? inClause ?? (node.heading.data?.listedTalk ? (speakerOpening(body) ?? speakerTalking(toString(node.heading), body)) : undefined) ?? speakersInText(body, node.kind)
}

/** Decides a set of siblings, then what their parent is. */
function decideChildren(siblings: Node[], parent: Node | undefined): void {
  const open = siblings.filter((n) => !n.fixed)
  // "Keynotes", "Lightning talks": the parent names its children's kind.
  const parentKind = parent && !parent.fixed && parent.signals.groupWord ? parent.signals.kind : undefined
  for (const n of open) {
    if (n.group) continue
    if (parentKind && !n.signals.noteWord) {
      n.score += 2
      n.kind ??= parentKind
    }
    // A day or a track without children is still not a talk ("Wednesday" over a list).
    n.session = n.score >= sessionScore && !(n.signals.groupWord && !n.signals.kind)
  }
  // Talks come in runs: among sessions, a heading with some evidence of its own is a
  // session too, when together they are at least two and half the siblings.
  const strong = siblings.filter(isSession).length
  // A heading with nothing under it ("Ada Lovelace - Director, Acme" as a byline) joins no run.
  const weak = open.filter((n) => !n.group && !n.session && !n.signals.noteWord && n.score >= (strong ? 1 : 1.5) && (n.hasText || n.children.length > 0))
  if ((strong >= 1 || weak.length >= 2) && strong + weak.length >= 2 && (strong + weak.length) * 2 >= siblings.length) {
    for (const n of weak) if (!n.signals.groupWord) n.session = true
  }
  // Under a day or a track where nearly everything is a session, a heading that is neither
  // a note nor a group is one too: "Prometheus Monitoring Mixins" between two talks.
  const now = siblings.filter(isSession).length
  const candidates = siblings.filter((n) => n.fixed || !n.signals.noteWord).length
  // At the top of a notes file ("Title⏎=====" per talk) the file itself is the day.
  if ((parent?.signals.groupWord || !parent) && now >= 3 && now * 3 >= candidates * 2) {
    // With no day above them, only headings written as titles: "Break the Cycle", not "Welcome reception".
    const fits = (n: Node) => parent !== undefined || readsAsTitle(n.signals.title)
    for (const n of open) if (!n.group && !n.session && n.score >= 0 && !n.signals.noteWord && !n.signals.groupWord && !n.children.length && fits(n)) n.session = true
  }
  if (!parent || parent.fixed) return
  const childSessions = parent.children.filter((c) => isSession(c) || c.group).length
  const anySession = parent.children.some((c) => isSession(c) || c.group)
  // A heading that reads as a talk itself keeps its talk-like children as sections of their own.
  const talkLike = parent.score >= sessionScore && !parent.signals.groupWord
  if ((parent.signals.groupWord && anySession) || (!talkLike && childSessions >= 1 && childSessions * 2 >= parent.children.length)) {
    parent.group = true
  } else if (parent.signals.groupWord && !parent.signals.kind) {
    // "Day 2" over notes only is still a day, not a session.
    parent.group = true
  }
}

function isSession(n: Node): boolean {
  if (n.fixed) return n.heading.data?.session !== undefined && n.heading.data.session.kind !== 'note'
  return n.session
}
