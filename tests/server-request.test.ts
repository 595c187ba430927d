import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import { appendOnce, prepareRequest } from '@/lib/server-request'

function fake(method: string, headers: Record<string, string>, peer = '203.0.113.9') {
  const request = { method, headers: { ...headers }, socket: { remoteAddress: peer } } as unknown as IncomingMessage
  const response = { writeHead: vi.fn(), end: vi.fn(), getHeader: vi.fn(), appendHeader: vi.fn() }
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

describe('appendOnce', () => {
  /** A response whose headers behave like node's: getHeader, appendHeader. */
  function response() {
    const headers = new Map<string, string[]>()
    const res = {
      getHeader: (name: string) => {
        const values = headers.get(name.toLowerCase())
        return values && (values.length === 1 ? values[0] : values)
      },
      appendHeader(name: string, value: string | string[]) {
        headers.set(name.toLowerCase(), [...(headers.get(name.toLowerCase()) ?? []), ...(typeof value === 'string' ? [value] : value)])
        return res
      },
    }
    appendOnce(res as unknown as ServerResponse)
    return { res, headers }
  }

  it('appends a value once: a replayed redirect keeps one Location (vercel/next.js#82117)', () => {
    const { res, headers } = response()
    res.appendHeader('Location', '/zh-tw/news/technews/a')
    res.appendHeader('location', '/zh-tw/news/technews/a')
    expect(headers.get('location')).toEqual(['/zh-tw/news/technews/a'])
  })

  it('still adds distinct values, and only the new ones of a list', () => {
    const { res, headers } = response()
    res.appendHeader('Vary', 'RSC')
    res.appendHeader('Vary', ['RSC', 'Accept-Encoding'])
    expect(headers.get('vary')).toEqual(['RSC', 'Accept-Encoding'])
  })
})
