/**
 * The one place that reads `process.env`. Every variable is parsed and validated here, so a
 * wrong value fails fast with a message that names the variable.
 */

function read(name: string): string | undefined {
  const value = process.env[name]
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function positiveInt(name: string, fallback: number): number {
  const raw = read(name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a whole number ≥ 0, got "${raw}"`)
  }
  return value
}

function flag(name: string): boolean {
  const raw = read(name)?.toLowerCase()
  return raw === '1' || raw === 'true' || raw === 'yes'
}

function timeZone(name: string, fallback: string): string {
  const value = read(name) ?? fallback
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
  } catch {
    throw new Error(`Environment variable ${name} is not a valid IANA time zone: "${value}"`)
  }
  return value
}

function siteUrl(): string {
  const explicit = read('SITE_URL')
  const vercel = read('VERCEL_URL')
  if (!explicit && !vercel && process.env.NEXT_PHASE === 'phase-production-build') {
    // Canonical, feed, sitemap and structured-data URLs would all name localhost.
    throw new Error('Environment variable SITE_URL is not set: a production build needs the public origin of the site, e.g. SITE_URL=https://news.example.com npm run build')
  }
  const value = explicit ?? (vercel ? `https://${vercel}` : 'http://localhost:3000')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`Environment variable SITE_URL must be an absolute URL, got "${value}"`)
  }
  return url.origin
}

function stringList(name: string): string[] | null {
  const raw = read(name)
  if (raw === undefined) return null
  const value: unknown = JSON.parse(raw)
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`Environment variable ${name} must be a JSON list of strings, got "${raw}"`)
  }
  return value
}

export const env = {
  /** Content root, relative to the project or absolute. */
  contentDir: read('CONTENT_DIR') ?? 'content',
  /** Set by scripts/content-build.ts for each Contentlayer shard: the folders it reads. */
  contentShardDirs: stringList('CONTENT_SHARD_DIRS'),
  /** Set by scripts/content-build.ts: the project folder (shards run in folders of their own). */
  contentProjectDir: read('CONTENT_PROJECT_DIR') ?? process.cwd(),
  /** Problems in content files fail the content build instead of skipping the file. */
  contentStrict: flag('CONTENT_STRICT'),
  /** Let a content build replace the catalog with one that publishes under half as many articles. */
  contentAllowShrink: flag('CONTENT_ALLOW_SHRINK'),
  /** Files each Contentlayer shard must get before the content build runs a second one beside the first (scripts/content-build.ts). */
  contentShardMinFiles: positiveInt('CONTENT_SHARD_MIN_FILES', 500),
  siteUrl: siteUrl(),
  timeZone: timeZone('SITE_TIME_ZONE', 'Asia/Shanghai'),
  /**
   * Unpublished content (drafts, scheduled articles) is visible: on Vercel preview deployments,
   * in `next dev`, or with SHOW_DRAFTS=1. Production hides it (except in Next.js draft mode).
   */
  showDrafts: flag('SHOW_DRAFTS') || read('VERCEL_ENV') === 'preview' || process.env.NODE_ENV === 'development',
  /** Secret for /api/draft (Next.js draft mode on production); draft mode is off without it. */
  previewSecret: read('PREVIEW_SECRET') ?? null,
  /**
   * Reverse proxies in front of `next start` that append to X-Forwarded-For (nginx, a load
   * balancer): the client is the address that many entries from the right. 0 (the default) trusts
   * no header and uses the connection's own address. Ignored on Vercel, whose edge sets the header.
   */
  trustedProxies: positiveInt('TRUSTED_PROXIES', 0),
  onVercel: read('VERCEL') !== undefined,
  /** Newest articles per edition rendered at build time (a home page's list); older ones render on first request. */
  prerenderArticles: positiveInt('PRERENDER_ARTICLES', 10),
  /** Biggest tags and categories per edition whose first page is rendered at build time (the menu's topics). */
  prerenderTerms: positiveInt('PRERENDER_TERMS', 5),
  /** Newest articles in each RSS, Atom and JSON feed. */
  feedSize: positiveInt('FEED_SIZE', 50),
} as const
