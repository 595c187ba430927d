'use client'

import { useCallback, useEffect, useId, useRef, useState, type CompositionEvent, type KeyboardEvent } from 'react'
import type { Locale } from '@/i18n/routing'
import type { SearchEngine, SearchResult } from '@/lib/search/engine'
import { UnpublishedBadge } from '../ui/badge'

export interface InstantSearchLabels {
  label: string
  placeholder: string
  button: string
  allEditions: string
  results: string
  loading: string
  error: string
  noResults: string
  /** Already translated; `{count}` is replaced here. */
  countOne: string
  countOther: string
  /** Badges for the drafts and scheduled articles a preview build's index holds. */
  draft: string
  scheduled: string
}

interface Props {
  locale: Locale
  action: string
  labels: InstantSearchLabels
  /** `page`: the full result list of /search, kept in the URL; `widget`: a dropdown. */
  variant: 'page' | 'widget'
  initialQuery?: string
}

const DEBOUNCE_MS = 150
const LIMITS = { page: 50, widget: 8 } as const
/** A stalled index request fails (and says so) instead of leaving the search spinning. */
const FETCH_TIMEOUT_MS = 15_000

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

function Highlight({ text, match }: { text: string; match: [number, number] | null }) {
  if (!match) return <>{text}</>
  const [start, end] = match
  return (
    <>
      {text.slice(0, start)}
      <mark className="rounded-sm bg-yellow-200 px-0.5 text-neutral-900">{text.slice(start, end)}</mark>
      {text.slice(end)}
    </>
  )
}

/** Where the query's first match sits in the title: the engine gives one only for the snippet. */
function titleMatch(title: string, snippet: string, match: [number, number] | null): [number, number] | null {
  if (!match) return null
  const word = snippet.slice(match[0], match[1]).toLowerCase()
  const at = word ? title.toLowerCase().indexOf(word) : -1
  return at < 0 ? null : [at, at + word.length]
}

type Status = 'idle' | 'loading' | 'done' | 'error'

export function InstantSearch({ locale, action, labels, variant, initialQuery = '' }: Props) {
  const id = useId()
  const inputId = `${id}-q`
  const listId = `${id}-list`
  const optionId = (index: number) => `${id}-option-${index}`
  const [query, setQuery] = useState(initialQuery)
  const [allEditions, setAllEditions] = useState(false)
  const [results, setResults] = useState<SearchResult[]>([])
  const [status, setStatus] = useState<Status>('idle')
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const composing = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const request = useRef(0)
  const lastQuery = useRef(initialQuery)

  const run = useCallback(
    async (text: string, everyEdition: boolean) => {
      const current = ++request.current
      lastQuery.current = text
      if (variant === 'page') {
        const url = new URL(window.location.href)
        if (text.trim()) url.searchParams.set('q', text)
        else url.searchParams.delete('q')
        window.history.replaceState(window.history.state, '', url)
      }
      if (!text.trim()) {
        setResults([])
        setStatus('idle')
        setActive(-1)
        return
      }
      setStatus('loading')
      try {
        const engine = await getEngine()
        const found = await engine.search(text, { edition: everyEdition ? 'all' : locale, limit: LIMITS[variant] })
        if (current !== request.current) return
        setResults(found)
        setStatus('done')
        setActive(-1)
        setOpen(true)
      } catch (error) {
        // Readers see the alert below; the console names the index file for whoever fixes it.
        console.error(error)
        // A failed load is not cached: the next keystroke tries again.
        enginePromise = null
        if (current !== request.current) return
        setResults([])
        setStatus('error')
        setOpen(true)
      }
    },
    [locale, variant],
  )

  const schedule = useCallback(
    (text: string, everyEdition: boolean) => {
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void run(text, everyEdition), DEBOUNCE_MS)
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
      void run(fromUrl, false)
    }, 0)
    return () => clearTimeout(pending)
  }, [variant, run])

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const onInput = (text: string, isComposing: boolean) => {
    setQuery(text)
    void getEngine()
    // Half-composed pinyin is not a query: wait for compositionend.
    if (composing.current || isComposing) return
    schedule(text, allEditions)
  }

  const onCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    composing.current = false
    const text = event.currentTarget.value
    setQuery(text)
    schedule(text, allEditions)
  }

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

  const toggleEditions = (checked: boolean) => {
    setAllEditions(checked)
    if (query.trim() && !composing.current) schedule(query, checked)
  }

  const count = results.length
  const announcement =
    status === 'loading'
      ? labels.loading
      : status === 'error'
        ? ''
        : status === 'done'
          ? count === 0
            ? labels.noResults
            : (count === 1 ? labels.countOne : labels.countOther).replace('{count}', String(count))
          : ''
  const expanded = open && (status === 'done' || status === 'error') && query.trim() !== ''
  const shown = expanded && count > 0
  const activeResult = shown && active >= 0 ? results[active] : undefined

  return (
    <div className={variant === 'widget' ? 'relative' : undefined}>
      <form role="search" action={action} method="get" className="flex gap-2">
        <label className="sr-only" htmlFor={inputId}>
          {labels.label}
        </label>
        <input
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
            if (variant === 'widget') setOpen(false)
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
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={allEditions} onChange={(event) => toggleEditions(event.currentTarget.checked)} />
        {labels.allEditions}
      </label>
      <p aria-live="polite" className={variant === 'page' && status === 'done' ? 'mt-4 text-sm text-neutral-700 dark:text-neutral-300' : 'sr-only'}>
        {expanded || variant === 'page' ? announcement : ''}
      </p>
      {status === 'error' && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {labels.error}
        </p>
      )}
      <div
        id={listId}
        role="listbox"
        aria-label={labels.results}
        hidden={!shown}
        // Keep focus in the input while a result is clicked.
        onMouseDown={(event) => event.preventDefault()}
        className={
          variant === 'widget'
            ? 'absolute inset-x-0 z-20 mt-1 max-h-[70vh] overflow-y-auto rounded border border-neutral-300 bg-white shadow-lg dark:border-neutral-600 dark:bg-neutral-900'
            : 'mt-4 divide-y divide-neutral-200 dark:divide-neutral-700'
        }
      >
        {shown &&
          results.map((result, index) => (
            <a
              key={result.url}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              href={result.url}
              data-search-result=""
              onMouseEnter={() => setActive(index)}
              className={`block px-3 py-2 no-underline ${index === active ? 'bg-neutral-200 dark:bg-neutral-700' : ''}`}
            >
              <span className={`block font-semibold ${variant === 'page' ? 'text-lg' : ''}`}>
                {result.status && <UnpublishedBadge state={result.status} label={labels[result.status === 'draft' ? 'draft' : 'scheduled']} />}
                <Highlight text={result.title} match={titleMatch(result.title, result.snippet, result.match)} />
              </span>
              <span className="block text-sm text-neutral-700 dark:text-neutral-300">
                <Highlight text={result.snippet} match={result.match} />
              </span>
              <span className="block text-xs text-neutral-700 dark:text-neutral-300">
                <time dateTime={result.date}>{result.date.slice(0, 10)}</time> · {result.source}
              </span>
            </a>
          ))}
      </div>
    </div>
  )
}
