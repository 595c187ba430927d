import { defineRouting } from 'next-intl/routing'

/** The editions. Each is a content language with its own interface language. */
export const locales = ['zh-CN', 'en', 'zh-TW', 'zh-HK'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'zh-CN'

/** URL prefix of each edition; the default edition has none. */
const prefixes: Record<Locale, string> = { 'zh-CN': '', en: '/en', 'zh-TW': '/zh-tw', 'zh-HK': '/zh-hk' }

/** Content folders that feed each edition (`content/<folder>/news/...`). */
const folderToLocale: Record<string, Locale> = {
  'zh-cn': 'zh-CN',
  en: 'en',
  'en-us': 'en',
  'zh-tw': 'zh-TW',
  'zh-hk': 'zh-HK',
}

export function localeForContentFolder(folder: string): Locale | undefined {
  return folderToLocale[folder.toLowerCase()]
}

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value)
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

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: { mode: 'as-needed', prefixes: { en: prefixes.en, 'zh-TW': prefixes['zh-TW'], 'zh-HK': prefixes['zh-HK'] } },
  // The URL alone decides the edition: pages stay static and cacheable.
  localeDetection: false,
  localeCookie: false,
  alternateLinks: false,
})
