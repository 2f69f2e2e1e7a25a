/**
 * Words as the tagger sees them: maximal runs of letters and digits, compared in a
 * normal form that ignores case, a possessive 's and the English plural, so that
 * "Service Meshes" and "service mesh" are the same phrase and "Istioctl" is not "Istio".
 */

export interface Word {
  /** As written. */
  text: string
  /** Lowercased, possessive and plural stripped. */
  norm: string
  start: number
  end: number
}

const wordPattern = /[\p{L}\p{N}]+(?:['’]s\b)?/gu

export function words(text: string): Word[] {
  const out: Word[] = []
  for (const m of text.matchAll(wordPattern)) {
    out.push({ text: m[0], norm: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length })
  }
  return out
}

export function normalizeWord(word: string, keepCase = false): string {
  let w = keepCase ? word : word.toLowerCase()
  w = w.replace(/['’]s$/i, '')
  const lower = w.toLowerCase()
  if (lower.length > 4 && lower.endsWith('ies')) return w.slice(0, -3) + (keepCase && /[A-Z]$/.test(w) ? 'Y' : 'y')
  if (/(ss|us|is)$/.test(lower)) return w
  if (/(sh|ch|x|z|ss)es$/.test(lower)) return w.slice(0, -2)
  if (lower.length > 3 && lower.endsWith('s')) return w.slice(0, -1)
  return w
}

// One segmenter for every call: making one costs more than segmenting a short text.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Sentences of a plain-text block, with their offsets. Lines are never joined. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    for (const s of segmenter.segment(line)) {
      const trimmed = s.segment.trim()
      if (trimmed) out.push({ text: trimmed, start: offset + s.index + s.segment.indexOf(trimmed) })
    }
    offset += line.length + 1
  }
  return out
}
