/**
 * The one date style of the site: articles, lists and search results all show
 * `2026年11月27日 04:05 北京时间` (24-hour, every Chinese edition alike) or
 * `Nov 27, 2026, 04:05 (Beijing time)`. Pure, so the search client shares it with the server.
 */
import type { Locale } from '@/i18n/routing'

/** The clock each edition's readers live by; all UTC+8, so only the name differs between them. */
export const editionTimeZones: Record<Locale, string> = {
  'zh-CN': 'Asia/Shanghai',
  'zh-TW': 'Asia/Taipei',
  'zh-HK': 'Asia/Hong_Kong',
  en: 'Asia/Shanghai',
}

const formatters = new Map<Locale, Intl.DateTimeFormat>()

function formatterFor(locale: Locale): Intl.DateTimeFormat {
  let formatter = formatters.get(locale)
  if (!formatter) {
    const english = locale === 'en'
    formatter = new Intl.DateTimeFormat(english ? 'en-US' : 'en-CA', {
      timeZone: editionTimeZones[locale],
      hourCycle: 'h23',
      year: 'numeric',
      month: english ? 'short' : '2-digit',
      day: english ? 'numeric' : '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
    formatters.set(locale, formatter)
  }
  return formatter
}

/**
 * Date and time of `value` in the edition's zone; `zoned` is the edition's message template
 * (`{dateTime} 北京时间`) that names the zone.
 */
export function formatNewsDate(value: string | number | Date, locale: Locale, zoned = '{dateTime}'): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const formatter = formatterFor(locale)
  let dateTime: string
  if (locale === 'en') {
    dateTime = formatter.format(date)
  } else {
    const p = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]))
    dateTime = `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`
  }
  return zoned.replace('{dateTime}', dateTime)
}
