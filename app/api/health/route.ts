import { sharedStoreState } from '@/lib/cache/shared-store.mjs'
import { contentVersion } from '@/lib/content'

export const dynamic = 'force-dynamic'

/**
 * For load balancers and container health checks: 200 while this instance can serve pages (its
 * catalog is readable), with the content version it serves and whether the shared cache answers.
 * A Redis outage is reported, not fatal: the instance keeps serving.
 */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' }
  try {
    return Response.json({ status: 'ok', content: contentVersion(), sharedCache: await sharedStoreState() }, { headers })
  } catch (error) {
    return Response.json({ status: 'error', reason: error instanceof Error ? error.message : String(error) }, { status: 503, headers })
  }
}
