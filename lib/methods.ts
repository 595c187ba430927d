/**
 * Pages, feeds, sitemaps and files are read-only: GET and HEAD. Anything else is answered before
 * Next's cache sees it (proxy.ts, lib/server-request.ts): a POST or DELETE on a stale cached feed
 * would otherwise make Next re-render it in the background with that method and cache the route's
 * 405 as the feed. `/api/*` routes declare their own methods.
 */
export const READ_METHODS = 'GET, HEAD'

export function refusedMethod(method: string, pathname: string): 204 | 405 | null {
  if (method === 'GET' || method === 'HEAD' || /^\/api(?:\/|$)/.test(pathname)) return null
  return method === 'OPTIONS' ? 204 : 405
}
