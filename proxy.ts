import { NextResponse, type NextRequest } from 'next/server'
import { env } from './lib/env'

const LOWERCASE_SECTIONS = new Set(['news', 'tags', 'categories'])
/** URL prefixes of the editions; `zh-cn` is the default edition's and is never shown. */
const PREFIXES = new Set(['en', 'zh-tw', 'zh-hk', 'zh-cn'])

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
  const first = segments[0]?.toLowerCase()
  if (first && PREFIXES.has(first)) {
    if (first === 'zh-cn') segments.shift()
    else segments[0] = first
  }
  const sectionIndex = segments[0] && PREFIXES.has(segments[0]) ? 1 : 0
  const section = segments[sectionIndex]
  if (section && LOWERCASE_SECTIONS.has(section.toLowerCase())) {
    for (let i = sectionIndex; i < segments.length; i++) segments[i] = segments[i]!.toLowerCase()
  }
  // `/page/1` is the list itself (Hugo made it an alias).
  if (segments.length >= 2 && segments.at(-2) === 'page' && segments.at(-1) === '1') segments.splice(-2)
  return encodePath(segments)
}

/**
 * Old and hand-typed URLs (`/news/qq/20250212A03TSR00/`, `/ZH-TW/`, `/zh-CN/tags`) reach their
 * page with one 308. Mapping URLs to editions is done by rewrites in next.config.mjs.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const canonical = canonicalPath(pathname)
  const current = encodePath(pathname.split('/').filter(Boolean).map(decode))
  if (canonical !== current || (pathname.length > 1 && pathname.endsWith('/'))) {
    return NextResponse.redirect(new URL(canonical + search, request.url), 308)
  }
  const response = NextResponse.next()
  // Previews and draft-mode visits must stay out of search engines.
  if (env.showDrafts || request.cookies.has('__prerender_bypass')) response.headers.set('X-Robots-Tag', 'noindex')
  return response
}

export const config = {
  matcher: ['/((?!_next|_vercel|api|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|txt|xml|json|webmanifest|js|css|map|woff2?)$).*)'],
}
