/**
 * The ISR cache (next.config.mjs `cacheHandler`): Next's own file-system cache (build-time pages
 * from disk, run-time pages in its in-memory LRU) plus the one rule it cannot know. A cached page
 * is only as current as the content it was rendered from: after a content build, or once a
 * scheduled article's time has come, a cached 404 is dropped (the next request renders the page
 * that now exists) and any other cached page or feed counts as stale (served once more while it is
 * rendered again). Without this, a 404 for a URL requested too early would stay for the whole
 * revalidation period.
 */
import path from 'node:path'
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { isOutdated, stampReader } from '../content/freshness.mjs'

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule

const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES'])
// Next treats lastModified 0 as "now": 1 is the oldest time that reads as stale.
const LONG_AGO = 1

/** What a cached entry becomes under the current content: kept, stale, or gone (null). */
export function judgeEntry(entry, stamp, now) {
  if (!entry?.value || !RESPONSE_KINDS.has(entry.value.kind)) return entry
  if (typeof entry.lastModified !== 'number' || entry.lastModified < 0) return entry
  if (!isOutdated(entry.lastModified, stamp, now)) return entry
  if (entry.value.status === 404) return null
  return { ...entry, lastModified: LONG_AGO }
}

const readStamp = stampReader(path.join(/* turbopackIgnore: true */ process.cwd()))

export default class ContentAwareCache extends FileSystemCache {
  async get(...args) {
    const now = Date.now()
    return judgeEntry(await super.get(...args), readStamp(now), now)
  }
}
