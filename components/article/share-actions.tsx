'use client'

import { useState, useSyncExternalStore } from 'react'

const noSubscribe = () => () => {}

/**
 * The two share controls that need the browser: the system share sheet (kept invisible, its
 * space reserved, where `navigator.share` is missing: nothing moves when it appears) and copy link.
 */
export function ShareActions({ url, title, labels }: { url: string; title: string; labels: { native: string; copy: string; copied: string; copyFailed: string } }) {
  const canShare = useSyncExternalStore(
    noSubscribe,
    () => typeof navigator.share === 'function',
    () => false,
  )
  const [status, setStatus] = useState('')
  const button =
    'rounded border border-neutral-300 px-3 py-1 hover:border-accent hover:text-accent dark:border-neutral-600 dark:hover:border-accent-dark dark:hover:text-accent-dark'
  return (
    <>
      <button
        type="button"
        className={button}
        data-share="copy"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url)
            setStatus(labels.copied)
          } catch {
            setStatus(labels.copyFailed)
          }
        }}
      >
        {labels.copy}
      </button>
      <button
        type="button"
        className={`${button} ${canShare ? '' : 'invisible'}`}
        data-share="native"
        aria-hidden={canShare ? undefined : true}
        tabIndex={canShare ? undefined : -1}
        onClick={() => {
          // A dismissed sheet rejects: nothing to report.
          navigator.share({ url, title }).catch(() => {})
        }}
      >
        {labels.native}
      </button>
      <span role="status" className="text-sm text-green-800 dark:text-green-300" data-share-status="">
        {status}
      </span>
    </>
  )
}
