import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { unpublishedState, type ArticleMeta } from '@/lib/content'
import { UnpublishedBadge } from './badge'

/** 草稿 / 定时 badge on an unpublished article (only previews ever show one). */
export async function StatusBadge({ article, locale }: { article: ArticleMeta; locale: Locale }) {
  const state = unpublishedState(article)
  if (!state) return null
  const t = await getTranslations({ locale, namespace: 'preview' })
  return <UnpublishedBadge state={state} label={t(state === 'draft' ? 'draft' : 'scheduled')} />
}
