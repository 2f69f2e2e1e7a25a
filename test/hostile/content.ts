/** A small content folder of our own for the hostile-input tests: no numbers of the sample content are pinned. */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { tempDir } from '../helpers.ts'

export const baseData: Record<string, string> = {
  'conferences.yml': '- id: devconf-2020\n  name: DevConf 2020\n  year: 2020\n  city: Brno\n',
  'topics.yml': '- id: security\n  name: Security\n  description: Keeping systems safe.\n  aliases: [secure]\n',
  'projects.yml': '- id: falco\n  name: Falco\n  topics: [security]\n',
}

export const goodFrontMatter = 'title: Notes\nconference: devconf-2020\nsummary: What we saw.'

export function reportText(frontMatter: string, body: string): string {
  return `---\n${frontMatter}\n---\n\n${body}\n`
}

/** The base data files plus `files` (path → text, overriding a data file when named so), in a new temporary folder. */
export async function hostileContent(files: Record<string, string>): Promise<string> {
  const dir = path.join(await tempDir('recap-hostile-'), 'content')
  await mkdir(path.join(dir, 'reports'), { recursive: true })
  for (const [name, text] of Object.entries({ ...baseData, ...files })) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
  return dir
}
