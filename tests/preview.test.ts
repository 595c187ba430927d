import { describe, expect, it } from 'vitest'
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

  it.each(['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'news/qq/x', '/\u0000x', ' https://evil.example'])(
    'refuses %s',
    (input) => {
      expect(safeRedirectPath(input, ORIGIN)).toBeNull()
    },
  )
})

describe('createRateLimiter', () => {
  it('allows `limit` attempts per key and window, then refuses until the window ends', () => {
    const allow = createRateLimiter(3, 1000)
    expect([allow('a', 0), allow('a', 1), allow('a', 2), allow('a', 3)]).toEqual([true, true, true, false])
    expect(allow('b', 3)).toBe(true)
    expect(allow('a', 1000)).toBe(true)
  })
})
