/**
 * How current a rendered page is. Shared by the content build (which writes the stamp), the
 * content module (which reloads the catalog) and the ISR cache handler (which judges cached pages),
 * so plain JavaScript: the cache handler is loaded by Next at run time, outside the bundle.
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Written by every content build next to the catalog. */
export const FRESHNESS_PATH = path.join('.contentlayer', 'freshness.json')

/** A running server looks for a new catalog at most this often. */
export const CATALOG_RELOAD_MS = 5000

/**
 * The stamp a content build leaves: when it finished, and the publish times (epoch ms, ascending)
 * of the articles that were scheduled for later at that moment.
 */
export function freshnessStamp(changedAt, articles) {
  const upcoming = articles
    .filter((a) => !a.draft && a.time > changedAt)
    .map((a) => a.time)
    .sort((a, b) => a - b)
  return { changedAt, upcoming }
}

/**
 * Whether something rendered at `renderedAt` may predate what readers should now see: it was
 * rendered before the content changed (or so soon after that the server may not have reloaded the
 * catalog yet), or an article has been published since.
 */
export function isOutdated(renderedAt, stamp, now) {
  if (!stamp) return false
  if (renderedAt < stamp.changedAt + CATALOG_RELOAD_MS) return true
  return stamp.upcoming.some((time) => time > renderedAt && time <= now)
}

/** Reads the stamp, again only when its file changed; null while no content build has run. */
export function stampReader(projectDir, checkEveryMs = 1000) {
  const file = path.join(projectDir, FRESHNESS_PATH)
  let cached = null
  let mtime = -1
  let checked = -Infinity
  return (now = Date.now()) => {
    if (now - checked < checkEveryMs) return cached
    checked = now
    try {
      const current = statSync(file).mtimeMs
      if (current !== mtime) {
        cached = JSON.parse(readFileSync(file, 'utf8'))
        mtime = current
      }
    } catch {
      // Keep the last good stamp: a content build may be rewriting the file.
    }
    return cached
  }
}
