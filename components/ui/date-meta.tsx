import { getFormatter, getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { formatNewsDate } from '@/lib/date-format'

/**
 * Absolute date and time in the edition's zone, zone named (lib/date-format.ts), plus a relative
 * one ("3小时前") as of render time. Each part stays on one line.
 */
export async function DateMeta({ locale, iso }: { locale: Locale; iso: string }) {
  const [format, t] = await Promise.all([getFormatter({ locale }), getTranslations({ locale, namespace: 'time' })])
  const date = new Date(iso)
  return (
    <>
      <time dateTime={iso} className="whitespace-nowrap">
        {formatNewsDate(date, locale, t.raw('zoned') as string)}
      </time>
      <span className="whitespace-nowrap text-neutral-600 dark:text-neutral-400"> · {format.relativeTime(date)}</span>
    </>
  )
}
