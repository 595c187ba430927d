import type { ReactNode } from 'react'

export function Widget({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} data-widget={id.replace(/^widget-/, '')}>
      <h2 id={id} className="widget-title">
        {title}
      </h2>
      {children}
    </section>
  )
}
