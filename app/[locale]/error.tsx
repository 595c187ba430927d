'use client'

import { useErrorStrings } from '@/components/layout/error-strings'

/** A page that failed to render: the edition's header, footer and language stay (the layout's); the reader can retry or go home. */
export default function EditionError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorStrings()
  return (
    <main id="main" className="mx-auto w-full max-w-6xl px-4 py-16" data-error-page>
      <h1 className="text-3xl font-bold">{t.title}</h1>
      <p className="mt-4">{t.message}</p>
      <p className="mt-6 flex gap-6">
        <button type="button" onClick={reset} className="font-semibold text-accent underline dark:text-accent-dark">
          {t.retry}
        </button>
        <a href={t.homeHref} className="font-semibold text-accent underline dark:text-accent-dark">
          {t.home}
        </a>
      </p>
    </main>
  )
}
