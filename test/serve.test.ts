/** `recap serve`: the built site on 127.0.0.1, the 404 page, and nothing outside the output folder. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { serve } from '../src/serve.ts'
import { rawGet } from './helpers.ts'

describe('recap serve', () => {
  let server: http.Server
  let port: number
  beforeAll(async () => {
    server = await serve({ outDir: inject('fixtureSite'), host: '127.0.0.1', port: 0 })
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('serves pages by their directory URL, assets by their file name, and the 404 page on a miss', async () => {
    const home = await rawGet(port, '/')
    expect(home.status).toBe(200)
    expect(home.body).toContain('Conference trip reports, linked')
    expect((await rawGet(port, '/topics/gitops/')).status).toBe(200)
    for (const asset of ['/assets/style.css', '/assets/site.js', '/assets/search-index.js']) expect((await rawGet(port, asset)).status, asset).toBe(200)
    const missing = await rawGet(port, '/no/such/page/')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('Page not found')
  })

  it('never serves a file outside the output folder, however the path is written', async () => {
    for (const target of ['/../../../../etc/passwd', '/topics/../../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '/..%2f..%2f..%2fetc/passwd', '/..\\..\\..\\etc\\passwd']) {
      const response = await rawGet(port, target)
      expect(response.body, target).not.toContain('root:')
      expect([400, 404], target).toContain(response.status)
    }
  })
})
