import { describe, expect, it } from 'vitest'
import { decodeEntry, encodeEntry, judgeEntry } from '@/lib/cache/handler.mjs'
import { CATALOG_RELOAD_MS, freshnessStamp, isOutdated } from '@/lib/content/freshness.mjs'

const T = 1_800_000_000_000
const stamp = freshnessStamp(T, [
  { draft: false, time: T - 1000 },
  { draft: false, time: T + 60_000 },
  { draft: true, time: T + 30_000 },
  { draft: false, time: T + 10_000 },
])

describe('freshness stamp', () => {
  it('lists the publish times still to come, in order, drafts left out', () => {
    expect(stamp).toEqual({ changedAt: T, upcoming: [T + 10_000, T + 60_000] })
  })

  it('outdates what was rendered before the content build, or before the server could reload it', () => {
    expect(isOutdated(T - 1, stamp, T + 1)).toBe(true)
    expect(isOutdated(T + CATALOG_RELOAD_MS - 1, stamp, T + CATALOG_RELOAD_MS)).toBe(true)
    expect(isOutdated(T + CATALOG_RELOAD_MS, stamp, T + CATALOG_RELOAD_MS + 1)).toBe(false)
  })

  it('outdates what was rendered before a scheduled article’s time once that time has come', () => {
    const rendered = T + 8000
    expect(isOutdated(rendered, stamp, T + 9999)).toBe(false)
    expect(isOutdated(rendered, stamp, T + 10_000)).toBe(true)
    expect(isOutdated(T + 10_000, stamp, T + 20_000)).toBe(false)
  })

  it('keeps everything while no content build has left a stamp', () => {
    expect(isOutdated(0, null, T)).toBe(false)
  })
})

describe('cache handler rule', () => {
  const page = (status: number, lastModified: number) => ({ lastModified, value: { kind: 'APP_PAGE', status, html: '' } })
  const now = T + 20_000

  it('drops an outdated 404, so the next request renders the page that now exists', () => {
    expect(judgeEntry(page(404, T - 5000), stamp, now)).toBeNull()
  })

  it('serves an outdated page or feed once more as stale, to be rendered again', () => {
    const judged = judgeEntry(page(200, T - 5000), stamp, now)
    expect(judged?.value).toEqual(page(200, 0).value)
    expect(judged?.lastModified).toBe(1)
    const feed = judgeEntry({ lastModified: T - 5000, value: { kind: 'APP_ROUTE', status: 200, body: '' } }, stamp, now)
    expect(feed?.lastModified).toBe(1)
  })

  it('leaves current entries, data-cache entries and misses alone', () => {
    const current = page(404, T + 15_000)
    expect(judgeEntry(current, stamp, now)).toBe(current)
    const fetchEntry = { lastModified: 0, value: { kind: 'FETCH', data: {} } }
    expect(judgeEntry(fetchEntry, stamp, now)).toBe(fetchEntry)
    expect(judgeEntry(null, stamp, now)).toBeNull()
  })
})

describe('shared cache entries', () => {
  it('survive the trip through Redis with their Buffers and Maps intact', () => {
    const entry = {
      lastModified: T,
      cacheControl: { revalidate: 600, expire: 31536000 },
      value: {
        kind: 'APP_PAGE',
        status: 200,
        html: '<p>新闻</p>',
        rscData: Buffer.from([0, 1, 2, 255]),
        headers: { 'x-next-cache-tags': 'a,b' },
        segmentData: new Map([['/_tree', Buffer.from('树')]]),
      },
    }
    const back = decodeEntry(encodeEntry(entry)) as typeof entry
    expect(back).toEqual(entry)
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true)
    expect(back.value.segmentData.get('/_tree')?.toString()).toBe('树')
  })
})
