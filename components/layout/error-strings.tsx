'use client'

import { createContext, useContext, type ReactNode } from 'react'

export interface ErrorStrings {
  title: string
  message: string
  retry: string
  home: string
  homeHref: string
}

const ErrorStringsContext = createContext<ErrorStrings | null>(null)

/**
 * Hands the edition's already-translated error texts to its error boundary (`app/[locale]/error.tsx`
 * must be a client component): four short strings per page, no message catalogue in the browser.
 */
export function ErrorStringsProvider({ strings, children }: { strings: ErrorStrings; children: ReactNode }) {
  return <ErrorStringsContext value={strings}>{children}</ErrorStringsContext>
}

/** The edition's error texts. */
export function useErrorStrings(): ErrorStrings {
  const strings = useContext(ErrorStringsContext)
  if (!strings) throw new Error('useErrorStrings outside ErrorStringsProvider')
  return strings
}
