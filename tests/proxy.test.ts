import { describe, expect, it } from 'vitest'
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
  ])('%s → %s', (input, expected) => {
    expect(canonicalPath(input)).toBe(expected)
  })

  it('leaves canonical paths alone', () => {
    for (const path of ['/', '/en', '/news/qq/20250212a03tsr00', '/tags/c%2B%2B', '/page/2']) expect(canonicalPath(path)).toBe(path)
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
    for (const path of ['/', '/news/qq/20250212a03tsr00', '/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD', '/tags/c%2B%2B', '/tags/%25', '/tags/%2F', '/tags/..', '/search/shards/1.json']) {
      expect(malformedPath(path), path).toBeNull()
    }
  })
})
