import { draftMode } from 'next/headers'
import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { currentView } from '@/lib/content'

/** 预览环境 banner on every page of a preview; in draft mode with a way out. */
export async function PreviewBanner({ locale }: { locale: Locale }) {
  if (currentView() !== 'preview') return null
  const t = await getTranslations({ locale, namespace: 'preview' })
  const inDraftMode = (await draftMode()).isEnabled
  return (
    <div data-preview-banner="" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-amber-950">
      {t('banner')}
      {inDraftMode && (
        // A route handler, not a page: it needs a full navigation, not client routing.
        // eslint-disable-next-line @next/next/no-html-link-for-pages
        <a href="/api/draft/disable" className="ml-3 underline">
          {t('exit')}
        </a>
      )}
    </div>
  )
}
