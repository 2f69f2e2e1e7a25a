/** Content checks: a paragraph ending in ":" with nothing after it, skeleton placeholders left in. */
import { describe, expect, it } from 'vitest'
import { makeContent, minimalFrontMatter, removeDir, report, runCli } from './helpers.ts'

async function warnings(body: string, frontMatter = minimalFrontMatter): Promise<string[]> {
  const dir = await makeContent({ 'reports/r.md': report(frontMatter, body) })
  const result = await runCli(['check', '--content', dir], dir)
  await removeDir(dir)
  expect(result.code).toBe(0)
  return result.stdout.split('\n').filter((l) => l.startsWith('reports/r.md'))
}

describe('content checks', () => {
  it('warns on a paragraph ending in ":" followed by a heading or the end, with its line', async () => {
    // Front matter is 5 lines (---, 3 fields, ---) and a blank line: the body starts on line 7.
    const lines = await warnings('Slides and videos:\n\n## Talk {.talk}\n\nThe links were:\n\n## Takeaways\n\nMore here:')
    expect(lines).toEqual([
      'reports/r.md:7:18  warning: this paragraph ends in ":" but nothing follows it  Add what it announces (a list or links, often lost when a post is copied), or end the sentence with a full stop.',
      expect.stringMatching(/^reports\/r\.md:11:\d+ {2}warning: this paragraph ends in ":"/),
      expect.stringMatching(/^reports\/r\.md:15:\d+ {2}warning: this paragraph ends in ":"/),
    ])
  })

  it('does not warn when the headings that follow are the ones the sentence announces', async () => {
    const body = [
      'Let me summarize the talks I attended:', // 7: before "# Talks", which heads the talks
      '',
      '# Talks',
      '',
      '## First talk {.talk}',
      '',
      'Text.',
      '',
      '# Hot topics',
      '',
      'Here are the hottest ones:', // 17: over its own section's sub-headings
      '',
      '## Service mesh',
      '',
      'Text.',
      '',
      '# Top 3',
      '',
      'Watch these three videos:', // 25: the next heading ends its section: the videos were lost
      '',
      '# Lightning talks',
      '',
      'Text.',
    ].join('\n')
    expect((await warnings(body)).map((l) => l.split('  ')[0])).toEqual(['reports/r.md:25:25'])
  })

  it('does not warn when a list, a quote, text or code follows the colon, or inside code and comments', async () => {
    const body = [
      'Three things:',
      '',
      '- one',
      '',
      'He said:',
      '',
      '> quoted',
      '',
      'As follows:',
      'the rest of the sentence.',
      '',
      '```',
      'key:',
      '```',
      '',
      '<!-- todo:',
      '-->',
      '',
      '## Notes',
      '',
      'Done.',
    ].join('\n')
    expect(await warnings(body)).toEqual([])
  })

  it('warns on the placeholders of the report skeleton, summary included', async () => {
    const lines = await warnings(
      'Start with an introduction: what the conference was like and why you went.\n\n## Title of a talk {.talk speakers="Speaker Name"}\n\nReal text.',
      minimalFrontMatter.replace('summary: Testing.', 'summary: One or two sentences on what this report covers.'),
    )
    expect(lines.map((l) => l.replace(/ {2}Replace.*/, ''))).toEqual([
      'reports/r.md:4:10  warning: summary: placeholder text from the report skeleton: "One or two sentences on what this report covers."',
      'reports/r.md:7:1  warning: placeholder text from the report skeleton: "Start with an introduction: what the conference was like and why you went."',
      'reports/r.md:9:1  warning: placeholder text from the report skeleton: "## Title of a talk"',
      'reports/r.md:9:27  warning: placeholder text from the report skeleton: "speakers="Speaker Name""',
    ])
  })

  it('gives no warning to a report of takeaways only', async () => {
    expect(await warnings('## Takeaways\n\nMeet people.\n\n## What I will try\n\nEverything.')).toEqual([])
  })
})
