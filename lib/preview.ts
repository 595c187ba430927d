/**
 * Guards for the draft-mode routes (app/api/draft): a constant-time secret check, a small
 * per-client rate limit, and redirects that can only stay on this site.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

/** Compares in constant time whatever the lengths (both sides are hashed first). */
export function secretMatches(given: string | null, expected: string | null): boolean {
  if (!given || !expected) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * A same-site path to go to after the switch, or null: only `/…` paths, never `//host`,
 * `/\host`, `javascript:` or an absolute URL to another origin.
 */
export function safeRedirectPath(value: string | null, origin: string): string | null {
  if (value === null || value === '') return '/'
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f]/.test(value)) return null
  try {
    const url = new URL(value, origin)
    return url.origin === new URL(origin).origin ? `${url.pathname}${url.search}${url.hash}` : null
  } catch {
    return null
  }
}

/** Fixed-window limiter: at most `limit` attempts per key per window. */
export function createRateLimiter(limit: number, windowMs: number) {
  const hits = new Map<string, { count: number; resetAt: number }>()
  return (key: string, now = Date.now()): boolean => {
    const entry = hits.get(key)
    if (!entry || entry.resetAt <= now) {
      if (hits.size > 10_000) hits.clear()
      hits.set(key, { count: 1, resetAt: now + windowMs })
      return true
    }
    entry.count += 1
    return entry.count <= limit
  }
}
