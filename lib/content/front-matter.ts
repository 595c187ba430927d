/**
 * Turns one parsed Markdown file (front matter + body) into an `ArticleMeta`: applies the
 * defaults of the front-matter reference, repairs what is safe to repair (with a warning) and
 * rejects what is not (with an error naming the field). Pure: no I/O, no clock.
 */
import { widgetNames, type WidgetName } from '../config'
import { isLocale, localeForContentFolder, locales, type Locale } from '@/i18n/routing'
import { parseContentDate, toZonedIso } from './dates'
import { placeArticle } from './placement'
import { timed, type StepTimings } from './timings'
import { deriveSummary, isMostlyHan, markdownToPlainText, readingMinutes, repairRunTogether, slugify, stripControlCharacters } from './text'
import type { ContentProblem, NormalizedArticle, SidebarPosition } from './types'
import { articlePath } from '@/lib/paths'

const PATH = /^([A-Za-z]{2}(?:-[A-Za-z]{2})?)\/news\/([^/]+)\/([^/]+?)\.([A-Za-z]{2}(?:-[A-Za-z]{2})?)\.md$/
/** A BCP 47 language tag, loosely (`zh`, `zh-CN`, `zh-Hant-TW`, `en-US`): it ends up in `lang` attributes. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/

export interface NormalizeInput {
  /** Path relative to the content root, with forward slashes. */
  file: string
  fields: Record<string, unknown>
  body: string
}

export interface NormalizeResult {
  article: NormalizedArticle | null
  /** The body as plain text, for the build steps that read the text (topics). */
  text: string
  /** What the text is written in (or `pinned`), as the edition was chosen. */
  detected?: string
  /** Whether the summary was derived from the body (so it says nothing the body does not). */
  summaryDerived?: boolean
  /** Whether the summary had sentences run together that were separated. */
  summaryRepaired: boolean
  warnings: ContentProblem[]
  errors: ContentProblem[]
}

/** `timings` collects the cost of the language detection (see the content report). */
export function normalizeArticle(input: NormalizeInput, timeZone: string, timings?: StepTimings): NormalizeResult {
  const { file, fields } = input
  const warnings: ContentProblem[] = []
  const errors: ContentProblem[] = []
  const warn = (field: string, message: string) => warnings.push({ file, field, message })
  const fail = (field: string, message: string) => errors.push({ file, field, message })

  const text = (field: string): string | undefined => {
    const value = fields[field]
    if (value === undefined || value === null) return undefined
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    if (typeof value !== 'string') {
      fail(field, `expected a string, got ${describe(value)}`)
      return undefined
    }
    const { text: clean, removed } = stripControlCharacters(value)
    if (removed > 0) warn(field, `removed ${removed} control character(s)`)
    return clean.trim()
  }

  const list = (field: string): string[] => {
    const value = fields[field]
    if (value === undefined || value === null || value === '') return []
    const items = Array.isArray(value) ? value : [value]
    if (!Array.isArray(value)) warn(field, 'a single value where a list belongs: read as a one-item list')
    const out: string[] = []
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') {
        fail(field, `list items must be strings, got ${describe(item)}`)
        continue
      }
      const { text: clean, removed } = stripControlCharacters(String(item))
      if (removed > 0) warn(field, `removed ${removed} control character(s)`)
      if (clean.trim()) out.push(clean.trim())
    }
    return [...new Set(out)]
  }

  const bool = (field: string, fallback: boolean): boolean => {
    const value = fields[field]
    if (value === undefined || value === null || value === '') return fallback
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 'false') {
      warn(field, `the string "${value}" read as a boolean`)
      return value === 'true'
    }
    fail(field, `expected true or false, got ${describe(value)}`)
    return fallback
  }

  const match = PATH.exec(file)
  if (!match) {
    fail('path', 'expected <lang>/news/<source>/<id>.<lang>.md')
    return { article: null, text: '', summaryRepaired: false, warnings, errors }
  }
  const [, folder = '', sourceDir = '', id = '', suffix = ''] = match
  const edition = localeForContentFolder(folder)
  if (!edition) fail('path', `unknown language folder "${folder}"`)
  if (suffix.toLowerCase() !== folder.toLowerCase()) warn('path', `file suffix ".${suffix}" differs from folder "${folder}"`)

  const reported = (field: string) => errors.some((e) => e.field === field)
  const title = text('title')
  if (!title && !reported('title')) fail('title', 'missing or empty')

  const dateText = text('date')
  let time: number | null = null
  if (!dateText) {
    if (!reported('date')) fail('date', 'missing or empty')
  }
  else {
    time = parseContentDate(dateText, timeZone)
    if (time === null) fail('date', `not a date: "${dateText}"`)
  }

  const lastmodText = text('lastmod')
  let lastmod: string | null = null
  if (lastmodText) {
    const parsed = parseContentDate(lastmodText, timeZone)
    if (parsed === null) fail('lastmod', `not a date: "${lastmodText}"`)
    else lastmod = toZonedIso(parsed, timeZone)
  }

  const sidebar = readSidebar(fields.sidebar, warn, fail)
  const widgets = readWidgets(fields.widgets === undefined ? undefined : list('widgets'), warn)
  const thumbnail = readThumbnail(text('thumbnail'), warn)
  const summaryField = text('summary') ?? ''
  const body = stripControlCharacters(input.body)
  if (body.removed > 0) warn('body', `removed ${body.removed} control character(s)`)
  const plain = markdownToPlainText(body.text)
  const declaredLang = readLanguage(list('lang')[0], folder, warn)
  const draft = bool('draft', false)
  const comments = bool('comments', false)
  const authorbox = bool('authorbox', false)
  const pager = bool('pager', true)
  const toc = bool('toc', false)
  const mathjax = bool('mathjax', false)
  const categories = withSlugs('categories', list('categories'), warn)
  const tags = withSlugs('tags', list('tags'), warn)
  const translations = list('translations')
  const menu = text('menu') ?? ''
  const lead = text('lead') ?? ''
  const author = text('author') || null
  const pin = readEditionPin(text('edition'), warn)

  if (errors.length > 0 || !edition || !title || time === null) return { article: null, text: plain, summaryRepaired: false, warnings, errors }

  const slug = id.toLowerCase()
  const source = sourceDir.toLowerCase()
  const sourceUrl = findSourceUrl(body.text)
  const placement = timed(timings, 'editions (language detection)', () => placeArticle({ folder, text: `${title} ${plain}`, source, link: sourceUrl, pin }))
  const placed = placement?.edition ?? edition
  const moved = placed !== edition
  const teaser = summaryField || deriveSummary(plain)
  const summary = repairRunTogether(teaser)
  return {
    text: plain,
    detected: placement?.detected ?? 'unknown',
    summaryDerived: !summaryField,
    summaryRepaired: summary !== teaser,
    article: {
      key: `${placed}/${source}/${slug}`,
      id,
      slug,
      source,
      edition: placed,
      movedFrom: moved ? edition : null,
      path: articlePath(source, slug),
      file,
      lang: moved ? placed : declaredLang.toLowerCase().startsWith('en') && isMostlyHan(`${title} ${plain}`) ? 'zh' : declaredLang,
      title,
      date: toZonedIso(time, timeZone),
      time,
      lastmod,
      draft,
      summary,
      categories,
      tags,
      translations,
      menu,
      thumbnail,
      lead,
      comments,
      authorbox,
      author,
      pager,
      toc,
      mathjax,
      sidebar,
      widgets,
      readingMinutes: readingMinutes(plain),
      sourceUrl,
    },
    warnings,
    errors,
  }
}

const SOURCE_LINE = /^\[[^\]\n]+\]\((https?:\/\/[^\s)]+)\)\s*$/

/** The original story's URL (normalised, so percent-encoded), when the body ends with a `[source](https://…)` line. */
export function findSourceUrl(body: string): string | null {
  const last = body.trimEnd().split('\n').pop()?.trim() ?? ''
  const found = SOURCE_LINE.exec(last)?.[1]
  if (!found) return null
  try {
    return new URL(found).href
  } catch {
    return null
  }
}

/** Terms whose name has no letter or digit (`?`, `#`, `..`) would get an empty slug: no page, no link. */
function withSlugs(field: string, names: string[], warn: (field: string, message: string) => void): string[] {
  return names.filter((name) => {
    if (slugify(name)) return true
    warn(field, `"${name}" has no letter or digit to make a URL of: ignored`)
    return false
  })
}

/** `edition: zh-HK` (an edition or a content folder, any case) pins the article there, whatever its text. */
function readEditionPin(value: string | undefined, warn: (field: string, message: string) => void): Locale | null {
  if (!value) return null
  const pin = localeForContentFolder(value) ?? locales.find((l) => l.toLowerCase() === value.toLowerCase())
  if (pin && isLocale(pin)) return pin
  warn('edition', `"${value}" is not an edition (${locales.join(', ')}): ignored`)
  return null
}

function readLanguage(value: string | undefined, folder: string, warn: (field: string, message: string) => void): string {
  if (value === undefined) return folder
  if (LANGUAGE_TAG.test(value)) return value
  warn('lang', `"${value}" is not a language tag: the folder's "${folder}" used`)
  return folder
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`
}

function readSidebar(
  value: unknown,
  warn: (field: string, message: string) => void,
  fail: (field: string, message: string) => void,
): SidebarPosition {
  if (value === undefined || value === null || value === '') return 'right'
  if (value === false || value === 'false' || value === 'none') return false
  if (value === 'right' || value === 'left') return value
  if (typeof value === 'string' && ['right', 'left'].includes(value.trim().toLowerCase())) {
    warn('sidebar', `"${value}" read as "${value.trim().toLowerCase()}"`)
    return value.trim().toLowerCase() as 'right' | 'left'
  }
  fail('sidebar', `expected "right", "left" or false, got ${describe(value)}`)
  return 'right'
}

function readWidgets(names: string[] | undefined, warn: (field: string, message: string) => void): WidgetName[] | null {
  if (names === undefined) return null
  const known: WidgetName[] = []
  for (const name of names) {
    const normalized = name.toLowerCase()
    if ((widgetNames as readonly string[]).includes(normalized)) known.push(normalized as WidgetName)
    else warn('widgets', `unknown widget "${name}" ignored (known: ${widgetNames.join(', ')})`)
  }
  return known
}

/** Stands for this site when a `/path` is resolved: whatever is not on it is another host. */
const OWN_ORIGIN = 'http://own.invalid'

function readThumbnail(value: string | undefined, warn: (field: string, message: string) => void): string | null {
  if (!value) return null
  try {
    // Resolved, not just prefix-checked: browsers read `/\host/x.jpg` as `//host/x.jpg`, another host.
    if (value.startsWith('/')) {
      const url = new URL(value, OWN_ORIGIN)
      if (url.origin === OWN_ORIGIN) return `${url.pathname}${url.search}${url.hash}`
    } else {
      const url = new URL(value)
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href
    }
  } catch {
    // falls through to the warning below
  }
  warn('thumbnail', `not an http(s) URL or a /path: "${value}"; no thumbnail shown`)
  return null
}
