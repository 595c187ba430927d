/**
 * Date parsing for front matter. A date without a zone is wall-clock time in the site time zone;
 * nothing here depends on the `TZ` of the machine that runs the build.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|UT|Z|[+-]\d{4})$/

const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    offsetFormatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall clock in `timeZone` at the instant `epochMs`: year, month, day, hour, minute, second. */
function wallClock(epochMs: number, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  )
}

/** A front-matter date as editors write it (`2026-11-20 08:05:00`, wall clock in `timeZone`). */
export function formatContentDate(epochMs: number, timeZone: string): string {
  const p = wallClock(epochMs, timeZone)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** Offset of `timeZone` from UTC at the instant `epochMs`, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts = wallClock(epochMs, timeZone)
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000)
}

/** Parses a front-matter date; returns epoch milliseconds or null when it is not a real date. */
export function parseContentDate(value: string, timeZone: string): number | null {
  const text = value.trim()
  const local = LOCAL.exec(text)
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local
    const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))] as const
    const wall = Date.UTC(...fields)
    const check = new Date(wall)
    if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) {
      return null
    }
    // Two passes settle the offset even across a daylight-saving change.
    let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60000
    guess = wall - zoneOffsetMinutes(guess, timeZone) * 60000
    return guess
  }
  if (ZONED.test(text) || RFC2822.test(text)) {
    const epoch = Date.parse(text)
    return Number.isNaN(epoch) ? null : epoch
  }
  return null
}

/** ISO 8601 with the site's offset, e.g. `2025-02-12T11:30:21+08:00`. */
export function toZonedIso(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(epochMs, timeZone)
  const shifted = new Date(epochMs + offset * 60000).toISOString().slice(0, 19)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${shifted}${sign}${hh}:${mm}`
}
