import { expect, test } from '@playwright/test'
import { articles, rawRequest } from './fixtures'

/**
 * Pages, feeds and files are read-only. A write method used to reach Next's cache: on a stale
 * feed it re-rendered the route in the background with that method and cached the 405 as the feed.
 */
const readOnly = ['/index.xml', '/zh-tw/atom.xml', '/en/feed.json', '/tags/人工智能/index.xml', '/sitemap.xml', '/', articles.seed, '/tags', '/favicon.ico', '/robots.txt']

test.describe('methods', { tag: '@http' }, () => {
  test('write methods get 405 with Allow: GET, HEAD and change nothing; GET still serves the feed', async ({ baseURL }) => {
    const origin = new URL(baseURL!)
    for (const path of readOnly) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND']) {
        const answer = await rawRequest(origin, encodeURI(path), { method })
        expect(answer.status, `${method} ${path}`).toBe(405)
        expect(answer.headers.allow, `${method} ${path}`).toBe('GET, HEAD')
      }
      const options = await rawRequest(origin, encodeURI(path), { method: 'OPTIONS' })
      expect(options.status, `OPTIONS ${path}`).toBe(204)
      expect(options.headers.allow).toBe('GET, HEAD')
    }
    // After the whole barrage, every feed is still the feed.
    for (const path of ['/index.xml', '/zh-tw/atom.xml', '/tags/人工智能/index.xml']) {
      const feed = await rawRequest(origin, encodeURI(path))
      expect(feed.status, path).toBe(200)
      expect(feed.body, path).toMatch(/^<\?xml/)
      expect(feed.body.length, path).toBeGreaterThan(500)
    }
    expect(JSON.parse((await rawRequest(origin, '/en/feed.json')).body).items.length).toBeGreaterThan(0)
  })

  test('the draft-mode API keeps its own methods', async ({ baseURL }) => {
    const answer = await rawRequest(new URL(baseURL!), '/api/draft?secret=x', { method: 'POST', headers: { 'x-forwarded-for': 'methods-spec' } })
    // Next's own answer for a method the route does not export, not the proxy's.
    expect(answer.status).toBe(405)
    expect(answer.body).not.toContain('Method Not Allowed\n')
  })

  test('an unsatisfiable Range on a file is not an error: the file comes whole', async ({ baseURL }) => {
    const origin = new URL(baseURL!)
    const home = await rawRequest(origin, '/')
    const script = /\/_next\/static\/[^"]+\.js/.exec(home.body)?.[0]
    expect(script).toBeTruthy()
    for (const path of ['/favicon.ico', script!]) {
      const answer = await rawRequest(origin, path, { headers: { Range: 'bytes=99999999-' } })
      expect(answer.status, path).toBe(200)
      expect(answer.body.length, path).toBeGreaterThan(0)
    }
  })
})
