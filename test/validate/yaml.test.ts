/**
 * Where a YAML syntax error is reported: at the value that is wrong, not where the parser
 * noticed it (for an unclosed bracket or quote, often the next line).
 */
import { describe, expect, it } from 'vitest'
import { check, nearest, parseYaml } from '../../src/validate/yaml.ts'
import { conferencesSchema, frontMatterSchema } from '../../src/validate/schema.ts'

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

  it('reports quoted text that goes on at the start of the next line once, naming that line', () => {
    // libyaml reads this; YAML does not (yaml-test-suite QB6E). Two parser errors, one problem.
    const problems = at('title: T\nconference: c\nsummary: "first part\nsecond part"\n', 1)
    expect(problems).toEqual([{ line: 4, column: 10, message: expect.stringContaining('goes on at the start of line 5: indent that line') }])
    // A quote that is never closed is still said to be never closed.
    expect(at('title: "open\nconference: c\n')).toEqual([{ line: 1, column: 8, message: expect.stringContaining('is never closed with "') }])
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

describe('misspelt fields', () => {
  const problems = (text: string, schema: Parameters<typeof check>[0] = frontMatterSchema) => {
    const yaml = parseYaml(text, 'f.yml')
    return check(schema, yaml.value, yaml, 'f.yml').problems.map((p) => ({ line: p.line, field: p.field, code: p.code, message: p.message, hint: p.hint }))
  }

  it('names the field meant, and checks the value as that field', () => {
    expect(problems('title: T\nconference: c\nsummary: s\npublshed: 2019-02-30\n')).toEqual([
      { line: 4, field: 'publshed', code: 'unknownField', message: 'unknown field (did you mean "published"?)', hint: expect.stringMatching(/^Rename it to published and correct its value: not a real calendar date/) },
    ])
  })

  it('does not also call the field meant missing', () => {
    expect(problems('title: T\nconference: c\nsumary: s\n')).toEqual([{ line: 3, field: 'sumary', code: 'unknownField', message: 'unknown field (did you mean "summary"?)', hint: 'Rename it to summary; or remove it.' }])
    expect(problems('- id: a\n  name: A\n  year: 2019\n  citty: Oslo\n', conferencesSchema)).toMatchObject([{ line: 4, field: '[0].citty', message: 'unknown field (did you mean "city"?)' }])
  })

  it('lists the fields when no known one is close, or the close one is already there', () => {
    expect(problems('title: T\nconference: c\nsummary: s\ntags: [a]\n')[0]!.hint).toBe('Remove it or use one of: title, author, conference, published, source, summary, topics.')
    expect(problems('title: T\nconference: c\nsummary: s\nsummry: t\n')[0]!.message).toBe('unknown field')
  })

  it('suggests only near spellings', () => {
    expect(nearest('autor', ['author', 'title'])).toBe('author')
    expect(nearest('Topics', ['topics'])).toBe('topics')
    expect(nearest('src', ['source'])).toBeUndefined()
    expect(nearest('x'.repeat(10_000), ['title'])).toBeUndefined()
  })
})

describe('wrong types', () => {
  const messages = (text: string) => {
    const yaml = parseYaml(text, 'f.yml')
    return check(frontMatterSchema, yaml.value, yaml, 'f.yml').problems.map((p) => `${p.field}: ${p.message}`)
  }

  it('names types in the words of the README: text, a list, a mapping', () => {
    expect(messages('title: T\nconference: c\nsummary: s\ntopics: gitops\n')).toEqual(['topics: expected a list, got the text "gitops"'])
    expect(messages('title: [a, b]\nconference: c\nsummary: s\n')).toEqual(['title: expected text, got a list'])
    expect(messages('title: T\nconference: c\nsummary: {a: 1}\n')).toEqual(['summary: expected text, got a mapping'])
    expect(messages('conference: c\nsummary: s\n')).toEqual(['title: required field is missing (expected text)'])
  })

  it('suggests quotes when YAML read a number or true/false where text belongs', () => {
    expect(messages('title: 2019\nconference: c\nsummary: s\n')).toEqual(['title: expected text, got the number 2019; put the value in quotes to keep it as text'])
    expect(messages('title: T\nconference: c\nsummary: true\n')).toEqual(['summary: expected text, got true; put the value in quotes to keep it as text'])
  })
})
