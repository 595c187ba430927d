import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { defaultLocale, editionHref, locales, type Locale } from '@/i18n/routing'
import { siteConfig } from '@/lib/config'
import { getMenuPages } from '@/lib/content'
import { EditionLink } from '../ui/edition-link'

const linkClass = 'underline-offset-2 hover:text-white hover:underline'

/** One column of the footer: a heading over a list of links. */
function FooterColumn({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h2 className="mb-2 font-semibold text-white">{title}</h2>
      <ul className="space-y-1">{children}</ul>
    </div>
  )
}

/** Editions, the edition's feeds, about and contact; `mt-auto` keeps it at the bottom of short pages. */
export async function SiteFooter({ locale, year }: { locale: Locale; year: number }) {
  const t = await getTranslations({ locale })
  const feeds = [
    { href: '/index.xml', label: t('footer.rss'), type: 'application/rss+xml' },
    { href: '/atom.xml', label: t('footer.atom'), type: 'application/atom+xml' },
    { href: '/feed.json', label: t('footer.json'), type: 'application/feed+json' },
  ]
  // An edition without its own about page links the default edition's.
  const own = getMenuPages(locale)
  const about =
    own.length > 0
      ? own.map((page) => ({ page, locale, label: page.title }))
      : getMenuPages(defaultLocale).map((page) => ({ page, locale: defaultLocale, label: t('footer.about') }))
  return (
    <footer className="mt-auto bg-neutral-800 text-sm text-neutral-200 dark:bg-neutral-900" data-site-footer="">
      <nav aria-label={t('footer.nav')} className="mx-auto grid max-w-6xl grid-cols-2 gap-6 px-4 py-6 sm:grid-cols-4">
        <FooterColumn title={t('footer.editions')}>
          {locales.map((edition) => (
            <li key={edition} lang={edition}>
              <EditionLink href="/" locale={edition} hrefLang={edition} className={linkClass} aria-current={edition === locale ? 'true' : undefined}>
                {t(`editions.${edition}`)}
              </EditionLink>
            </li>
          ))}
        </FooterColumn>
        <FooterColumn title={t('footer.feedsTitle')}>
          {feeds.map((feed) => (
            // Feeds are files, not pages: a plain link, no client routing.
            <li key={feed.href}>
              <a href={editionHref(locale, feed.href)} type={feed.type} className={linkClass}>
                {feed.label}
              </a>
            </li>
          ))}
        </FooterColumn>
        <FooterColumn title={t('site.title')}>
          {about.map(({ page, locale: pageLocale, label }) => (
            <li key={page.key}>
              <EditionLink href={page.path} locale={pageLocale} className={linkClass} data-footer-about="">
                {label}
              </EditionLink>
            </li>
          ))}
          <li>
            <a href={`mailto:${siteConfig.contactEmail}`} className={linkClass}>
              {t('footer.contact')}
            </a>
          </li>
        </FooterColumn>
        <p className="col-span-2 self-end text-neutral-300 sm:col-span-1 sm:text-right">{t('footer.copyright', { year })}</p>
      </nav>
    </footer>
  )
}
