import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { siteConfig, type WidgetName } from '@/lib/config'
import type { ArticleMeta } from '@/lib/content'
import { CategoriesWidget, TaglistWidget } from './widgets/terms'
import { LanguagesWidget } from './widgets/languages'
import { RecentWidget } from './widgets/recent'
import { SearchWidget } from './widgets/search'
import { SocialWidget } from './widgets/social'

const widgets: Record<WidgetName, (props: { locale: Locale; article?: ArticleMeta }) => Promise<React.ReactNode>> = {
  search: SearchWidget,
  recent: RecentWidget,
  categories: CategoriesWidget,
  taglist: TaglistWidget,
  social: SocialWidget,
  languages: LanguagesWidget,
}

/** The widgets a page asks for, in its order; the site default when it names none. */
export async function Sidebar({ locale, widgets: names, article }: { locale: Locale; widgets?: WidgetName[] | null; article?: ArticleMeta }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return (
    <aside aria-label={t('sidebar')} className="w-full space-y-8 lg:w-72 lg:shrink-0">
      {(names ?? siteConfig.defaultWidgets).map((name) => {
        const Widget = widgets[name]
        return <Widget key={name} locale={locale} article={article} />
      })}
    </aside>
  )
}
