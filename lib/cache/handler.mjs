/**
 * The ISR cache (next.config.mjs `cacheHandler`): Next's own file-system cache (build-time pages
 * from disk, run-time pages in its in-memory LRU) plus two things it cannot know.
 *
 * - A cached page is only as current as the content it was rendered from: after a content build,
 *   or once a scheduled article's time has come, a cached 404 is dropped (the next request renders
 *   the page that now exists) and any other cached page or feed counts as stale (served once more
 *   while it is rendered again). Without this, a 404 for a URL requested too early would stay for
 *   the whole revalidation period.
 * - With REDIS_URL, run-time entries live in Redis, shared by every instance (next.config.mjs then
 *   turns the in-memory copy off, so instances never disagree). Build-time pages still come from
 *   each instance's own `.next`. When Redis cannot answer, the instance serves from disk and
 *   renders what it lacks; it never fails a request for it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { isOutdated, stampReader } from '../content/freshness.mjs'
import { sharedStoreUrl, withSharedStore } from './shared-store.mjs'

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule

const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES'])
// Next treats lastModified 0 as "now": 1 is the oldest time that reads as stale.
const LONG_AGO = 1
/** Entries leave Redis after a week unrequested; Next re-renders stale ones long before. */
const SHARED_TTL_SECONDS = 7 * 24 * 3600

/** What a cached entry becomes under the current content: kept, stale, or gone (null). */
export function judgeEntry(entry, stamp, now) {
  if (!entry?.value || !RESPONSE_KINDS.has(entry.value.kind)) return entry
  if (typeof entry.lastModified !== 'number' || entry.lastModified < 0) return entry
  if (!isOutdated(entry.lastModified, stamp, now)) return entry
  if (entry.value.status === 404) return null
  return { ...entry, lastModified: LONG_AGO }
}

/** Cache entries hold Buffers (RSC payloads, route bodies) and Maps (segments): JSON keeps them. */
export function encodeEntry(entry) {
  return JSON.stringify(entry, function (key, value) {
    const raw = this[key]
    if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') }
    if (raw instanceof Map) return { $map: [...raw.entries()] }
    return value
  })
}

export function decodeEntry(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64')
    if (value && typeof value === 'object' && Array.isArray(value.$map)) return new Map(value.$map)
    return value
  })
}

const readStamp = stampReader(path.join(/* turbopackIgnore: true */ process.cwd()))

export default class ContentAwareCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx)
    // Instances of one build share entries; another build's never mix in.
    let buildId = 'dev'
    try {
      buildId = readFileSync(path.join(ctx.serverDistDir ?? '', '..', 'BUILD_ID'), 'utf8').trim()
    } catch {
      // next dev has no BUILD_ID and no shared cache to speak of.
    }
    this.sharedPrefix = `news:isr:${buildId}:`
  }

  async get(key, ctx) {
    const now = Date.now()
    const shared = await withSharedStore(async (redis) => {
      const text = await redis.get(this.sharedPrefix + key)
      return text === null ? null : decodeEntry(text)
    }, null)
    return judgeEntry(shared ?? (await super.get(key, ctx)), readStamp(now), now)
  }

  async set(key, data, ctx) {
    if (sharedStoreUrl()) {
      const entry = { value: data, lastModified: Date.now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl }
      const stored = await withSharedStore((redis) => redis.set(this.sharedPrefix + key, encodeEntry(entry), { EX: SHARED_TTL_SECONDS }).then(() => true), false)
      if (stored) return
    }
    await super.set(key, data, ctx)
  }
}
