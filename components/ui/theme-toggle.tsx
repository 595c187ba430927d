'use client'

import { useHydrated } from './use-hydrated'

/** Flips the `dark` class set before first paint by the inline script in the layout. */
export function ThemeToggle({ label }: { label: string }) {
  const hydrated = useHydrated()
  return (
    <button
      type="button"
      data-hydrated={hydrated || undefined}
      aria-label={label}
      title={label}
      className="rounded p-2 text-lg leading-none hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
      onClick={() => {
        const dark = document.documentElement.classList.toggle('dark')
        try {
          localStorage.setItem('theme', dark ? 'dark' : 'light')
        } catch {
          // storage can be disabled; the toggle still works for this page
        }
      }}
    >
      <span aria-hidden="true" className="dark:hidden">
        ☾
      </span>
      <span aria-hidden="true" className="hidden dark:inline">
        ☀
      </span>
    </button>
  )
}
