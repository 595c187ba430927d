/**
 * The editions, defined once. A plain module, so that next.config.mjs (URL rewrites) can read it
 * as well as i18n/routing.ts, which derives everything else in TypeScript from it (links, the
 * proxy's canonical URLs, content folders, the importer's folders).
 *
 * - `locale`: the `[locale]` route segment and the interface language (messages/<locale>.json).
 * - `prefix`: the URL prefix of the edition; the default edition has none.
 * - `folders`: the content folders that feed it (`content/<folder>/news/…`, matched in any case).
 */
export const EDITIONS = [
  { locale: 'zh-CN', prefix: '', folders: ['zh-CN'] },
  { locale: 'en', prefix: '/en', folders: ['en', 'en-US'] },
  { locale: 'zh-TW', prefix: '/zh-tw', folders: ['zh-TW'] },
  { locale: 'zh-HK', prefix: '/zh-hk', folders: ['zh-HK'] },
]

export const DEFAULT_LOCALE = 'zh-CN'

/**
 * URL → `[locale]` segment, for next.config.mjs: each prefix that differs from its segment is
 * rewritten to it, and every path outside the other editions belongs to the default edition.
 * Plain rewrites rather than next-intl's middleware: Next 16 turns middleware rewrites into
 * redirect loops under `next start` (vercel/next.js#94342).
 */
export function editionRewrites() {
  const prefixed = EDITIONS.filter((e) => e.prefix && e.prefix !== `/${e.locale}`).map((e) => ({
    source: `${e.prefix}/:path*`,
    destination: `/${e.locale}/:path*`,
  }))
  const segments = EDITIONS.map((e) => `${e.locale}(?:/|$)`).join('|')
  return [...prefixed, { source: '/', destination: `/${DEFAULT_LOCALE}` }, { source: `/:path((?!${segments}).*)`, destination: `/${DEFAULT_LOCALE}/:path` }]
}
