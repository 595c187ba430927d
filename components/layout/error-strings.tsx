'use client'

import { createContext, useContext, type ReactNode } from 'react'

export interface ErrorStrings {
  title: string
  message: string
  retry: string
  home: string
  homeHref: string
}

const ErrorStringsContext = createContext<(ErrorStrings & { header: ReactNode }) | null>(null)

/**
 * Hands the edition's already-translated error texts to its error boundary (`app/[locale]/error.tsx`
 * must be a client component): four short strings per page, no message catalogue in the browser.
 */
export function ErrorStringsProvider({ strings, header, children }: { strings: ErrorStrings; header: ReactNode; children: ReactNode }) {
  return <ErrorStringsContext value={{ ...strings, header }}>{children}</ErrorStringsContext>
}

/** The edition's texts and its site header (pages render their own header; a failed page has none). */
export function useErrorStrings(): ErrorStrings & { header: ReactNode } {
  const strings = useContext(ErrorStringsContext)
  if (!strings) throw new Error('useErrorStrings outside ErrorStringsProvider')
  return strings
}
