import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import { prepareRequest } from '@/lib/server-request'

function fake(method: string, headers: Record<string, string>, peer = '203.0.113.9') {
  const request = { method, headers: { ...headers }, socket: { remoteAddress: peer } } as unknown as IncomingMessage
  const response = { writeHead: vi.fn(), end: vi.fn() }
  return { request, response, handled: prepareRequest(request, response as unknown as ServerResponse) }
}

describe('prepareRequest', () => {
  it('answers TRACE, TRACK and CONNECT with 405 itself (the Fetch API cannot even build them)', () => {
    for (const method of ['TRACE', 'TRACK', 'CONNECT']) {
      const { handled, response } = fake(method, {})
      expect(handled, method).toBe(true)
      expect(response.writeHead).toHaveBeenCalledWith(405, expect.objectContaining({ Allow: 'GET, HEAD' }))
    }
  })

  it('appends the real peer to X-Forwarded-For and passes the request on', () => {
    expect(fake('GET', {}).request.headers['x-forwarded-for']).toBe('203.0.113.9')
    const { request, handled } = fake('GET', { 'x-forwarded-for': '1.2.3.4' })
    expect(handled).toBe(false)
    expect(request.headers['x-forwarded-for']).toBe('1.2.3.4, 203.0.113.9')
  })

  it('drops Range and If-Range, so files come whole instead of a 500 for an unsatisfiable range', () => {
    const { request } = fake('GET', { range: 'bytes=99999999-', 'if-range': 'W/"x"' })
    expect(request.headers.range).toBeUndefined()
    expect(request.headers['if-range']).toBeUndefined()
  })
})
