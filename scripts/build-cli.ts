/**
 * `npm run build:cli` (also run by `npm ci` through `prepare`): the CLI as JavaScript in
 * build/, and the browser bundles in build/browser/, so that `recap` starts without
 * compiling TypeScript. bin/recap.js uses build/ only while it is newer than every source.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { bundleWithEsbuild, prebuiltDir } from '../src/emit/browser.ts'
import { projectRoot } from '../src/root.ts'

const build = path.join(projectRoot, 'build')
await rm(build, { recursive: true, force: true })
execFileSync(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(projectRoot, 'tsconfig.build.json')], { stdio: 'inherit' })
for (const file of await bundleWithEsbuild()) {
  await mkdir(path.dirname(path.join(prebuiltDir, file.path)), { recursive: true })
  await writeFile(path.join(prebuiltDir, file.path), file.content)
}
// Written last: a build interrupted before this line is never taken as fresh.
await writeFile(path.join(build, 'stamp'), 'built by scripts/build-cli.ts\n')
