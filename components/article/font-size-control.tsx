'use client'

import { useSyncExternalStore } from 'react'
import { FONT_SIZES, FONT_SIZE_KEY, type FontSize } from '@/components/layout/head-script'

const listeners = new Set<() => void>()
function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
function current(): FontSize {
  const value = document.documentElement.dataset.fontSize
  return FONT_SIZES.find((size) => size === value) ?? 'medium'
}

/**
 * 小/中/大 for the article text. The head script applies the saved size before first paint (no
 * layout shift); this only changes it. The pressed look comes from CSS on `<html data-font-size>`,
 * so it is right before hydration too.
 */
export function FontSizeControl({ labels }: { labels: { group: string } & Record<FontSize, string> }) {
  const size = useSyncExternalStore(subscribe, current, () => null)
  return (
    <div role="group" aria-label={labels.group} className="reader-size flex items-center gap-1 text-sm" data-font-size-control="">
      <span aria-hidden="true" className="mr-1 text-neutral-600 dark:text-neutral-400">
        {labels.group}
      </span>
      {FONT_SIZES.map((option) => (
        <button
          key={option}
          type="button"
          data-size={option}
          aria-pressed={size === null ? undefined : size === option}
          className="min-w-8 rounded border border-neutral-300 px-2 py-0.5 dark:border-neutral-600"
          onClick={() => {
            document.documentElement.dataset.fontSize = option
            try {
              localStorage.setItem(FONT_SIZE_KEY, option)
            } catch {
              // storage can be disabled; the size still applies to this page
            }
            listeners.forEach((listener) => listener())
          }}
        >
          {labels[option]}
        </button>
      ))}
    </div>
  )
}
