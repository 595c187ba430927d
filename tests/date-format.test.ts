import { describe, expect, it } from 'vitest'
import { locales } from '@/i18n/routing'
import { formatNewsDate } from '@/lib/date-format'
import en from '@/messages/en.json'
import zhCN from '@/messages/zh-CN.json'
import zhHK from '@/messages/zh-HK.json'
import zhTW from '@/messages/zh-TW.json'

const instant = '2026-11-26T20:05:00Z' // 04:05 on the 27th in UTC+8
const zoned = { 'zh-CN': zhCN.time.zoned, 'zh-TW': zhTW.time.zoned, 'zh-HK': zhHK.time.zoned, en: en.time.zoned }

describe('formatNewsDate', () => {
  it('writes one 24-hour style in every Chinese edition, with the zone named', () => {
    expect(formatNewsDate(instant, 'zh-CN', zoned['zh-CN'])).toBe('2026年11月27日 04:05 北京时间')
    expect(formatNewsDate(instant, 'zh-TW', zoned['zh-TW'])).toBe('2026年11月27日 04:05 台北時間')
    expect(formatNewsDate(instant, 'zh-HK', zoned['zh-HK'])).toBe('2026年11月27日 04:05 香港時間')
  })

  it('names the zone in English too', () => {
    expect(formatNewsDate(instant, 'en', zoned.en)).toBe('Nov 27, 2026, 04:05 (Beijing time)')
  })

  it('uses 00 for midnight, never 24 or AM/PM words', () => {
    for (const locale of locales) {
      const text = formatNewsDate('2026-11-26T16:00:00Z', locale)
      expect(text).toMatch(/ 00:00$/)
      expect(text).not.toMatch(/上午|下午|清晨|AM|PM/)
    }
  })

  it('does not depend on the machine time zone, and accepts offsets, epochs and Dates', () => {
    const expected = '2026年2月12日 11:30'
    expect(formatNewsDate('2026-02-12T11:30:21+08:00', 'zh-CN')).toBe(expected)
    expect(formatNewsDate(Date.parse('2026-02-12T03:30:21Z'), 'zh-CN')).toBe(expected)
    expect(formatNewsDate(new Date('2026-02-12T03:30:21Z'), 'zh-HK')).toBe(expected)
  })

  it('returns nothing for an invalid date', () => {
    expect(formatNewsDate('not a date', 'zh-CN')).toBe('')
  })
})
