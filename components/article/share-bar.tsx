import { getTranslations } from 'next-intl/server'
import type { ArticleMeta } from '@/lib/content'
import { siteConfig } from '@/lib/config'
import { canonicalUrl } from '@/lib/seo'
import { qrSvg, weiboShareUrl } from '@/lib/share'
import { ShareActions } from './share-actions'

/** Share controls: copy link and the share sheet (client leaf), Weibo, and a server-made WeChat QR code. */
export async function ShareBar({ article }: { article: ArticleMeta }) {
  const t = await getTranslations({ locale: article.edition, namespace: 'share' })
  const url = canonicalUrl(article, siteConfig.url)
  const svg = await qrSvg(url)
  return (
    <section aria-label={t('title')} className="flex flex-wrap items-center gap-2 text-sm" data-share-bar="">
      <span className="font-bold" aria-hidden="true">
        {t('title')}
      </span>
      <a
        href={weiboShareUrl(url, article.title)}
        rel="noopener noreferrer nofollow"
        target="_blank"
        className="rounded border border-neutral-300 px-3 py-1 hover:border-accent hover:text-accent dark:border-neutral-600 dark:hover:border-accent-dark dark:hover:text-accent-dark"
        data-share="weibo"
      >
        {t('weibo')}
      </a>
      <details className="group relative" data-share="wechat">
        <summary className="cursor-pointer list-none rounded border border-neutral-300 px-3 py-1 hover:border-accent hover:text-accent dark:border-neutral-600 dark:hover:border-accent-dark dark:hover:text-accent-dark">
          {t('wechat')}
        </summary>
        <figure className="absolute z-10 mt-2 w-48 rounded border border-neutral-300 bg-white p-3 text-neutral-900 shadow-lg dark:border-neutral-600">
          <div role="img" aria-label={t('wechat')} data-qr-url={url} className="[&>svg]:block [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
          <figcaption className="mt-2 text-xs">{t('wechatHint')}</figcaption>
        </figure>
      </details>
      <ShareActions url={url} title={article.title} labels={{ native: t('native'), copy: t('copy'), copied: t('copied'), copyFailed: t('copyFailed') }} />
    </section>
  )
}
