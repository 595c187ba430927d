import { getTranslations } from 'next-intl/server'
import { siteConfig } from '@/lib/config'
import { editionHref, type Locale } from '@/i18n/routing'
import { Widget } from '../widget'

export async function SocialWidget({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return (
    <Widget title={t('social')} id="widget-social">
      <ul className="space-y-1 text-sm">
        {siteConfig.social.map((link) => (
          <li key={link.href}>
            <a
              href={link.href.startsWith('/') ? editionHref(locale, link.href) : link.href}
              rel={link.href.startsWith('/') ? undefined : 'noopener noreferrer'}
              className="underline hover:text-accent dark:hover:text-accent-dark"
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </Widget>
  )
}
