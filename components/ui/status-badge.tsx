import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { unpublishedState, type ArticleMeta } from '@/lib/content'

/** 草稿 / 定时 badge on an unpublished article (only previews ever show one). */
export async function StatusBadge({ article, locale }: { article: ArticleMeta; locale: Locale }) {
  const state = unpublishedState(article)
  if (!state) return null
  const t = await getTranslations({ locale, namespace: 'preview' })
  return (
    <span data-badge={state} className="mr-2 inline-block rounded bg-amber-200 px-2 py-0.5 align-middle text-xs font-bold text-amber-950">
      {t(state === 'draft' ? 'draft' : 'scheduled')}
    </span>
  )
}
