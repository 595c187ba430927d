import { describe, expect, it } from 'vitest'
import { findSourceUrl, normalizeArticle } from '@/lib/content/front-matter'
import { parseDocument } from './helpers'

const TZ = 'Asia/Shanghai'
const file = 'zh-CN/news/qq/20250101A00TEST00.zh-CN.md'

function normalize(fields: Record<string, unknown>, body = '正文内容。', path = file) {
  return normalizeArticle({ file: path, fields, body }, TZ)
}

describe('normalizeArticle', () => {
  it('applies every default of the front-matter reference', () => {
    const { article, warnings, errors } = normalize({ title: '标题', date: '2025-01-01 08:00:00' })
    expect(errors).toEqual([])
    expect(warnings).toEqual([])
    expect(article).toMatchObject({
      key: 'zh-CN/qq/20250101a00test00',
      id: '20250101A00TEST00',
      slug: '20250101a00test00',
      source: 'qq',
      edition: 'zh-CN',
      path: '/news/qq/20250101a00test00',
      lang: 'zh-CN',
      date: '2025-01-01T08:00:00+08:00',
      lastmod: null,
      draft: false,
      summary: '正文内容。',
      categories: [],
      tags: [],
      translations: [],
      menu: '',
      thumbnail: null,
      lead: '',
      comments: false,
      authorbox: false,
      author: null,
      pager: true,
      toc: false,
      mathjax: false,
      sidebar: 'right',
      widgets: null,
      readingMinutes: 1,
      sourceUrl: null,
    })
  })

  it('maps en-US content into the en edition and zh-TW/zh-HK into theirs', () => {
    expect(normalize({ title: 'T', date: '2025-01-01' }, 'Text.', 'en-US/news/ap/X1.en-US.md').article?.edition).toBe('en')
    expect(normalize({ title: 'T', date: '2025-01-01' }, '正文。', 'zh-TW/news/cna/X1.zh-TW.md').article?.edition).toBe('zh-TW')
    expect(normalize({ title: 'T', date: '2025-01-01' }, '正文。', 'zh-HK/news/hk01/X1.zh-HK.md').article?.edition).toBe('zh-HK')
  })

  it('repairs a string where a list belongs, with a warning', () => {
    const { article, warnings } = normalize({ title: 'T', date: '2025-01-01', tags: '科技' })
    expect(article?.tags).toEqual(['科技'])
    expect(warnings).toEqual([expect.objectContaining({ file, field: 'tags', message: expect.stringContaining('single value') })])
  })

  it('strips control characters that YAML forbids, with a warning', () => {
    const { article, warnings } = normalize({ title: 'Celo\u008F hackathon', date: '2025-01-01' }, 'Body\u008F text')
    expect(article?.title).toBe('Celo hackathon')
    expect(warnings.map((w) => w.field)).toEqual(['title', 'body'])
  })

  it('reads "true"/"false" strings as booleans, with a warning', () => {
    const { article, warnings } = normalize({ title: 'T', date: '2025-01-01', draft: 'true' })
    expect(article?.draft).toBe(true)
    expect(warnings[0]?.field).toBe('draft')
  })

  it.each([
    [{ date: '2025-01-01' }, 'title', 'missing'],
    [{ title: '', date: '2025-01-01' }, 'title', 'missing'],
    [{ title: 'T' }, 'date', 'missing'],
    [{ title: 'T', date: '' }, 'date', 'missing'],
    [{ title: 'T', date: '2025-02-30 10:00:00' }, 'date', 'not a date'],
    [{ title: 'T', date: '2025-01-01', lastmod: 'yesterday' }, 'lastmod', 'not a date'],
    [{ title: 'T', date: '2025-01-01', sidebar: 'middle' }, 'sidebar', 'expected'],
    [{ title: 'T', date: '2025-01-01', pager: 'sometimes' }, 'pager', 'expected true or false'],
    [{ title: { nested: true }, date: '2025-01-01' }, 'title', 'expected a string'],
    [{ title: 'T', date: '2025-01-01', tags: [{ a: 1 }] }, 'tags', 'list items must be strings'],
  ])('rejects %j with an error on %s', (fields, field, message) => {
    const { article, errors } = normalize(fields)
    expect(article).toBeNull()
    expect(errors).toEqual([expect.objectContaining({ file, field, message: expect.stringContaining(message) })])
  })

  it('rejects a file outside the <lang>/news/<source>/<id>.<lang>.md layout', () => {
    const { article, errors } = normalize({ title: 'T', date: '2025-01-01' }, 'x', 'zh-CN/blog/post.md')
    expect(article).toBeNull()
    expect(errors[0]?.field).toBe('path')
  })

  it('drops an invalid thumbnail with a warning and keeps valid ones', () => {
    expect(normalize({ title: 'T', date: '2025-01-01', thumbnail: 'not a url' }).article?.thumbnail).toBeNull()
    expect(normalize({ title: 'T', date: '2025-01-01', thumbnail: 'javascript:alert(1)' }).article?.thumbnail).toBeNull()
    expect(normalize({ title: 'T', date: '2025-01-01', thumbnail: '/images/a.png' }).article?.thumbnail).toBe('/images/a.png')
    expect(normalize({ title: 'T', date: '2025-01-01', thumbnail: 'https://img.example.com/a b.jpg' }).article?.thumbnail).toBe('https://img.example.com/a%20b.jpg')
  })

  it('keeps known widgets in order and warns about unknown ones', () => {
    const { article, warnings } = normalize({ title: 'T', date: '2025-01-01', widgets: ['taglist', 'weather', 'Search'] })
    expect(article?.widgets).toEqual(['taglist', 'search'])
    expect(warnings).toEqual([expect.objectContaining({ field: 'widgets', message: expect.stringContaining('weather') })])
  })

  it('reads sidebar positions', () => {
    expect(normalize({ title: 'T', date: '2025-01-01', sidebar: false }).article?.sidebar).toBe(false)
    expect(normalize({ title: 'T', date: '2025-01-01', sidebar: 'left' }).article?.sidebar).toBe('left')
  })

  it('places traditional Chinese labelled English in the Taiwan edition, and says where it came from', () => {
    const result = normalizeArticle(
      { file: 'en/news/technews/abc.en.md', fields: { title: '台積電法說會', date: '2025-01-01', lang: ['en'] }, body: '台積電今日召開法說會，公布第三季營收。' },
      TZ,
    )
    expect(result.article).toMatchObject({ edition: 'zh-TW', lang: 'zh-TW', movedFrom: 'en', key: 'zh-TW/technews/abc' })
    expect(result.detected).toBe('traditional')
  })

  it('normalises the seed article completely, with no warning', () => {
    const doc = parseDocument('content', 'zh-CN/news/qq/20250212A03TSR00.zh-CN.md')!
    const { _raw, body, ...fields } = doc
    const { article, warnings, errors } = normalizeArticle({ file: _raw.sourceFilePath, fields, body: body.raw }, TZ)
    expect(errors).toEqual([])
    expect(warnings).toEqual([])
    expect(article).toMatchObject({
      path: '/news/qq/20250212a03tsr00',
      title: '放弃Deepseek，苹果将与阿里巴巴合作开发中国版AI功能',
      date: '2025-02-12T11:30:21+08:00',
      categories: ['qq'],
      tags: ['qq'],
      widgets: ['search', 'recent', 'taglist'],
      sourceUrl: 'https://new.qq.com/rain/a/20250212A03TSR00',
    })
    expect(article!.readingMinutes).toBeGreaterThanOrEqual(2)
  })
})

describe('findSourceUrl', () => {
  it('finds the closing [source](url) line and nothing else', () => {
    expect(findSourceUrl('正文\n\n[qq](https://new.qq.com/rain/a/1)\n')).toBe('https://new.qq.com/rain/a/1')
    expect(findSourceUrl('see [qq](https://new.qq.com/rain/a/1) here')).toBeNull()
    expect(findSourceUrl('[x](javascript:alert(1))')).toBeNull()
  })
})
