'use client'

import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False in the server render and while React hydrates, true from the first client render after
 * it. Interactive elements carry it as `data-hydrated`: their event handlers are attached once it
 * is there (the end-to-end tests wait for it before they click or type).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
