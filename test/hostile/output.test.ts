/** Item 2, 3, 5 (public/), 8: the output writer never replaces what it did not write and always leaves a complete site. */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chmod, lstat, mkdir, readFile, readdir, rename, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { outputMarker, recoverOutput, writeOutput, type OutputFile } from '../../src/emit/write.ts'
import { root, runCli, tempDir } from '../helpers.ts'
import { goodFrontMatter, hostileContent, reportText } from './content.ts'

/** A project folder: content/ with one report, a .git stand-in, and nothing built yet. */
async function project(): Promise<string> {
  const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, 'Some text about security.') })
  const dir = path.dirname(content)
  await mkdir(path.join(dir, '.git'))
  await writeFile(path.join(dir, '.git/HEAD'), 'ref: refs/heads/main\n')
  return dir
}

const build = (dir: string, out: string) => runCli(['build', '--content', 'content', '--out', out, '--no-cache'], dir)
const contentFiles = (dir: string) => readdirSync(path.join(dir, 'content'), { recursive: true }).map(String).sort()

describe('--out that Recap must not replace', () => {
  it('the content folder: refused, every report and data file still there', async () => {
    const dir = await project()
    const before = contentFiles(dir)
    const result = await build(dir, 'content')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('recap: --out content is the content folder content, which a build must never replace. Nothing was written. Point --out at a folder of its own, e.g. --out dist.\n')
    expect(contentFiles(dir)).toEqual(before)
  })

  it('the project folder itself: refused, .git and content untouched', async () => {
    const dir = await project()
    const result = await build(dir, '.')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('recap: --out . contains the content folder content, which a build must never replace. Nothing was written. Point --out at a folder of its own, e.g. --out dist.\n')
    expect(await readFile(path.join(dir, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n')
    expect(readdirSync(dir).sort()).toEqual(['.git', 'content'])
  })

  it('a parent of the working directory: refused', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'sub'))
    const result = await runCli(['build', '--content', '../content', '--out', '..', '--no-cache'], path.join(dir, 'sub'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^recap: --out \.\. contains the content folder \/.*\/content, which a build must never replace\. Nothing was written\./)
  })

  it('a file: refused and left as it was', async () => {
    const dir = await project()
    await writeFile(path.join(dir, 'notes.txt'), 'mine\n')
    const result = await build(dir, 'notes.txt')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('recap: --out notes.txt is a file, not a folder. Nothing was written. Point --out at a folder, e.g. --out dist.\n')
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n')
  })

  it('a folder with files Recap did not write: refused and left as it was', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'photos'))
    await writeFile(path.join(dir, 'photos/cat.jpg'), 'meow')
    const result = await build(dir, 'photos')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'recap: --out photos is not empty and was not written by Recap (it has no .recap-output file). Nothing was written. Point --out at a new or empty folder; Recap replaces the output folder on every build and will not delete files it did not write.\n',
    )
    expect(readdirSync(path.join(dir, 'photos'))).toEqual(['cat.jpg'])
  })

  it('a symbolic link: refused, the folder it points to untouched', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'elsewhere'))
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'site'))
    const result = await build(dir, 'site')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^recap: --out site is a symbolic link\. Nothing was written\./)
    expect((await lstat(path.join(dir, 'site'))).isSymbolicLink()).toBe(true)
  })

  it.skipIf(process.getuid?.() === 0)('a read-only output folder: reported before anything is replaced', async () => {
    const dir = await project()
    expect((await build(dir, 'dist')).code).toBe(0)
    const before = await readFile(path.join(dir, 'dist/index.html'), 'utf8')
    await chmod(path.join(dir, 'dist'), 0o555)
    try {
      const result = await build(dir, 'dist')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^recap: --out dist cannot be replaced: it or its parent folder is read-only\./)
      expect(await readFile(path.join(dir, 'dist/index.html'), 'utf8')).toBe(before)
    } finally {
      await chmod(path.join(dir, 'dist'), 0o755)
    }
  })
})

describe('replacing its own output', () => {
  it('builds into a new or empty folder, marks it, and replaces it on the next build', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'empty'))
    expect((await build(dir, 'empty')).code).toBe(0)
    expect(existsSync(path.join(dir, 'empty', outputMarker))).toBe(true)
    expect((await build(dir, 'dist')).code).toBe(0)
    await writeFile(path.join(dir, 'dist/stale.html'), 'old')
    expect((await build(dir, 'dist')).code).toBe(0)
    expect(existsSync(path.join(dir, 'dist/stale.html'))).toBe(false)
    expect(readdirSync(dir).sort()).toEqual(['.git', 'content', 'dist', 'empty'])
  })
})

describe('a build killed at any moment', () => {
  const files = (n: number, text: string): OutputFile[] => [
    { path: 'index.html', content: text },
    ...Array.from({ length: n }, (_, i) => ({ path: `pages/${i}/index.html`, content: `${text} ${i}` })),
  ]
  const strays = (parent: string) => readdirSync(parent).filter((name) => name !== 'dist').sort()

  it('killed while writing: the old site stays, and the next build removes the half-written folder', async () => {
    const parent = await tempDir()
    const out = path.join(parent, 'dist')
    await writeOutput(out, files(3, 'old'))
    await mkdir(path.join(parent, '.dist.recap-tmp/pages'), { recursive: true }) // what the kill left
    await writeFile(path.join(parent, '.dist.recap-tmp/pages/half.html'), 'half')
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('old')
    await writeOutput(out, files(3, 'new'))
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new')
    expect(existsSync(path.join(out, 'pages/half.html'))).toBe(false)
    expect(strays(parent)).toEqual([])
  })

  it('killed between the two renames: the old site is put back, by the next build or by serve', async () => {
    const parent = await tempDir()
    const out = path.join(parent, 'dist')
    await writeOutput(out, files(3, 'old'))
    await rename(out, path.join(parent, '.dist.recap-old')) // the first rename happened, the second did not
    await recoverOutput(out)
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('old')
    await rename(out, path.join(parent, '.dist.recap-old'))
    await writeOutput(out, files(3, 'new'))
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new')
    expect(strays(parent)).toEqual([])
  })

  it('killed before the old site was removed, or by an older Recap: the strays go with the next build', async () => {
    const parent = await tempDir()
    const out = path.join(parent, 'dist')
    await writeOutput(out, files(3, 'new'))
    for (const stray of ['.dist.recap-old', '.dist.building-123-1700000000000', '.dist.old-123-1700000000000']) {
      await mkdir(path.join(parent, stray))
      await writeFile(path.join(parent, stray, 'index.html'), 'stray')
    }
    await mkdir(path.join(parent, '.distant')) // not ours
    await writeOutput(out, files(3, 'newer'))
    expect(strays(parent)).toEqual(['.distant'])
  })

  it('writes thousands of pages under a limit of 256 open files', async () => {
    const parent = await tempDir()
    const script = `
      import { writeOutput } from ${JSON.stringify(path.join(root, 'src/emit/write.ts'))}
      const files = Array.from({ length: 3000 }, (_, i) => ({ path: 'p/' + (i % 50) + '/' + i + '.html', content: 'x'.repeat(2000) }))
      await writeOutput(${JSON.stringify(path.join(parent, 'dist'))}, files)
    `
    const { stderr } = await promisify(execFile)('bash', ['-c', `ulimit -n 256 && exec "${process.execPath}" --import tsx --input-type=module -e "$0"`, script], { cwd: root }).catch((e: { stderr: string }) => ({ stderr: e.stderr }))
    expect(stderr).not.toMatch(/EMFILE/)
    expect((await readdir(path.join(parent, 'dist/p'), { recursive: true })).filter((f) => String(f).endsWith('.html'))).toHaveLength(3000)
  })
})

describe('public/', () => {
  async function withPublic(setup: (pub: string, outside: string) => Promise<void>) {
    const parent = await tempDir()
    const pub = path.join(parent, 'public')
    const outside = path.join(parent, 'secret.txt')
    await mkdir(pub)
    await writeFile(path.join(pub, 'robots.txt'), 'User-agent: *\n')
    await writeFile(outside, 'do not publish')
    await setup(pub, outside)
    return { out: path.join(parent, 'dist'), pub }
  }

  it('a link to a file inside public/ is copied as a plain file', async () => {
    const { out, pub } = await withPublic((pub) => symlink(path.join(pub, 'robots.txt'), path.join(pub, 'robots-copy.txt')))
    await writeOutput(out, [{ path: 'index.html', content: 'home' }], pub)
    const copied = await lstat(path.join(out, 'robots-copy.txt'))
    expect(copied.isFile() && !copied.isSymbolicLink()).toBe(true)
    expect(await readFile(path.join(out, 'robots-copy.txt'), 'utf8')).toBe('User-agent: *\n')
  })

  it('a link out of public/ is refused with its name, and the old site stays', async () => {
    const { out, pub } = await withPublic((pub, outside) => symlink(outside, path.join(pub, 'leak.txt')))
    await writeOutput(out, [{ path: 'index.html', content: 'home' }])
    await expect(writeOutput(out, [{ path: 'index.html', content: 'new' }], pub)).rejects.toThrow(/public\/leak\.txt is a symbolic link to something outside public\/\. Replace it with the file itself/)
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('home')
    expect(existsSync(path.join(out, 'leak.txt'))).toBe(false)
  })
})
