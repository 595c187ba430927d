import type { ReactNode } from 'react'
import type { Locale } from '@/i18n/routing'
import type { WidgetName } from '@/lib/config'
import type { ArticleMeta, SidebarPosition } from '@/lib/content/types'
import { Sidebar } from '../sidebar/sidebar'
import { Breadcrumb, type Crumb } from './breadcrumb'

/** The content column plus the sidebar (right, left or none); on phones the sidebar goes below. */
export function PageShell({
  locale,
  sidebar = 'right',
  widgets,
  article,
  breadcrumb,
  shown,
  children,
}: {
  locale: Locale
  sidebar?: SidebarPosition
  widgets?: WidgetName[] | null
  article?: ArticleMeta
  breadcrumb?: Crumb[]
  /** Keys of the articles the main column shows: the sidebar does not repeat them. */
  shown?: ReadonlySet<string>
  children: ReactNode
}) {
  return (
    <div className={`mx-auto flex w-full max-w-6xl flex-1 flex-col gap-8 px-4 py-4 sm:py-6 ${sidebar === 'left' ? 'lg:flex-row-reverse' : 'lg:flex-row'}`}>
      <main id="main" className="min-w-0 flex-1">
        {breadcrumb && <Breadcrumb locale={locale} trail={breadcrumb} />}
        {children}
      </main>
      {sidebar !== false && <Sidebar locale={locale} widgets={widgets} article={article} shown={shown} />}
    </div>
  )
}
