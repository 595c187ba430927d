/**
 * What `next start` does with a request before Next sees it (installed by `instrumentation.ts`):
 * the few fixes that proxy.ts cannot make because they happen before, or outside, a Fetch API
 * Request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { appendPeer } from './client-address'
import { READ_METHODS } from './methods'

/** Methods the Fetch API refuses to construct: Next answers them with a 500 before proxy.ts runs. */
const UNCONSTRUCTIBLE_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT'])

/**
 * Prepares one request; returns true when it was answered here.
 * - TRACE, TRACK, CONNECT: 405, as proxy.ts answers every other write method.
 * - X-Forwarded-For gets the connection's own address appended, as a proxy would
 *   (lib/client-address.ts explains why).
 * - Range and If-Range are dropped: Next answers an unsatisfiable range on a static file with a
 *   500, and nothing on this site is large enough to resume. A server may ignore Range (RFC 9110
 *   §14.2): the file comes whole, with 200.
 * - A header value is never appended twice (`appendOnce`).
 */
export function prepareRequest(request: IncomingMessage, response: ServerResponse): boolean {
  if (UNCONSTRUCTIBLE_METHODS.has(request.method ?? '')) {
    response.writeHead(405, { Allow: READ_METHODS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
    response.end('405 Method Not Allowed\n')
    return true
  }
  const forwardedFor = appendPeer(request.headers['x-forwarded-for'], request.socket.remoteAddress)
  if (forwardedFor !== undefined) request.headers['x-forwarded-for'] = forwardedFor
  delete request.headers.range
  delete request.headers['if-range']
  appendOnce(response)
  return false
}

/**
 * Next 16 replays a cached redirect's headers onto the response with `appendHeader`, on top of the
 * ones it already set (vercel/next.js#82117): `Location: /a` twice, which clients join into
 * `/a, /a` and crawlers refuse to follow. Every moved or repeated article answers such a redirect.
 * Appending a value the header already holds is therefore a no-op; distinct values still add up.
 */
export function appendOnce(response: ServerResponse): void {
  const append = response.appendHeader.bind(response)
  response.appendHeader = (name: string, value: string | readonly string[]) => {
    const present = response.getHeader(name)
    const held = present === undefined ? [] : Array.isArray(present) ? present.map(String) : [String(present)]
    const added = (typeof value === 'string' ? [value] : [...value]).filter((v) => !held.includes(v))
    return added.length === 0 ? response : append(name, added)
  }
}
