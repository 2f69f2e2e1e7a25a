/**
 * Built once for the whole run: the purpose-built fixture site (test/fixtures/site) and the
 * shipped content. Tests that only read a built site take its folder with `inject(...)`
 * instead of building their own. Both live in a temporary folder, never in the checkout.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { build } from '../src/build.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of test/fixtures/site, built with --site-url https://example.com/. */
    fixtureSite: string
    /** Output folder of the shipped content/. */
    shippedSite: string
  }
}

const root = path.resolve(import.meta.dirname, '..')
let dir: string | undefined

export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(path.join(tmpdir(), 'recap-suite-'))
  const fixtureSite = path.join(dir, 'fixture-site')
  const shippedSite = path.join(dir, 'shipped-site')
  await build({ contentDir: path.join(root, 'test/fixtures/site'), outDir: fixtureSite, siteUrl: 'https://example.com/' })
  await build({ contentDir: path.join(root, 'content'), outDir: shippedSite })
  project.provide('fixtureSite', fixtureSite)
  project.provide('shippedSite', shippedSite)
}

export async function teardown(): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true })
}
