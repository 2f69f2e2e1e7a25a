/**
 * Where the project is: the folder with package.json above the running code. The same
 * answer whether the code runs as TypeScript from src/ or compiled from build/src/.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

function findRoot(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    const up = path.dirname(dir)
    if (up === dir) return path.resolve(from, '..')
    dir = up
  }
}

export const projectRoot = findRoot(import.meta.dirname)

/** The folder of the running code: src/ as TypeScript, build/src/ once compiled. */
export const codeRoot = import.meta.dirname

/** Whether this is the compiled JavaScript (npm run build:cli). */
export const compiled = import.meta.url.endsWith('.js')
