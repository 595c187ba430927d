import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import { getMenuPages } from '@/lib/content'
import { ThemeToggle } from '../ui/theme-toggle'

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale })
  const links = [
    { href: '/', label: t('nav.home') },
    ...getMenuPages(locale).map((page) => ({ href: page.path, label: page.title })),
    { href: '/categories', label: t('nav.categories') },
    { href: '/tags', label: t('nav.tags') },
  ]
  // One list, shown inline on wide screens and behind a <details> menu on phones (no script).
  const nav = (className: string, listClassName?: string) => (
    <nav aria-label={t('nav.main')} className={className}>
      <ul className={listClassName}>
        {links.map((link) => (
          <li key={link.href}>
            <EditionLink href={link.href} locale={locale} className="block px-3 py-3 hover:bg-accent hover:text-white focus-visible:outline-2 focus-visible:outline-white">
              {link.label}
            </EditionLink>
          </li>
        ))}
      </ul>
    </nav>
  )
  return (
    <header>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2 focus:text-black">
        {t('nav.skip')}
      </a>
      <div className="mx-auto max-w-6xl px-4 py-6">
        <EditionLink href="/" locale={locale} className="text-3xl font-bold tracking-tight text-neutral-900 hover:text-accent dark:text-white">
          {t('site.title')}
        </EditionLink>
        <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">{t('site.subtitle')}</p>
      </div>
      <div className="bg-neutral-800 text-white dark:bg-neutral-900">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4">
          {nav('hidden md:block', 'flex flex-wrap')}
          <details className="group md:hidden">
            <summary className="flex cursor-pointer list-none items-center gap-2 py-3 font-semibold [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true">☰</span>
              {t('nav.menu')}
            </summary>
            {nav('pb-2')}
          </details>
          <ThemeToggle label={t('theme.toggle')} />
        </div>
      </div>
    </header>
  )
}
