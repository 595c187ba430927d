import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import { getMenuPages, getTopTopics } from '@/lib/content'
import { ThemeToggle } from '../ui/theme-toggle'
import { termPath } from '@/lib/paths'

const barLink = 'block px-3 py-3 hover:bg-accent hover:text-white focus-visible:outline-2 focus-visible:outline-white'

/**
 * Site title, edition switcher, main menu (home, the edition's top topics, pages, categories,
 * tags), search and the theme toggle. On phones the menu and the switcher fold into one
 * <details> (no script); search and the theme toggle stay in the bar. The layout renders it once
 * per edition; `switcher` is its `@switcher` slot (EditionSwitcher), which knows the article.
 */
export async function SiteHeader({ locale, switcher }: { locale: Locale; switcher: ReactNode }) {
  const t = await getTranslations({ locale })
  const links = [
    { href: '/', label: t('nav.home') },
    ...getTopTopics(locale).map((topic) => ({ href: termPath('tags', topic.slug), label: topic.name })),
    { href: '/categories', label: t('nav.categories') },
    { href: '/tags', label: t('nav.tags') },
    ...getMenuPages(locale).map((page) => ({ href: page.path, label: page.title })),
  ]
  // One list, shown inline on wide screens and behind the <details> menu on phones.
  const nav = (className: string, listClassName?: string) => (
    <nav aria-label={t('nav.main')} className={className}>
      <ul className={listClassName}>
        {links.map((link) => (
          <li key={link.href}>
            <EditionLink href={link.href} locale={locale} className={barLink}>
              {link.label}
            </EditionLink>
          </li>
        ))}
      </ul>
    </nav>
  )
  return (
    <header>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:p-2 focus:text-black">
        {t('nav.skip')}
      </a>
      <div className="mx-auto flex max-w-6xl items-end justify-between gap-4 px-4 py-3 sm:py-6">
        <div>
          <EditionLink href="/" locale={locale} className="text-2xl font-bold tracking-tight text-neutral-900 hover:text-accent sm:text-3xl dark:text-white">
            {t('site.title')}
          </EditionLink>
          <p className="mt-1 hidden text-sm text-neutral-600 sm:block dark:text-neutral-300">{t('site.subtitle')}</p>
        </div>
        <div className="hidden text-sm text-neutral-700 md:block dark:text-neutral-200 [&_a:hover]:text-accent dark:[&_a:hover]:text-accent-dark [&_li>*]:px-1">{switcher}</div>
      </div>
      <div className="bg-neutral-800 text-white dark:bg-neutral-900">
        <div className="mx-auto flex max-w-6xl items-start gap-2 px-4">
          {nav('hidden flex-1 md:block', 'flex flex-wrap')}
          <details className="group flex-1 md:hidden">
            <summary className="flex cursor-pointer list-none items-center gap-2 py-3 font-semibold [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true">☰</span>
              {t('nav.menu')}
            </summary>
            {nav('pb-2', 'grid grid-cols-2')}
            <div className="border-t border-white/20 py-3 [&_li>*]:block [&_li>*]:px-3 [&_li>*]:py-2">{switcher}</div>
          </details>
          <div className="flex shrink-0 items-center py-1">
            <EditionLink
              href="/search"
              locale={locale}
              className="flex items-center gap-1 rounded px-2 py-2 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
              data-header-search=""
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
                <circle cx="8.5" cy="8.5" r="5.5" />
                <path d="m13 13 4.5 4.5" strokeLinecap="round" />
              </svg>
              {t('nav.search')}
            </EditionLink>
            <ThemeToggle label={t('theme.toggle')} />
          </div>
        </div>
      </div>
    </header>
  )
}
