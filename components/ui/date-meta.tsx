import { getFormatter } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'

/** Absolute date in the site time zone plus a relative one ("3小时前") as of render time. */
export async function DateMeta({ locale, iso }: { locale: Locale; iso: string }) {
  const format = await getFormatter({ locale })
  const date = new Date(iso)
  return (
    <>
      <time dateTime={iso}>{format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      <span className="text-neutral-600 dark:text-neutral-400"> · {format.relativeTime(date)}</span>
    </>
  )
}
