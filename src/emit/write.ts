/**
 * Where pages are written: everything goes to a temporary folder beside the output,
 * which then replaces the output in two renames. A failed build never leaves a
 * half-written site; the previous one stays as it was.
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface OutputFile {
  /** Relative to the output folder, with forward slashes. */
  path: string
  content: string | Uint8Array
}

export async function writeOutput(outDir: string, files: readonly OutputFile[], publicDir?: string): Promise<void> {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const stamp = `${process.pid}-${Date.now()}`
  const temp = path.join(parent, `.${path.basename(target)}.building-${stamp}`)
  const old = path.join(parent, `.${path.basename(target)}.old-${stamp}`)
  await mkdir(temp, { recursive: true })
  try {
    if (publicDir && (existsSync(publicDir))) await cp(publicDir, temp, { recursive: true })
    const dirs = new Set(files.map((f) => path.dirname(path.join(temp, f.path))))
    await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })))
    await Promise.all(files.map((f) => writeFile(path.join(temp, f.path), f.content)))
    const hadOutput = existsSync(target)
    if (hadOutput) await rename(target, old)
    await rename(temp, target)
    if (hadOutput) await rm(old, { recursive: true, force: true })
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
}
