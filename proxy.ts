import createMiddleware from 'next-intl/middleware'
import { NextResponse, type NextRequest } from 'next/server'
import { routing } from './i18n/routing'

const intl = createMiddleware(routing)

/** Sections whose URLs are lower case, as Hugo made them. */
const LOWERCASE_SECTIONS = new Set(['news', 'tags', 'categories'])
const PREFIXES = new Set(['en', 'zh-tw', 'zh-hk'])

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * The canonical form of a path: no trailing slash, lower-case edition prefix, and lower case in
 * the article, tag and category sections. Compared segment by segment on decoded text, so
 * `%E4%BA%BA` and `%e4%ba%ba` are the same and `C%2B%2B` becomes `c%2B%2B`.
 */
export function canonicalPath(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean).map(decode)
  if (segments[0] && PREFIXES.has(segments[0].toLowerCase())) segments[0] = segments[0].toLowerCase()
  const sectionIndex = segments[0] && PREFIXES.has(segments[0]) ? 1 : 0
  const section = segments[sectionIndex]
  if (section && LOWERCASE_SECTIONS.has(section.toLowerCase())) {
    for (let i = sectionIndex; i < segments.length; i++) segments[i] = segments[i]!.toLowerCase()
  }
  return `/${segments.map(encodeURIComponent).join('/')}`
}

/** Old and hand-typed URLs (`/news/qq/20250212A03TSR00/`, `/ZH-TW/`) reach their page with one 308. */
export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const canonical = canonicalPath(pathname)
  const current = `/${pathname.split('/').filter(Boolean).map((s) => encodeURIComponent(decode(s))).join('/')}`
  if (canonical !== current || (pathname.length > 1 && pathname.endsWith('/'))) {
    const url = request.nextUrl.clone()
    url.pathname = canonical
    return NextResponse.redirect(url, 308)
  }
  return intl(request)
}

export const config = {
  matcher: ['/((?!_next|_vercel|api|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|txt|xml|json|webmanifest|js|css|map|woff2?)$).*)'],
}
