import { useTranslations } from 'next-intl'
import { Link } from '@/i18n/navigation'

export default function NotFound() {
  const t = useTranslations('notFound')
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('message')}</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-accent underline dark:text-accent-dark">
          {t('home')}
        </Link>
      </p>
    </main>
  )
}
