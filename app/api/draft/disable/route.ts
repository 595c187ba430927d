import { draftMode } from 'next/headers'
import { NextResponse, type NextRequest } from 'next/server'
import { safeRedirectPath } from '@/lib/preview'

/** `/api/draft/disable[?redirect=/path]`: back to what every reader sees. */
export async function GET(request: NextRequest) {
  ;(await draftMode()).disable()
  const target = safeRedirectPath(request.nextUrl.searchParams.get('redirect'), request.nextUrl.origin) ?? '/'
  return new NextResponse(null, { status: 307, headers: { Location: target, 'Cache-Control': 'no-store' } })
}
