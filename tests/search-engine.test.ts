import { describe, expect, it } from 'vitest'
import type { Locale } from '@/i18n/routing'
import { selectSearchArticles, type ArticleMeta } from '@/lib/content'
import { buildSearchIndex, type IndexInput } from '@/lib/search/build'
import { SearchEngine } from '@/lib/search/engine'

const day = 86_400_000
const now = Date.UTC(2026, 10, 28)

const doc = (url: string, edition: Locale, daysAgo: number, title: string, text: string): IndexInput => ({
  url,
  edition,
  title,
  text,
  time: now - daysAgo * day,
  date: new Date(now - daysAgo * day).toISOString(),
  source: url.split('/')[url.split('/').length - 2] ?? '',
})

const fixtures: IndexInput[] = [
  doc('/news/a/1', 'zh-CN', 1, '台积电扩产', '台积电宣布在美国扩产，英伟达订单增加。'),
  doc('/zh-tw/news/b/2', 'zh-TW', 5, '晶片業者動態', '台積電與輝達合作新一代晶片，川普表示關切。'),
  doc('/news/a/3', 'zh-CN', 0, '股市收盘', '大盘上涨，台积电概念股走强。'),
  doc('/en/news/c/4', 'en', 2, 'Nvidia ships new chips', 'The company said demand for its AI chips keeps growing.'),
  doc('/en/news/c/5', 'en', 3, 'Markets wrap', 'Nvidia shares rose after the chip maker reported results.'),
  doc('/zh-hk/news/d/6', 'zh-HK', 4, '人工智慧應用', '香港企業加快採用人工智慧，聯準會政策受關注。'),
  doc('/en/news/c/7', 'en', 6, '中文標題', '這篇文章被標為英文，但其實是繁體中文，內容提到台積電。'),
]

function engineFor(input: IndexInput[]) {
  const files = buildSearchIndex(input, { shards: 8, chunkSize: 2 })
  const fetched: string[] = []
  const engine = new SearchEngine(async (file) => {
    fetched.push(file)
    const content = files.get(file)
    if (content === undefined) throw new Error(`missing ${file}`)
    return content
  })
  return { engine, files, fetched }
}

const urls = (results: { url: string }[]) => results.map((r) => r.url)

describe('search engine', () => {
  it('finds simplified and traditional spellings alike, title hits first, then newest', async () => {
    const { engine } = engineFor(fixtures)
    expect(urls(await engine.search('台積電'))).toEqual(['/news/a/1', '/news/a/3', '/zh-tw/news/b/2', '/en/news/c/7'])
    expect(urls(await engine.search('台积电'))).toEqual(urls(await engine.search('台積電')))
  })

  it('expands regional synonyms', async () => {
    const { engine } = engineFor(fixtures)
    expect(urls(await engine.search('輝達')).sort()).toEqual(['/en/news/c/4', '/en/news/c/5', '/news/a/1', '/zh-tw/news/b/2'])
    expect(urls(await engine.search('人工智能'))).toEqual(['/zh-hk/news/d/6'])
    expect(urls(await engine.search('美联储'))).toEqual(['/zh-hk/news/d/6'])
    expect(urls(await engine.search('特朗普'))).toEqual(['/zh-tw/news/b/2'])
  })

  it('ANDs words across title and body, ranks title matches above body matches', async () => {
    const { engine } = engineFor(fixtures)
    expect(urls(await engine.search('nvidia chip'))).toEqual(['/en/news/c/4', '/en/news/c/5'])
    expect(urls(await engine.search('Chips'))).toEqual(['/en/news/c/4', '/en/news/c/5'])
    expect(await engine.search('nvidia banana')).toEqual([])
  })

  it('filters by edition', async () => {
    const { engine } = engineFor(fixtures)
    expect(urls(await engine.search('台积电', { edition: 'zh-CN' }))).toEqual(['/news/a/1', '/news/a/3'])
    expect(urls(await engine.search('台积电', { edition: 'en' }))).toEqual(['/en/news/c/7'])
    expect(await engine.search('台积电', { edition: 'zh-HK' })).toEqual([])
    expect(await engine.search('台积电', { limit: 1 })).toHaveLength(1)
  })

  it('returns metadata and a snippet around the first match', async () => {
    const { engine } = engineFor(fixtures)
    const [first] = await engine.search('川普')
    expect(first).toMatchObject({ url: '/zh-tw/news/b/2', title: '晶片業者動態', source: 'b', edition: 'zh-TW' })
    expect(first?.snippet).toContain('川普')
    const match = first?.match
    expect(match && first?.snippet.slice(match[0], match[1])).toBe('川普')
    const [english] = await engine.search('growing')
    expect(english && english.match && english.snippet.slice(...english.match)).toBe('growing')
    const plural = await engine.search('chip')
    expect(plural.map((r) => r.match && r.snippet.slice(...r.match))).toEqual(['chips', 'chip'])
  })

  it('fetches only the shards and chunks a query needs', async () => {
    const { engine, fetched } = engineFor(fixtures)
    await engine.search('关税', { snippets: false })
    expect(fetched).toEqual(['manifest.json', expect.stringMatching(/^shards\/\d\.json$/)])
    // 川普 expands to 特朗普: at most three tokens, three shards; one result, one metadata chunk.
    await engine.search('川普', { snippets: false })
    const shards = fetched.filter((f) => f.startsWith('shards/')).length
    expect(shards).toBeLessThanOrEqual(4)
    expect(fetched.filter((f) => f.startsWith('meta/'))).toEqual(['meta/2.json'])
    expect(fetched.some((f) => f.startsWith('text/'))).toBe(false)
    await engine.search('川普')
    expect(fetched.filter((f) => f.startsWith('shards/'))).toHaveLength(shards)
    expect(fetched.filter((f) => f.startsWith('text/'))).toHaveLength(1)
  })

  it('answers odd queries without failing or fetching', async () => {
    const { engine, fetched } = engineFor(fixtures)
    for (const query of ['', '   ', '!!!', '😀', '.*+?^${}()|[]\\', '（）。，']) expect(await engine.search(query)).toEqual([])
    expect(fetched).toEqual([])
    expect(Array.isArray(await engine.search('台积电'.repeat(3000)))).toBe(true)
  })

  it('indexes published articles only, unless previewing', () => {
    const article = (key: string, fields: Partial<ArticleMeta>) => ({ key, draft: false, time: now - day, ...fields }) as ArticleMeta
    const all = [article('old', { time: now - 2 * day }), article('draft', { draft: true }), article('later', { time: now + day }), article('new', {})]
    expect(selectSearchArticles(all, now, 'public').map((a) => a.key)).toEqual(['new', 'old'])
    expect(selectSearchArticles(all, now).map((a) => a.key)).toEqual(['new', 'old'])
    expect(selectSearchArticles(all, now, 'preview').map((a) => a.key)).toEqual(['later', 'draft', 'new', 'old'])
  })

  it('carries the draft and scheduled status of a preview index to the results, and nothing for published ones', async () => {
    const { engine, files } = engineFor([
      { ...doc('/news/a/8', 'zh-CN', 0, '草稿稿件', '编辑审阅中'), status: 'draft' },
      { ...doc('/news/a/9', 'zh-CN', -1, '定时稿件', '编辑审阅中'), status: 'scheduled' },
      doc('/news/a/10', 'zh-CN', 1, '已发布稿件', '编辑审阅中'),
    ])
    const results = await engine.search('编辑审阅')
    expect(results.map((r) => [r.url, r.status])).toEqual([
      ['/news/a/9', 'scheduled'],
      ['/news/a/8', 'draft'],
      ['/news/a/10', null],
    ])
    // Published rows stay six fields long: the production index does not grow.
    const rows = [...files].filter(([name]) => name.startsWith('meta/')).flatMap(([, text]) => JSON.parse(text) as unknown[][])
    expect(rows.map((row) => row.length).sort()).toEqual([6, 7, 7])
  })
})
