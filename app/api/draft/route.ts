import { draftMode } from 'next/headers'
import { NextResponse, type NextRequest } from 'next/server'
import { clientAddress } from '@/lib/client-address'
import { env } from '@/lib/env'
import { createSharedRateLimiter, safeRedirectPath, secretMatches } from '@/lib/preview'

const limiter = createSharedRateLimiter(10, 60_000)
const noindex = { 'X-Robots-Tag': 'noindex', 'Cache-Control': 'no-store' }

/** `/api/draft?secret=…&redirect=/path`: turns on Next.js draft mode for this browser. */
export async function GET(request: NextRequest) {
  const client = clientAddress(request.headers.get('x-forwarded-for'), env)
  if (await limiter.blocked(client)) return new NextResponse('Too many attempts\n', { status: 429, headers: { ...noindex, 'Retry-After': '60' } })
  const { searchParams, origin } = request.nextUrl
  if (!secretMatches(searchParams.get('secret'), env.previewSecret)) {
    await limiter.fail(client)
    return new NextResponse('Invalid preview secret\n', { status: 401, headers: noindex })
  }
  const target = safeRedirectPath(searchParams.get('redirect'), origin)
  if (target === null) return new NextResponse('Redirect must be a path on this site\n', { status: 400, headers: noindex })
  ;(await draftMode()).enable()
  return new NextResponse(null, { status: 307, headers: { ...noindex, Location: target } })
}
