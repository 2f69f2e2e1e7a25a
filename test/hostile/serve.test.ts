/**
 * Items 5 and 19: serve and dev never answer with a file outside the site. `serve`, and `dev`
 * once a code change has it build into the output folder, serve that folder; `dev` before
 * that serves from memory and from public/. Secrets and links out are planted beside each.
 * The requests are sent raw over a socket: http.get would normalize "/../" away before sending.
 */
import { existsSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import type http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dev } from '../../src/dev.ts'
import { writeOutput } from '../../src/emit/write.ts'
import { serve } from '../../src/serve.ts'
import { tempDir } from '../helpers.ts'
import { goodFrontMatter, hostileContent, reportText } from './content.ts'

const secret = 'TOP-SECRET-VALUE'

/** Sends `GET <rawPath>` exactly as written and returns the status and body. */
function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`))
    let response = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (response += chunk))
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), body: response.slice(response.indexOf('\r\n\r\n') + 4) }))
    socket.on('error', reject)
  })
}

/** Secrets beside the output folder: a file, a folder whose name starts like the output's, and links out. */
async function plantSecrets(parent: string, out: string): Promise<void> {
  await writeFile(path.join(parent, 'secret.txt'), secret)
  await writeFile(path.join(parent, 'secret.html'), `<html><body>${secret}</body></html>`)
  await mkdir(path.join(parent, 'dist-secret'), { recursive: true })
  await writeFile(path.join(parent, 'dist-secret/key.txt'), secret)
  await symlink(path.join(parent, 'secret.txt'), path.join(out, 'leak.txt'))
  await symlink(path.join(parent, 'secret.html'), path.join(out, 'leak.html'))
  await symlink(parent, path.join(out, 'up'))
}

const attacks = [
  '/../secret.txt',
  '/../../../../../../etc/passwd',
  '/%2e%2e/secret.txt',
  '/%2E%2E/%2e%2e/secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e%2fsecret.txt',
  '/..%5csecret.txt',
  '/../dist-secret/key.txt',
  '/%2e%2e/dist-secret/key.txt',
  '/leak.txt',
  '/leak.html',
  '/leak',
  '/up/secret.txt',
  '/up/secret.html',
  '/up/dist-secret/key.txt',
]

function expectRefused(name: string, port: () => number, asset = '/assets/site.js') {
  describe(name, () => {
    it('serves the site itself', async () => {
      const home = await rawGet(port(), '/')
      expect(home.status).toBe(200)
      expect(home.body).toContain('<')
      const script = await rawGet(port(), asset)
      expect(script.status).toBe(200)
      expect(script.body).toContain('recap-asset')
    })
    it.each(attacks)('refuses %s', async (attack) => {
      const res = await rawGet(port(), attack)
      expect(res.body).not.toContain(secret)
      expect(res.body).not.toMatch(/root:.*:0:0:/)
      expect([400, 404]).toContain(res.status)
    })
  })
}

let serveServer: http.Server
let devServer: { server: http.Server; close: () => Promise<void> }
let devDiskServer: { server: http.Server; close: () => Promise<void> }

beforeAll(async () => {
  const parent = await tempDir()
  const out = path.join(parent, 'dist')
  await writeOutput(out, [
    { path: 'index.html', content: '<html><body>home</body></html>' },
    { path: '404.html', content: '<html><body>not here</body></html>' },
    { path: 'assets/site.js', content: '// recap-asset\n' },
  ])
  await plantSecrets(parent, out)
  serveServer = await serve({ outDir: out, host: '127.0.0.1', port: 0 })

  const content = await hostileContent({ 'reports/notes.md': reportText(goodFrontMatter, 'Some text.') })
  // From memory: the secrets and links are planted in its public/ folder.
  const devParent = await tempDir()
  const publicDir = path.join(devParent, 'dist')
  await mkdir(path.join(publicDir, 'assets'), { recursive: true })
  await writeFile(path.join(publicDir, 'assets/marker.js'), '// recap-asset\n')
  await plantSecrets(devParent, publicDir)
  devServer = await dev({ contentDir: content, outDir: path.join(devParent, 'out'), publicDir, cacheDir: path.join(devParent, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [], log: () => undefined })

  // From the output folder, after a code change.
  const diskParent = await tempDir()
  const diskOut = path.join(diskParent, 'dist')
  const code = path.join(diskParent, 'code')
  await mkdir(code)
  const log: string[] = []
  devDiskServer = await dev({ contentDir: content, outDir: diskOut, cacheDir: path.join(diskParent, 'cache'), host: '127.0.0.1', port: 0, watchDirs: [code], log: (l) => log.push(l) })
  await writeFile(path.join(code, 'layout.ts'), '// edited\n')
  for (let i = 0; i < 600 && !log.some((l) => l.endsWith('pages and the search index written.')); i++) await new Promise((r) => setTimeout(r, 100))
  expect(existsSync(path.join(diskOut, 'index.html'))).toBe(true)
  await plantSecrets(diskParent, diskOut)
  await writeFile(path.join(diskOut, 'assets/site.js'), '// recap-asset\n')
}, 120_000)

afterAll(async () => {
  await new Promise((resolve) => serveServer?.close(resolve))
  await devServer?.close()
  await devDiskServer?.close()
})

const portOf = (server: http.Server) => (server.address() as net.AddressInfo).port
expectRefused('recap serve', () => portOf(serveServer))
expectRefused('recap dev, from memory', () => portOf(devServer.server), '/assets/marker.js')
expectRefused('recap dev, from the output folder', () => portOf(devDiskServer.server))
