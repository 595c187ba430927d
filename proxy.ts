import { NextResponse, type NextRequest } from 'next/server'
import { canonicalEditionSegment } from './i18n/routing'
import { slugify } from './lib/content/text'
import { env } from './lib/env'
import { READ_METHODS, refusedMethod } from './lib/methods'
import { securityHeaders } from './lib/security-headers.mjs'

const LOWERCASE_SECTIONS = new Set(['news', 'tags', 'categories'])

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function encodePath(segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`
}

/**
 * The canonical form of a path: no trailing slash, lower-case edition prefix (none for zh-CN),
 * and lower case in the article, tag and category sections. Compared segment by segment on
 * decoded text, so `%E4%BA%BA` and `%e4%ba%ba` are equal and `C%2B%2B` becomes `c%2B%2B`.
 */
export function canonicalPath(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean).map(decode)
  const edition = segments[0] === undefined ? undefined : canonicalEditionSegment(segments[0])
  if (edition === '') segments.shift()
  else if (edition) segments[0] = edition
  const sectionIndex = edition ? 1 : 0
  const section = segments[sectionIndex]
  if (section && LOWERCASE_SECTIONS.has(section.toLowerCase())) {
    for (let i = sectionIndex; i < segments.length; i++) segments[i] = segments[i]!.toLowerCase()
    // A hand-typed term (`/tags/AI%2FML`, `/tags/a%20b`) reaches its page by the slug it has.
    const term = segments[sectionIndex + 1]
    if (section.toLowerCase() !== 'news' && term !== undefined && slugify(term)) segments[sectionIndex + 1] = slugify(term)
  }
  // `/page/1` is the list itself (Hugo made it an alias).
  if (segments.length >= 2 && segments.at(-2) === 'page' && segments.at(-1) === '1') segments.splice(-2)
  return encodePath(segments)
}

/** Longer paths are refused outright (no route of ours comes near it). */
export const MAX_PATH_LENGTH = 2048
/**
 * Longer URLs (path + query) get 414: a redirect would echo them in Location and Refresh, past
 * the header limits of Node clients (16 KB) and of common reverse proxies.
 */
export const MAX_URL_LENGTH = 4096

/**
 * Why a path cannot name anything on the site: invalid percent-encoding (`%`, `%E0%A4%A`),
 * control characters (`%00`), or absurd length. Next would answer some of these with a 500.
 */
export function malformedPath(pathname: string): string | null {
  if (pathname.length > MAX_PATH_LENGTH) return 'path too long'
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return 'invalid percent-encoding'
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'control character in path'
  return null
}

/** Framework, API and file paths keep their exact spelling: only pages are canonicalised. */
const NOT_CANONICALISED = /^\/(?:_next|_vercel|api)(?:\/|$)|\.(?:ico|png|jpe?g|gif|svg|webp|avif|txt|xml|json|webmanifest|js|css|map|woff2?)$/
/** Tag and category feeds are pages of ours, not files: their term is canonicalised too. */
const TERM_FEED = /^(?:\/[^/]+)?\/(?:tags|categories)\/[^/]+\/(?:index\.xml|atom\.xml|feed\.json)$/i

const production = process.env.NODE_ENV === 'production'

function withSecurityHeaders(response: NextResponse): NextResponse {
  // Set here as well, so responses answered by the proxy never depend on how a platform merges
  // next.config.mjs `headers()` into them.
  for (const { key, value } of securityHeaders({ production })) response.headers.set(key, value)
  return response
}

/**
 * Malformed URLs get a plain 404 here. Old and hand-typed URLs (`/news/qq/20250212A03TSR00/`,
 * `/ZH-TW/`, `/zh-CN/tags`) reach their page with one 308. Mapping URLs to editions is done by
 * rewrites in next.config.mjs.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const refused = refusedMethod(request.method, pathname)
  if (refused) {
    const body = refused === 405 ? '405 Method Not Allowed\n' : null
    return withSecurityHeaders(
      new NextResponse(body, { status: refused, headers: { Allow: READ_METHODS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } }),
    )
  }
  if (pathname.length + search.length > MAX_URL_LENGTH) {
    return withSecurityHeaders(new NextResponse('414 URI Too Long\n', { status: 414, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }))
  }
  const problem = malformedPath(pathname)
  if (problem) {
    const body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>404</title><h1>404 · 页面不存在</h1><p>Not found: ${problem}.</p><p><a href="/">首页</a></p></html>`
    return withSecurityHeaders(new NextResponse(body, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Robots-Tag': 'noindex' } }))
  }
  if (!NOT_CANONICALISED.test(pathname) || TERM_FEED.test(pathname)) {
    const canonical = canonicalPath(pathname)
    const current = encodePath(pathname.split('/').filter(Boolean).map(decode))
    if (canonical !== current || (pathname.length > 1 && pathname.endsWith('/'))) {
      return withSecurityHeaders(NextResponse.redirect(new URL(canonical + search, request.url), 308))
    }
  }
  const response = NextResponse.next()
  // Previews and draft-mode visits must stay out of search engines.
  if (env.showDrafts || request.cookies.has('__prerender_bypass')) response.headers.set('X-Robots-Tag', 'noindex')
  return response
}

export const config = {
  // Everything but the build's own immutable assets: malformed URLs are refused on every path.
  matcher: ['/((?!_next/static|_next/image).*)'],
}
