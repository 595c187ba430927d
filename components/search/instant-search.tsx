'use client'

import { useCallback, useEffect, useId, useRef, useState, type CompositionEvent, type KeyboardEvent, type ReactNode } from 'react'
import type { Locale } from '@/i18n/routing'
import { formatNewsDate } from '@/lib/date-format'
import type { Range, SearchEngine, SearchPage } from '@/lib/search/engine'
import { UnpublishedBadge } from '../ui/badge'
import { useHydrated } from '../ui/use-hydrated'

export interface InstantSearchLabels {
  label: string
  placeholder: string
  button: string
  /** Shown on the search page until there are results. */
  prompt: string
  results: string
  loading: string
  error: string
  noResults: string
  otherEditions: string
  /** Already translated; `{count}`, `{page}`, `{pages}` are replaced here. */
  countOne: string
  countOther: string
  duplicates: string
  viewAll: string
  previous: string
  next: string
  pageOf: string
  /** Badges for the drafts and scheduled articles a preview build's index holds. */
  draft: string
  scheduled: string
  /** The edition's date template (`{dateTime} 北京时间`), for lib/date-format.ts. */
  zonedDate: string
}

interface Props {
  locale: Locale
  action: string
  labels: InstantSearchLabels
  /** `page`: the whole result list of /search, paged, kept in the URL; `widget`: a dropdown. */
  variant: 'page' | 'widget'
  /** Results per page of the `page` variant. */
  pageSize: number
  initialQuery?: string
}

const DEBOUNCE_MS = 150
/** Results in the dropdown: it ends with a link to all of them. */
const WIDGET_SIZE = 8
/** A stalled index request fails (and says so) instead of leaving the search spinning. */
const FETCH_TIMEOUT_MS = 15_000
const EMPTY: SearchPage = { total: 0, preferred: 0, results: [] }

/** The only client module that loads the search engine, on the first focus or keystroke. */
let enginePromise: Promise<SearchEngine> | null = null
function getEngine(): Promise<SearchEngine> {
  enginePromise ??= import('@/lib/search/engine').then(
    ({ SearchEngine }) =>
      new SearchEngine(async (file) => {
        const response = await fetch(`/search/${file}`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
        return response.text()
      }),
  )
  return enginePromise
}

function Highlight({ text, ranges }: { text: string; ranges: Range[] }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of ranges) {
    parts.push(
      text.slice(at, start),
      <mark key={start} className="rounded-sm bg-yellow-200 px-0.5 text-neutral-900">
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}

const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''))

type Status = 'idle' | 'loading' | 'done' | 'error'

function pageFromUrl(): number {
  const page = Number(new URLSearchParams(window.location.search).get('page'))
  return Number.isInteger(page) && page > 1 ? page : 1
}

export function InstantSearch({ locale, action, labels, variant, pageSize, initialQuery = '' }: Props) {
  const id = useId()
  const inputId = `${id}-q`
  const listId = `${id}-list`
  const otherId = `${id}-other`
  const optionId = (index: number) => `${id}-option-${index}`
  const hydrated = useHydrated()
  const [query, setQuery] = useState(initialQuery)
  const [found, setFound] = useState<SearchPage>(EMPTY)
  const [page, setPage] = useState(1)
  const [status, setStatus] = useState<Status>('idle')
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const composing = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const request = useRef(0)
  const lastQuery = useRef(initialQuery)
  const size = variant === 'page' ? pageSize : WIDGET_SIZE

  const run = useCallback(
    async (text: string, pageNumber = 1) => {
      const current = ++request.current
      lastQuery.current = text
      if (variant === 'page') {
        const url = new URL(window.location.href)
        if (text.trim()) url.searchParams.set('q', text)
        else url.searchParams.delete('q')
        if (pageNumber > 1) url.searchParams.set('page', String(pageNumber))
        else url.searchParams.delete('page')
        window.history.replaceState(window.history.state, '', url)
      }
      if (!text.trim()) {
        setFound(EMPTY)
        setStatus('idle')
        setActive(-1)
        return
      }
      setStatus('loading')
      try {
        const engine = await getEngine()
        const result = await engine.search(text, { prefer: locale, offset: (pageNumber - 1) * size, limit: size })
        if (current !== request.current) return
        setFound(result)
        setPage(pageNumber)
        setStatus('done')
        setActive(-1)
        setOpen(true)
      } catch (error) {
        // Readers see the alert below; the console names the index file for whoever fixes it.
        console.error(error)
        // A failed load is not cached: the next keystroke tries again.
        enginePromise = null
        if (current !== request.current) return
        setFound(EMPTY)
        setStatus('error')
        setOpen(true)
      }
    },
    [locale, variant, size],
  )

  const schedule = useCallback(
    (text: string) => {
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void run(text), DEBOUNCE_MS)
    },
    [run],
  )

  useEffect(() => {
    // /search?q= shared or reloaded: search at once (the page itself stays static and cheap).
    if (variant !== 'page') return
    const fromUrl = new URLSearchParams(window.location.search).get('q')?.slice(0, 200) ?? ''
    if (!fromUrl.trim()) return
    const pending = setTimeout(() => {
      setQuery(fromUrl)
      void run(fromUrl, pageFromUrl())
    }, 0)
    return () => clearTimeout(pending)
  }, [variant, run])

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const onInput = (text: string, isComposing: boolean) => {
    setQuery(text)
    void getEngine()
    // Half-composed pinyin is not a query: wait for compositionend.
    if (composing.current || isComposing) return
    schedule(text)
  }

  const onCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    composing.current = false
    const text = event.currentTarget.value
    setQuery(text)
    schedule(text)
  }

  const { results, total } = found
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (composing.current || event.nativeEvent.isComposing) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (results.length === 0) return
      event.preventDefault()
      setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      // -1 (the input itself) and the options form one cycle.
      setActive((index) => ((index + 1 + step + results.length + 1) % (results.length + 1)) - 1)
    } else if (event.key === 'Enter') {
      const result = open ? results[active] : undefined
      if (result) {
        event.preventDefault()
        window.location.assign(result.url)
      }
    } else if (event.key === 'Escape') {
      if (open) event.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }

  const goTo = (pageNumber: number) => {
    void run(lastQuery.current, pageNumber)
    document.getElementById(inputId)?.scrollIntoView({ block: 'nearest' })
  }

  const announcement =
    status === 'loading' ? labels.loading : status === 'done' ? (total === 0 ? labels.noResults : fill(total === 1 ? labels.countOne : labels.countOther, { count: total })) : ''
  const expanded = open && (status === 'done' || status === 'error') && query.trim() !== ''
  const shown = expanded && results.length > 0
  const activeResult = shown && active >= 0 ? results[active] : undefined
  const pages = Math.ceil(total / size)
  const compact = variant === 'widget'
  const firstOther = results.findIndex((result) => result.otherEdition)

  const option = (index: number) => {
    const result = results[index]
    if (!result) return null
    return (
      <a
        key={result.url}
        id={optionId(index)}
        role="option"
        aria-selected={index === active}
        tabIndex={-1}
        href={result.url}
        data-search-result=""
        data-other-edition={result.otherEdition ? '' : undefined}
        onMouseEnter={() => setActive(index)}
        className={`block no-underline ${compact ? 'px-3 py-1.5' : 'px-3 py-2'} ${index === active ? 'bg-neutral-200 dark:bg-neutral-700' : ''}`}
      >
        <span className={`block font-semibold ${compact ? 'truncate' : 'text-lg'}`}>
          {result.status && <UnpublishedBadge state={result.status} label={labels[result.status === 'draft' ? 'draft' : 'scheduled']} />}
          <Highlight text={result.title} ranges={result.titleMatches} />
        </span>
        <span className={`block text-sm text-neutral-700 dark:text-neutral-300 ${compact ? 'truncate' : ''}`}>
          <Highlight text={result.snippet} ranges={result.matches} />
        </span>
        <span className="block text-xs text-neutral-700 dark:text-neutral-300">
          {result.source} · <time dateTime={result.date}>{formatNewsDate(result.date, locale, labels.zonedDate)}</time>
          {result.duplicates > 0 && <span data-duplicates=""> · {fill(labels.duplicates, { count: result.duplicates })}</span>}
        </span>
      </a>
    )
  }
  const indexes = results.map((_, index) => index)
  const own = firstOther < 0 ? indexes : indexes.slice(0, firstOther)
  const others = firstOther < 0 ? [] : indexes.slice(firstOther)

  return (
    <div className={compact ? 'relative' : undefined}>
      <form role="search" action={action} method="get" className="flex gap-2">
        <label className="sr-only" htmlFor={inputId}>
          {labels.label}
        </label>
        <input
          data-hydrated={hydrated || undefined}
          id={inputId}
          type="search"
          name="q"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={activeResult ? optionId(active) : undefined}
          autoComplete="off"
          value={query}
          placeholder={labels.placeholder}
          onFocus={() => {
            void getEngine()
            if (query.trim() && lastQuery.current === query) setOpen(true)
          }}
          onBlur={() => {
            if (compact) setOpen(false)
          }}
          onChange={(event) => onInput(event.currentTarget.value, (event.nativeEvent as InputEvent).isComposing === true)}
          onCompositionStart={() => {
            composing.current = true
          }}
          onCompositionEnd={onCompositionEnd}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 rounded border border-neutral-400 bg-white px-3 py-2 text-neutral-900 dark:border-neutral-600 dark:bg-neutral-800 dark:text-neutral-100"
        />
        <button type="submit" className="rounded bg-accent px-3 py-2 font-semibold text-white hover:bg-neutral-800 dark:hover:bg-neutral-600">
          {labels.button}
        </button>
      </form>
      {variant === 'page' && status === 'idle' && !query.trim() && <p className="mt-6 text-neutral-700 dark:text-neutral-300">{labels.prompt}</p>}
      <p aria-live="polite" className={variant === 'page' && status === 'done' ? 'mt-4 text-sm text-neutral-700 dark:text-neutral-300' : 'sr-only'}>
        {expanded || variant === 'page' ? announcement : ''}
      </p>
      {status === 'error' && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {labels.error}
        </p>
      )}
      <div
        hidden={!shown}
        // Keep focus in the input while a result is clicked.
        onMouseDown={(event) => event.preventDefault()}
        className={
          compact
            ? 'absolute inset-x-0 z-20 mt-1 max-h-[70vh] overflow-y-auto rounded border border-neutral-300 bg-white shadow-lg dark:border-neutral-600 dark:bg-neutral-900'
            : 'mt-4'
        }
      >
        <div id={listId} role="listbox" aria-label={labels.results} className="divide-y divide-neutral-200 dark:divide-neutral-700">
          {shown && own.map(option)}
          {shown && others.length > 0 && (
            <div role="group" aria-labelledby={otherId} data-other-editions="">
              <div
                id={otherId}
                role="presentation"
                className="bg-neutral-100 px-3 py-1 text-xs font-semibold tracking-wide text-neutral-700 uppercase dark:bg-neutral-800 dark:text-neutral-300"
              >
                {labels.otherEditions}
              </div>
              {others.map(option)}
            </div>
          )}
        </div>
        {shown && compact && (
          <a
            href={`${action}?q=${encodeURIComponent(query)}`}
            data-view-all=""
            className="block border-t border-neutral-200 px-3 py-2 text-sm font-semibold dark:border-neutral-700"
          >
            {fill(labels.viewAll, { count: total })}
          </a>
        )}
        {shown && !compact && pages > 1 && (
          <nav aria-label={labels.results} className="mt-6 flex items-center justify-between gap-4 text-sm">
            <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)} className="rounded border border-neutral-400 px-3 py-1 disabled:opacity-40">
              {labels.previous}
            </button>
            <span data-page-of="">{fill(labels.pageOf, { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => goTo(page + 1)} className="rounded border border-neutral-400 px-3 py-1 disabled:opacity-40">
              {labels.next}
            </button>
          </nav>
        )}
      </div>
    </div>
  )
}
