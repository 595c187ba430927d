import { getLocale } from 'next-intl/server'
import { NotFoundView } from '@/components/layout/not-found-view'
import { isLocale, defaultLocale } from '@/i18n/routing'

/** 404 for `notFound()` in an edition's pages (unknown article, tag, page number). */
export default async function NotFound() {
  const locale = await getLocale()
  return <NotFoundView locale={isLocale(locale) ? locale : defaultLocale} />
}
