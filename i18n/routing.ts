import { defineRouting } from 'next-intl/routing'
import { DEFAULT_LOCALE, EDITIONS, type ContentFolder, type Locale } from './editions.mjs'

export type { ContentFolder, Locale }

/** The editions (i18n/editions.mjs). Each is a content language with its own interface language. */
export const locales: readonly Locale[] = EDITIONS.map((e) => e.locale)
export const defaultLocale: Locale = DEFAULT_LOCALE

/** URL prefix of each edition; the default edition has none. */
const prefixes = Object.fromEntries(EDITIONS.map((e) => [e.locale, e.prefix])) as Record<Locale, string>

/** Content folders that feed each edition (`content/<folder>/news/...`), lower-cased. */
const folderToLocale = new Map(EDITIONS.flatMap((e) => e.folders.map((folder) => [folder.toLowerCase(), e.locale] as const)))

/** Every content folder an article can be written to. */
export const CONTENT_FOLDERS: readonly ContentFolder[] = EDITIONS.flatMap((e) => e.folders)

export function localeForContentFolder(folder: string): Locale | undefined {
  return folderToLocale.get(folder.toLowerCase())
}

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value)
}

/**
 * The canonical first path segment for an edition segment typed in any case (`ZH-TW` → `zh-tw`,
 * `zh-cn` → '': the default edition shows none), or undefined when the segment names no edition.
 */
export function canonicalEditionSegment(segment: string): string | undefined {
  const edition = EDITIONS.find((e) => e.locale.toLowerCase() === segment.toLowerCase())
  return edition && edition.prefix.slice(1)
}

/** Path prefix for links into an edition: '' for zh-CN, '/en' for en. */
export function localePrefix(locale: Locale): string {
  return prefixes[locale]
}

/** Absolute-path URL of a page in an edition: `/en/news/qq/x`; `/news/qq/x` for zh-CN. */
export function editionHref(locale: Locale, path: string): string {
  const prefix = prefixes[locale]
  return path === '/' ? prefix || '/' : `${prefix}${path}`
}

/** Page `n` of a list: the list itself for 1, `<list>/page/<n>` after. */
export function listPagePath(basePath: string, n: number): string {
  return n <= 1 ? basePath : `${basePath === '/' ? '' : basePath}/page/${n}`
}

/**
 * What next-intl needs (i18n/request.ts, the AppConfig type in global.d.ts): the locales. Its
 * middleware and navigation helpers are not used: next.config.mjs rewrites URLs to editions, and
 * editionHref (components/ui/edition-link.tsx) builds every link into one.
 */
export const routing = defineRouting({ locales, defaultLocale })
