/**
 * Guards for the draft-mode routes (app/api/draft): a constant-time secret check, a small
 * per-client rate limit, and redirects that can only stay on this site.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { withSharedStore } from './cache/shared-store.mjs'

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

/**
 * Failed attempts per client in a fixed window. Only failures count, so an editor with the right
 * secret is never slowed down by their own visits; a blocked client is refused before its guess
 * is checked. Memory is bounded: past `maxClients`, the client seen longest ago is forgotten
 * (the others keep their counts).
 */
export function createRateLimiter(limit: number, windowMs: number, maxClients = 10_000) {
  const failures = new Map<string, { count: number; resetAt: number }>()
  const current = (key: string, now: number) => {
    const entry = failures.get(key)
    if (!entry) return null
    if (entry.resetAt <= now) {
      failures.delete(key)
      return null
    }
    return entry
  }
  return {
    blocked(key: string, now = Date.now()): boolean {
      return (current(key, now)?.count ?? 0) >= limit
    },
    fail(key: string, now = Date.now()): void {
      const entry = current(key, now) ?? { count: 0, resetAt: now + windowMs }
      entry.count += 1
      // Re-inserting moves the key to the end: Map order is then least recently failed first.
      failures.delete(key)
      failures.set(key, entry)
      if (failures.size > maxClients) failures.delete(failures.keys().next().value!)
    },
    get size() {
      return failures.size
    },
  }
}

/**
 * The draft-mode limiter: counted in the shared store when there is one (REDIS_URL), so every
 * instance behind a load balancer sees the same failures; per instance otherwise, and whenever
 * the store cannot answer. Redis keys expire with their window, so memory stays bounded there too.
 */
export function createSharedRateLimiter(limit: number, windowMs: number) {
  const local = createRateLimiter(limit, windowMs)
  const key = (client: string) => `news:draft-failures:${client}`
  return {
    async blocked(client: string): Promise<boolean> {
      const count = await withSharedStore(async (redis) => Number((await redis.get(key(client))) ?? 0), null)
      return count === null ? local.blocked(client) : count >= limit
    },
    async fail(client: string): Promise<void> {
      const counted = await withSharedStore(async (redis) => {
        if ((await redis.incr(key(client))) === 1) await redis.pExpire(key(client), windowMs)
        return true
      }, false)
      if (!counted) local.fail(client)
    },
  }
}
