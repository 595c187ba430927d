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
  const files = buildSearchIndex(input, { shards: 8, pairShards: 8, chunkSize: 2 })
  const fetched: string[] = []
  const engine = new SearchEngine(async (file) => {
    fetched.push(file)
    const content = files.get(file)
    if (content === undefined) throw new Error(`missing ${file}`)
    return content
  })
  return { engine, files, fetched }
}

const urls = (page: { results: { url: string }[] }) => page.results.map((r) => r.url)

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
    expect((await engine.search('nvidia banana')).total).toBe(0)
  })

  it('filters by edition', async () => {
    const { engine } = engineFor(fixtures)
    expect(urls(await engine.search('台积电', { edition: 'zh-CN' }))).toEqual(['/news/a/1', '/news/a/3'])
    expect(urls(await engine.search('台积电', { edition: 'en' }))).toEqual(['/en/news/c/7'])
    expect((await engine.search('台积电', { edition: 'zh-HK' })).total).toBe(0)
    expect((await engine.search('台积电', { limit: 1 })).results).toHaveLength(1)
  })

  it('returns metadata and a snippet around the first match', async () => {
    const { engine } = engineFor(fixtures)
    const [first] = (await engine.search('川普')).results
    expect(first).toMatchObject({ url: '/zh-tw/news/b/2', title: '晶片業者動態', source: 'b', edition: 'zh-TW', duplicates: 0, otherEdition: false })
    expect(first?.snippet).toContain('川普')
    expect(first?.matches.map((m) => first.snippet.slice(...m))).toEqual(['川普'])
    const [english] = (await engine.search('growing')).results
    expect(english?.matches.map((m) => english.snippet.slice(...m))).toEqual(['growing'])
    const plural = (await engine.search('chip')).results
    expect(plural.map((r) => r.matches.map((m) => r.snippet.slice(...m)))).toEqual([['chips'], ['chip']])
    expect(plural.map((r) => r.titleMatches.map((m) => r.title.slice(...m)))).toEqual([['chips'], []])
  })

  it('fetches only the shards and chunks a query needs', async () => {
    const { engine, fetched } = engineFor(fixtures)
    await engine.search('关税', { snippets: false })
    expect(fetched).toEqual(['manifest.json', expect.stringMatching(/^shards\/\d\.json$/)])
    // 川普 expands to 特朗普: one token (川普) and one pair (特朗 朗普); one result, one metadata chunk.
    await engine.search('川普', { snippets: false })
    const shards = fetched.filter((f) => /^(shards|pairs)\//.test(f)).length
    expect(shards).toBeLessThanOrEqual(3)
    expect(fetched.filter((f) => f.startsWith('pairs/'))).toHaveLength(1)
    // The one result, /zh-tw/news/b/2, is the second oldest article: id 1, in the first chunk.
    expect(fetched.filter((f) => f.startsWith('meta/'))).toEqual(['meta/0.json'])
    expect(fetched.some((f) => f.startsWith('text/'))).toBe(false)
    await engine.search('川普')
    expect(fetched.filter((f) => /^(shards|pairs)\//.test(f))).toHaveLength(shards)
    expect(fetched.filter((f) => f.startsWith('text/'))).toHaveLength(1)
  })

  it('answers odd queries without failing or fetching', async () => {
    const { engine, fetched } = engineFor(fixtures)
    for (const query of ['', '   ', '!!!', '😀', '.*+?^${}()|[]\\', '（）。，']) expect(await engine.search(query)).toEqual({ total: 0, preferred: 0, results: [] })
    expect(fetched).toEqual([])
    expect((await engine.search('台积电'.repeat(3000))).total).toBe(0)
  })

  it('indexes published articles only, unless previewing', () => {
    const article = (key: string, fields: Partial<ArticleMeta>) => ({ key, draft: false, time: now - day, ...fields }) as ArticleMeta
    const all = [article('old', { time: now - 2 * day }), article('draft', { draft: true }), article('later', { time: now + day }), article('new', {})]
    expect(selectSearchArticles(all, now, 'public').map((a) => a.key)).toEqual(['new', 'old'])
    expect(selectSearchArticles(all, now, 'preview').map((a) => a.key)).toEqual(['later', 'draft', 'new', 'old'])
  })

  it('carries the draft and scheduled status of a preview index to the results, and nothing for published ones', async () => {
    const { engine, files } = engineFor([
      { ...doc('/news/a/8', 'zh-CN', 0, '草稿稿件', '编辑审阅中'), status: 'draft' },
      { ...doc('/news/a/9', 'zh-CN', -1, '定时稿件', '编辑审阅中'), status: 'scheduled' },
      doc('/news/a/10', 'zh-CN', 1, '已发布稿件', '编辑审阅中'),
    ])
    const { results } = await engine.search('编辑审阅')
    expect(results.map((r) => [r.url, r.status])).toEqual([
      ['/news/a/9', 'scheduled'],
      ['/news/a/8', 'draft'],
      ['/news/a/10', null],
    ])
    // Published rows stay five fields long: the production index does not grow.
    const rows = [...files].filter(([name]) => name.startsWith('meta/')).flatMap(([, text]) => JSON.parse(text) as unknown[][])
    expect(rows.map((row) => row.length).sort()).toEqual([5, 6, 6])
  })
})

describe('search engine: phrases, regions, stories, editions, pages, highlights', () => {
  const hours = (n: number) => n / 24

  it('matches a Han word where its characters stand together, not scattered', async () => {
    const { engine } = engineFor([
      doc('/news/a/1', 'zh-CN', 1, '新建数据中心', '公司宣布新建数据中心。'),
      doc('/news/a/2', 'zh-CN', 2, '统计发布', '根据数据，市中心房价上涨。'),
      doc('/news/a/3', 'zh-CN', 3, '报告', '数据显示，研究中心的报告。'),
      doc('/news/a/4', 'zh-CN', 4, '新能源', '新能源车企和汽车经销商。'),
      doc('/news/a/5', 'zh-CN', 5, '车市', '新能源汽车销量增长。'),
    ])
    expect(urls(await engine.search('数据中心'))).toEqual(['/news/a/1'])
    expect(urls(await engine.search('新能源汽车'))).toEqual(['/news/a/5'])
    // Two words are two words: each anywhere.
    expect(urls(await engine.search('数据 中心'))).toEqual(['/news/a/1', '/news/a/2', '/news/a/3'])
  })

  it('a phrase never spans two runs of text, nor title and body', async () => {
    const { engine } = engineFor([doc('/news/a/1', 'zh-CN', 1, '统计数据', '据中心介绍，今年增长。'), doc('/news/a/2', 'zh-CN', 2, '统计', '数据。据中心介绍。')])
    expect(urls(await engine.search('数据中心'))).toEqual([])
    expect(urls(await engine.search('据中心'))).toEqual(['/news/a/1', '/news/a/2'])
  })

  it('expands regional vocabulary only into the other region’s articles', async () => {
    const { engine } = engineFor([
      doc('/news/a/1', 'zh-CN', 1, '数据安全', '数据保护条例。'),
      doc('/news/a/2', 'zh-CN', 2, '复习资料', '学生的学习资料。'),
      doc('/zh-tw/news/a/3', 'zh-TW', 3, '資料外洩', '個人資料保護。'),
      doc('/zh-hk/news/a/4', 'zh-HK', 4, '數據中心', '香港數據中心。'),
    ])
    // A mainland reader's 数据 finds Taiwan's 資料, never mainland 资料 (materials).
    expect(urls(await engine.search('数据'))).toEqual(['/news/a/1', '/zh-tw/news/a/3', '/zh-hk/news/a/4'])
    // A Taiwan reader's 資料 finds mainland 数据, and 資料 anywhere.
    expect(urls(await engine.search('資料'))).toEqual(['/news/a/1', '/news/a/2', '/zh-tw/news/a/3'])
    // Inside a longer word the rest of the word stays a phrase around the synonym.
    expect(urls(await engine.search('資料外洩'))).toEqual(['/zh-tw/news/a/3'])
  })

  it('collapses copies of one story (same folded title within 48 hours) into one result', async () => {
    const { engine } = engineFor([
      doc('/news/a/1', 'zh-CN', hours(1), '台积电扩产', '台积电宣布在美国扩产。'),
      doc('/news/b/2', 'zh-CN', hours(5), '台积电扩产！', '台积电宣布在美国扩产。'),
      doc('/zh-tw/news/c/3', 'zh-TW', hours(30), '台積電擴產', '台積電宣布在美國擴產。'),
      doc('/news/d/4', 'zh-CN', hours(80), '台积电扩产', '三天后又一篇：台积电扩产。'),
    ])
    const page = await engine.search('台积电')
    expect(page.results.map((r) => [r.url, r.duplicates])).toEqual([
      ['/news/a/1', 2],
      ['/news/d/4', 0],
    ])
    expect(page.total).toBe(2)
  })

  it('puts the preferred edition first and the other editions after it', async () => {
    const { engine } = engineFor(fixtures)
    const page = await engine.search('台积电', { prefer: 'en' })
    expect(page.results.map((r) => [r.url, r.otherEdition])).toEqual([
      ['/en/news/c/7', false],
      ['/news/a/1', true],
      ['/news/a/3', true],
      ['/zh-tw/news/b/2', true],
    ])
    expect([page.total, page.preferred]).toEqual([4, 1])
  })

  it('pages through the whole result list', async () => {
    const many = Array.from({ length: 25 }, (_, i) => doc(`/news/a/${i}`, 'zh-CN', i, `芯片新闻第${i}号`, '芯片产业动态。'))
    const { engine } = engineFor(many)
    const pages = await Promise.all([0, 10, 20].map((offset) => engine.search('芯片', { offset, limit: 10 })))
    expect(pages.map((p) => p.results.length)).toEqual([10, 10, 5])
    expect(pages.every((p) => p.total === 25)).toBe(true)
    expect(new Set(pages.flatMap((p) => urls(p))).size).toBe(25)
  })

  it('marks every match, each whole', async () => {
    const { engine } = engineFor([doc('/news/a/1', 'zh-CN', 1, '人工智能与人工智能芯片', '人工智能公司。另一家人工智慧公司，AI chips。')])
    const [result] = (await engine.search('人工智能 chip')).results
    expect(result?.titleMatches.map((m) => result.title.slice(...m))).toEqual(['人工智能', '人工智能'])
    expect(result?.matches.map((m) => result.snippet.slice(...m))).toEqual(['人工智能', '人工智慧', 'chips'])
  })
})

describe('search index build', () => {
  it('indexes in batches without losing or disordering postings across them', async () => {
    const many = Array.from({ length: 2345 }, (_, i) => doc(`/news/a/${i}`, 'zh-CN', i / 100, i % 2 ? `固态电池新闻${i}` : `新闻${i}`, i % 3 ? '固态电池量产。' : '电池回收。'))
    const { engine } = engineFor(many)
    const page = await engine.search('固态电池', { limit: 5000, snippets: false })
    expect(page.total).toBe(many.filter((_, i) => i % 2 || i % 3).length)
    // Title hits (odd ids) first, each tier newest first.
    const ids = page.results.map((r) => Number(r.url.split('/').pop()))
    const titleTier = ids.filter((id) => id % 2)
    expect(ids.slice(0, titleTier.length)).toEqual(titleTier)
    expect(titleTier).toEqual([...titleTier].sort((a, b) => a - b))
    expect(ids.slice(titleTier.length)).toEqual(ids.slice(titleTier.length).sort((a, b) => a - b))
  })

  it('scales the number of shard files with the number of articles', () => {
    const manifestOf = (n: number) =>
      JSON.parse(
        buildSearchIndex(
          Array.from({ length: n }, (_, i) => doc(`/news/a/${i}`, 'zh-CN', i, '标题', '正文')),
          { chunkSize: 10 },
        ).get('manifest.json') ?? '{}',
      ) as { shards: number; pairShards: number }
    expect(manifestOf(3)).toMatchObject({ shards: 1, pairShards: 2 })
    expect(manifestOf(33)).toMatchObject({ shards: 16, pairShards: 32 })
  })
})
