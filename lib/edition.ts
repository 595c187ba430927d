import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { environmentView, setRequestView } from './content'
import { isLocale, type Locale } from '@/i18n/routing'

/**
 * Validates the `[locale]` segment, enables static rendering for it (next-intl) and sets what
 * the request may see (drafts in previews and in Next.js draft mode).
 */
export async function resolveEdition(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  setRequestLocale(locale)
  await resolveView()
  return locale
}

/** The content view of this request; also for routes outside an edition (the 404 page). */
export async function resolveView() {
  const view = (await draftMode()).isEnabled ? 'preview' : environmentView()
  setRequestView(view)
  return view
}
