import { existsSync, readdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { articles, rawRequest } from './fixtures'

/**
 * Thousands of malformed paths and query strings against the production server, sent byte for
 * byte (node:http, no URL normalisation in between): none may answer 5xx, hang or show internals.
 * Generated from a fixed seed, so a failure names a path that reproduces.
 */

/** mulberry32: small, deterministic. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const BASES = [
  '',
  '/en',
  '/zh-tw',
  '/zh-hk',
  '/zh-CN',
  '/ZH-TW',
  '/xx',
  '/zh-xx',
  '/zh_CN',
  '/news',
  '/news/qq',
  articles.seed,
  '/en/news/reuters',
  '/tags',
  '/categories',
  '/page',
  '/search',
  '/api/draft',
  '/api/draft/disable',
  '/sitemap',
  '/search/shards',
  '/search/meta',
  '/_next/static',
  '/_next/data',
]

/** Odd path segments: traversal, broken and hostile encodings, injection, unicode, length. */
const SEGMENTS = [
  '..',
  '.',
  '...',
  '%2e%2e',
  '%2E%2E%2F',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..%5c..%5cwindows%5cwin.ini',
  '%c0%ae%c0%ae',
  '%',
  '%%',
  '%2',
  '%zz',
  '%E0%A4%A',
  '%ff%fe',
  '%00',
  'a%00b',
  '%0d%0aSet-Cookie:%20x=1',
  '%09',
  '%7f',
  '%3F',
  '%23',
  '%2F',
  '%25',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  "'",
  '%27%20OR%201%3D1--',
  '%60',
  '$%7B7*7%7D',
  '%7B%7B7*7%7D%7D',
  'index.php',
  '.env',
  '.git',
  'wp-admin',
  'NaN',
  '-1',
  '0',
  '1e309',
  '0x10',
  '99999999999999999999999',
  '1',
  '2',
  'index.xml',
  'feed.json',
  'atom.xml',
  '0.xml',
  '-1.xml',
  'manifest.json',
  '1.json',
  '%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD',
  '%F0%9F%98%80',
  '%E2%80%AE%E2%80%8B',
  '%EF%BB%BF',
  'a'.repeat(255),
  'b'.repeat(1024),
  'c'.repeat(4096),
  '20250212A03TSR00',
  '20250212a03tsr00',
  'qq',
  'AI',
  '~',
  '@',
  ';',
  'a;b=c',
  ',',
  '!',
  '*',
  '+',
]

const QUERIES = [
  '',
  '?',
  '?q=%',
  '?q=%E0%A4%A',
  '?q=%00',
  '?q=' + 'x'.repeat(8000),
  '?q=%3Cscript%3E',
  '?q[]=1&q[]=2',
  '?__proto__[polluted]=1',
  '?constructor[prototype][x]=1',
  '?%=%',
  '?page=-1',
  '?redirect=//evil.example',
  '?redirect=https://evil.example',
  '?secret=%',
  '?secret=' + 's'.repeat(5000),
  '?_rsc=%',
  '?_rsc=1',
  '?a=1&a=2&a=3',
  '?&&&==',
  '?q=%F0%9F%98%80',
  '#fragment',
]

function generate(count: number): string[] {
  const next = random(20261129)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const paths = new Set<string>()
  // Every segment and every query once, on a real route, then random combinations.
  for (const segment of SEGMENTS) paths.add(`/tags/${segment}`).add(`/news/qq/${segment}`).add(`/${segment}`)
  for (const query of QUERIES) paths.add(`/search${query}`).add(`/api/draft${query}`).add(`${articles.seed}${query}`)
  while (paths.size < count) {
    const depth = 1 + Math.floor(next() * 3)
    let path = pick(BASES)
    for (let i = 0; i < depth; i++) path += `${next() < 0.1 ? '//' : '/'}${pick(SEGMENTS)}`
    if (next() < 0.15) path += '/'
    if (next() < 0.35) path += pick(QUERIES)
    paths.add(path)
  }
  return [...paths]
}

/** What a response must never show: stack frames, machine paths, framework internals. */
const LEAKS = [/\bat [^\n]{0,200}:\d+:\d+\)?/, /node_modules/, /\/(?:work|home|root|tmp|Users)\//, /Internal Server Error/, /\bTypeError\b|\bReferenceError\b|\bERR_[A-Z_]+\b/]

test.describe('malformed URLs', { tag: '@http' }, () => {
  test.setTimeout(300_000)

  test('2,000+ generated paths and query strings: no 5xx, no hang, no internals', async ({ baseURL }) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1:3210')
    const paths = generate(2200)
    expect(paths.length).toBeGreaterThanOrEqual(2000)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    let cursor = 0
    const worker = async () => {
      while (cursor < paths.length) {
        const path = paths[cursor++] as string
        const shown = path.length > 120 ? `${path.slice(0, 120)}…(${path.length} chars)` : path
        // Every tenth request as a client-side navigation would send it (RSC payload).
        const headers: Record<string, string> = cursor % 10 === 0 ? { RSC: '1', 'Next-Router-State-Tree': '%5B%22garbage' } : {}
        try {
          const { status, body } = await rawRequest(origin, path, { headers })
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (status >= 500) failures.push(`${status} ${shown}`)
          const leak = LEAKS.find((pattern) => pattern.test(body))
          if (leak) failures.push(`${status} ${shown}: body matches ${leak}: ${body.match(leak)?.[0]?.slice(0, 200)}`)
        } catch (error) {
          failures.push(`${shown}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`)
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    console.log(`fuzz: ${paths.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`)
    expect(failures.slice(0, 20), `${failures.length} failure(s)`).toEqual([])

    // Made-up URLs leave nothing on disk (next.config.mjs: isrFlushToDisk false).
    const routeCache = '.next/server/route-cache'
    expect(existsSync(routeCache) ? readdirSync(routeCache, { recursive: true }).length : 0).toBe(0)

    // The server is still healthy afterwards.
    expect((await rawRequest(origin, '/')).status).toBe(200)
    expect((await rawRequest(origin, articles.seed)).status).toBe(200)
  })

  test('traversal and hostile tags end in a clean 404 or a redirect', async ({ baseURL }) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1:3210')
    for (const path of [
      '/news/qq/%',
      '/news/qq/%00',
      '/tags/%zz/index.xml',
      '/news/..%2f..%2fpackage.json',
      '/search/..%2f..%2fpackage.json',
      '/xx/news/qq/1',
      '/tags/%2F',
      '/tags/%23',
      '/tags/%3F',
      `/${'a'.repeat(5000)}`,
      `/search/?q=${'x'.repeat(8000)}`,
    ]) {
      const { status, body } = await rawRequest(origin, path)
      expect([301, 307, 308, 400, 404, 414], path).toContain(status)
      expect(body, path).not.toContain('"name": "news-site"')
    }
  })
})
