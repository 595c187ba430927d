import { describe, expect, it } from 'vitest'
import { appendPeer, clientAddress } from '@/lib/client-address'
import { createRateLimiter, safeRedirectPath, secretMatches } from '@/lib/preview'

const ORIGIN = 'https://news.example.com'

describe('secretMatches', () => {
  it('accepts only the exact secret', () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true)
    expect(secretMatches('s3cret ', 's3cret')).toBe(false)
    expect(secretMatches('S3CRET', 's3cret')).toBe(false)
    expect(secretMatches('a-much-longer-guess-than-the-secret', 's3cret')).toBe(false)
  })

  it('refuses everything when no secret is configured or given', () => {
    expect(secretMatches('', '')).toBe(false)
    expect(secretMatches(null, 's3cret')).toBe(false)
    expect(secretMatches('anything', null)).toBe(false)
  })
})

describe('safeRedirectPath', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/', '/'],
    ['/news/qq/x?a=1#top', '/news/qq/x?a=1#top'],
    ['/en/tags/%E4%BA%BA', '/en/tags/%E4%BA%BA'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeRedirectPath(input, ORIGIN)).toBe(expected)
  })

  it.each(['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'news/qq/x', '/\u0000x', ' https://evil.example'])('refuses %s', (input) => {
    expect(safeRedirectPath(input, ORIGIN)).toBeNull()
  })
})

describe('createRateLimiter', () => {
  it('blocks a client after `limit` failures until the window ends; other clients are unaffected', () => {
    const limiter = createRateLimiter(3, 1000)
    const attempt = (key: string, now: number) => {
      if (limiter.blocked(key, now)) return 'blocked'
      limiter.fail(key, now)
      return 'failed'
    }
    expect([attempt('a', 0), attempt('a', 1), attempt('a', 2), attempt('a', 3)]).toEqual(['failed', 'failed', 'failed', 'blocked'])
    expect(limiter.blocked('b', 3)).toBe(false)
    expect(limiter.blocked('a', 1000)).toBe(false)
  })

  it('stays bounded by forgetting the client seen longest ago, never by resetting everyone', () => {
    const limiter = createRateLimiter(2, 60_000, 100)
    limiter.fail('attacker', 0)
    limiter.fail('attacker', 0)
    for (let i = 0; i < 500; i++) {
      limiter.fail(`rotating-${i}`, 1)
      // The persistent client keeps failing too, so it stays among the most recent.
      if (i % 50 === 0) limiter.fail('attacker', 1)
    }
    expect(limiter.size).toBe(100)
    expect(limiter.blocked('attacker', 2)).toBe(true)
    expect(limiter.blocked('rotating-0', 2)).toBe(false)
  })
})

describe('clientAddress', () => {
  const direct = { trustedProxies: 0, onVercel: false }
  it('trusts no forwarded entry by default: rotating X-Forwarded-For does not change the client', () => {
    const keys = Array.from({ length: 50 }, (_, i) => clientAddress(appendPeer(`10.0.0.${i}`, '203.0.113.9'), direct))
    expect(new Set(keys)).toEqual(new Set(['203.0.113.9']))
  })

  it('behind N proxies, takes the entry the outermost trusted proxy appended', () => {
    const oneProxy = { trustedProxies: 1, onVercel: false }
    // nginx appended the editor's address; the client forged the entries left of it.
    expect(clientAddress(appendPeer('1.1.1.1, 198.51.100.7', '10.0.0.2'), oneProxy)).toBe('198.51.100.7')
    // Two editors behind the same proxy are two clients, not one shared bucket.
    expect(clientAddress(appendPeer('198.51.100.8', '10.0.0.2'), oneProxy)).toBe('198.51.100.8')
    // Reached directly although a proxy is configured: never an entry the client could write.
    expect(clientAddress(appendPeer(undefined, '203.0.113.9'), oneProxy)).toBe('203.0.113.9')
  })

  it("on Vercel, reads the edge's first entry", () => {
    expect(clientAddress('198.51.100.7, 10.0.0.1', { trustedProxies: 0, onVercel: true })).toBe('198.51.100.7')
  })
})
