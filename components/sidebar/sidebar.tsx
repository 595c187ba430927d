import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { siteConfig, type WidgetName } from '@/lib/config'
import type { ArticleMeta } from '@/lib/content'
import { CategoriesWidget, TaglistWidget } from './widgets/terms'
import { LanguagesWidget } from './widgets/languages'
import { RecentWidget } from './widgets/recent'
import { SearchWidget } from './widgets/search'
import { SocialWidget } from './widgets/social'

export interface WidgetProps {
  locale: Locale
  article?: ArticleMeta
  /** Keys of the articles the main column shows. */
  shown?: ReadonlySet<string>
}

const widgets: Record<WidgetName, (props: WidgetProps) => Promise<React.ReactNode>> = {
  search: SearchWidget,
  recent: RecentWidget,
  categories: CategoriesWidget,
  taglist: TaglistWidget,
  social: SocialWidget,
  languages: LanguagesWidget,
}

/**
 * The widgets a page asks for, in its order; the site default when it names none. From `lg` up
 * the widgets stay in view on long pages (sticky, scrolling on their own when taller than the
 * screen); a leading search widget stays put, so its results list is never clipped.
 */
export async function Sidebar({ locale, widgets: names, article, shown }: { locale: Locale; widgets?: WidgetName[] | null; article?: ArticleMeta; shown?: ReadonlySet<string> }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  const list = names ?? siteConfig.defaultWidgets
  const render = (name: WidgetName) => {
    const Widget = widgets[name]
    return <Widget key={name} locale={locale} article={article} shown={shown} />
  }
  const [first, ...rest] = list
  const leading = first === 'search' ? [first] : []
  const sticky = first === 'search' ? rest : list
  return (
    <aside aria-label={t('sidebar')} className="w-full space-y-8 lg:w-72 lg:shrink-0">
      {leading.map(render)}
      {sticky.length > 0 && (
        <div data-sticky-widgets="" className="space-y-8 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:overscroll-contain">
          {sticky.map(render)}
        </div>
      )}
    </aside>
  )
}
