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
  return false
}
