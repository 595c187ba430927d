import { describe, expect, it } from 'vitest'
import { refusedMethod } from '@/lib/methods'
import { canonicalPath, malformedPath, MAX_PATH_LENGTH } from '@/proxy'

describe('canonicalPath', () => {
  it.each([
    ['/news/qq/20250212A03TSR00', '/news/qq/20250212a03tsr00'],
    ['/news/qq/20250212a03tsr00/', '/news/qq/20250212a03tsr00'],
    ['/ZH-TW/news/CNA/X1', '/zh-tw/news/cna/x1'],
    ['/zh-CN/tags', '/tags'],
    ['/zh-cn', '/'],
    ['/tags/C%2B%2B', '/tags/c%2B%2B'],
    ['/tags/%e4%ba%ba%e5%b7%a5%e6%99%ba%e8%83%bd', '/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD'],
    ['/page/1', '/'],
    ['/en/tags/ai/page/1', '/en/tags/ai'],
    ['/search', '/search'],
    ['/tags/a%20b', '/tags/a-b'],
    ['/tags/100%25', '/tags/100'],
    ['/tags/AI%2FML', '/tags/ai-ml'],
    ['/en/categories/The%20Telegraph/page/2', '/en/categories/the-telegraph/page/2'],
    ['/tags/%2F', '/tags/%2F'],
    ['/en/tags/AI%2FML/index.xml', '/en/tags/ai-ml/index.xml'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalPath(input)).toBe(expected)
  })

  it('leaves canonical paths alone', () => {
    for (const path of ['/', '/en', '/news/qq/20250212a03tsr00', '/tags/c%2B%2B', '/page/2']) expect(canonicalPath(path)).toBe(path)
  })
})

describe('refusedMethod', () => {
  it('lets pages, feeds and files be read only, and leaves /api to its routes', () => {
    for (const method of ['GET', 'HEAD']) expect(refusedMethod(method, '/index.xml')).toBeNull()
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND']) {
      expect(refusedMethod(method, '/index.xml'), method).toBe(405)
      expect(refusedMethod(method, '/news/qq/x'), method).toBe(405)
      expect(refusedMethod(method, '/api/draft'), method).toBeNull()
    }
    expect(refusedMethod('OPTIONS', '/')).toBe(204)
    expect(refusedMethod('POST', '/apis')).toBe(405)
  })
})

describe('malformedPath', () => {
  it('refuses invalid percent-encoding, control characters and overlong paths', () => {
    expect(malformedPath('/news/qq/%')).toBe('invalid percent-encoding')
    expect(malformedPath('/news/%E0%A4%A')).toBe('invalid percent-encoding')
    expect(malformedPath('/tags/%zz/index.xml')).toBe('invalid percent-encoding')
    expect(malformedPath('/news/qq/%00')).toBe('control character in path')
    expect(malformedPath('/tags/a%0Ab')).toBe('control character in path')
    expect(malformedPath(`/${'a'.repeat(MAX_PATH_LENGTH)}`)).toBe('path too long')
  })

  it('accepts every well-formed path, odd but valid ones included', () => {
    for (const path of [
      '/',
      '/news/qq/20250212a03tsr00',
      '/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD',
      '/tags/c%2B%2B',
      '/tags/%25',
      '/tags/%2F',
      '/tags/..',
      '/search/shards/1.json',
    ]) {
      expect(malformedPath(path), path).toBeNull()
    }
  })
})
