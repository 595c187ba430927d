import { afterEach, describe, expect, it } from 'vitest'
import { parseContentDate, toZonedIso, zoneOffsetMinutes } from '@/lib/content/dates'

const SHANGHAI = 'Asia/Shanghai'
const originalTz = process.env.TZ

afterEach(() => {
  process.env.TZ = originalTz
})

describe('parseContentDate', () => {
  it('reads a date without zone as wall-clock time in the site time zone', () => {
    const epoch = parseContentDate('2025-02-12 11:30:21', SHANGHAI)
    expect(epoch).toBe(Date.UTC(2025, 1, 12, 3, 30, 21))
    expect(toZonedIso(epoch!, SHANGHAI)).toBe('2025-02-12T11:30:21+08:00')
  })

  it('accepts a date alone and the ISO T separator', () => {
    expect(parseContentDate('2025-02-12', SHANGHAI)).toBe(Date.UTC(2025, 1, 11, 16, 0, 0))
    expect(parseContentDate('2025-02-12T11:30', SHANGHAI)).toBe(Date.UTC(2025, 1, 12, 3, 30, 0))
  })

  it('honours an explicit zone, in ISO 8601 and RFC 2822 forms', () => {
    expect(parseContentDate('2026-11-21T10:00:00+00:00', SHANGHAI)).toBe(Date.UTC(2026, 10, 21, 10))
    expect(parseContentDate('2026-11-21T10:00:00Z', SHANGHAI)).toBe(Date.UTC(2026, 10, 21, 10))
    expect(parseContentDate('2026-11-21T10:00:00-0500', SHANGHAI)).toBe(Date.UTC(2026, 10, 21, 15))
    expect(parseContentDate('Fri, 21 Aug 2026 12:00:00 GMT', SHANGHAI)).toBe(Date.UTC(2026, 7, 21, 12))
  })

  it('rejects impossible and unknown dates', () => {
    for (const bad of ['2025-13-01 00:00:00', '2025-02-30 10:00:00', '2025-02-12 25:00:00', 'tomorrow', '', '12/02/2025']) {
      expect(parseContentDate(bad, SHANGHAI), bad).toBeNull()
    }
  })

  it('gives the same instant whatever TZ the build machine has', () => {
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'].map((tz) => {
      process.env.TZ = tz
      const epoch = parseContentDate('2025-07-01 09:00:00', SHANGHAI)!
      return [epoch, toZonedIso(epoch, SHANGHAI)]
    })
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1)
    expect(results[0]![1]).toBe('2025-07-01T09:00:00+08:00')
  })

  it('handles daylight-saving zones on both sides of a change', () => {
    const ny = 'America/New_York'
    expect(toZonedIso(parseContentDate('2026-01-15 12:00:00', ny)!, ny)).toBe('2026-01-15T12:00:00-05:00')
    expect(toZonedIso(parseContentDate('2026-07-15 12:00:00', ny)!, ny)).toBe('2026-07-15T12:00:00-04:00')
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 15), ny)).toBe(-240)
  })
})
