/**
 * Where a YAML syntax error is reported: at the value that is wrong, not where the parser
 * noticed it (for an unclosed bracket or quote, often the next line).
 */
import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../src/validate/yaml.ts'

const at = (text: string, lineOffset = 0) => parseYaml(text, 'f.yml', lineOffset).problems.map((p) => ({ line: p.line, column: p.column, message: p.message }))

describe('YAML syntax errors', () => {
  it('puts an unclosed list at the line and column where it opens', () => {
    const problems = at('title: [unclosed\nconference: x\nsummary: y\n', 1)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 2, column: 8 })
    expect(problems[0]!.message).toContain('"[" here is never closed with "]"')
  })

  it('puts an unclosed mapping and an unclosed list inside a data file entry where they open', () => {
    expect(at('- id: a\n  topics: [a, b\n- id: b\n')).toMatchObject([{ line: 2, column: 11 }])
    expect(at('a: {x\nb: 1\n')).toMatchObject([{ line: 1, column: 4, message: expect.stringContaining('"{" here is never closed') }])
  })

  it('reports a quote left open inside a list once, at the quote', () => {
    const problems = at('title: ok\ntopics: [a, "b\nc: 1\n')
    expect(problems).toEqual([{ line: 2, column: 13, message: expect.stringContaining('opened with " here is never closed') }])
  })

  it('says what is wrong when text follows a closing bracket or quote', () => {
    expect(at('title: [WIP] My talk\n')).toEqual([{ line: 1, column: 8, message: expect.stringContaining('text follows the "]"') }])
    expect(at('summary: "He said "hi""\n')).toEqual([{ line: 1, column: 10, message: expect.stringContaining('text follows the closing "') }])
  })

  it('keeps the parser position for other errors, and reads a list that spans lines', () => {
    expect(at('a: 1\na: 2\n')).toMatchObject([{ line: 2, column: 1 }])
    expect(at('topics: [a,\n  b]\nx: 1\n')).toEqual([])
  })
})
