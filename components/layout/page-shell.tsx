import type { ReactNode } from 'react'
import type { Locale } from '@/i18n/routing'
import type { WidgetName } from '@/lib/config'
import type { ArticleMeta, SidebarPosition } from '@/lib/content/types'
import { Sidebar } from '../sidebar/sidebar'

/** Content column plus the sidebar (right, left or none); on phones the sidebar goes below. */
export function PageShell({
  locale,
  sidebar = 'right',
  widgets,
  article,
  children,
}: {
  locale: Locale
  sidebar?: SidebarPosition
  widgets?: WidgetName[] | null
  article?: ArticleMeta
  children: ReactNode
}) {
  return (
    <div className={`mx-auto flex max-w-6xl flex-col gap-8 px-4 py-6 ${sidebar === 'left' ? 'lg:flex-row-reverse' : 'lg:flex-row'}`}>
      <main id="main" className="min-w-0 flex-1">
        {children}
      </main>
      {sidebar !== false && <Sidebar locale={locale} widgets={widgets} article={article} />}
    </div>
  )
}
