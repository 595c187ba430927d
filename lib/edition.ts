import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { isLocale, localePrefix, type Locale } from '@/i18n/routing'

/** Validates the `[locale]` segment and enables static rendering for it (next-intl). */
export async function resolveEdition(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  setRequestLocale(locale)
  return locale
}

/** Route params arrive percent-encoded for non-ASCII segments in some cases: decode once. */
export function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Absolute-path URL of a page in an edition: `/en/news/qq/x`, `/news/qq/x` for zh-CN. */
export function editionHref(locale: Locale, path: string): string {
  const prefix = localePrefix(locale)
  return path === '/' ? prefix || '/' : `${prefix}${path}`
}

