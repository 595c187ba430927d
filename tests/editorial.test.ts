import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { explainUnparsed, formatReport, listContentFiles, mergeCatalog, normalizeDocuments, type SourceDocument } from '@/lib/content/build'
import { buildIndex } from '@/lib/content/index'
import { relateArticles } from '@/lib/content/related'
import { parseSourceNames, sourceName, trueSource } from '@/lib/content/sources'
import { findStories, titleKey } from '@/lib/content/stories'
import { repairRunTogether } from '@/lib/content/text'
import { compileTopics, deriveTopics, parseTopicList, topicTerms } from '@/lib/content/topics'
import type { ArticleMeta } from '@/lib/content/types'
import { parseDocument } from './helpers'

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'editorial')
const ROOT = path.join(FIXTURES, 'content')
const NOW = Date.UTC(2026, 11, 1)
const topics = compileTopics(parseTopicList(readFileSync(path.join(FIXTURES, 'topics.yaml'), 'utf8')))
const sources = parseSourceNames(readFileSync(path.join(FIXTURES, 'sources.yaml'), 'utf8'))

async function build() {
  const files = await listContentFiles(ROOT)
  const documents = files.map((f) => parseDocument(ROOT, f)).filter((d): d is SourceDocument => d !== null)
  const unparsed = await Promise.all(files.filter((f) => !documents.some((d) => d._raw.sourceFilePath === f)).map((f) => explainUnparsed(ROOT, f)))
  return mergeCatalog([normalizeDocuments(documents, 'Asia/Shanghai', (f) => f, topics)], unparsed, NOW, sources)
}
const byId = (articles: ArticleMeta[], id: string) => articles.find((a) => a.id === id && !a.duplicateOf) ?? articles.find((a) => a.id === id)!

describe('editions hold their own language', () => {
  it('places each article by its text: traditional → zh-TW (zh-HK for Hong Kong sources and .hk links), simplified → zh-CN, English → en', async () => {
    const { articles } = await build()
    expect(byId(articles, 'TW1')).toMatchObject({ edition: 'zh-TW', movedFrom: 'en', lang: 'zh-TW', path: '/news/technews/tw1' })
    expect(byId(articles, 'HK1')).toMatchObject({ edition: 'zh-HK', movedFrom: 'en' })
    expect(byId(articles, 'HKLINK')).toMatchObject({ edition: 'zh-HK', movedFrom: 'en' })
    expect(byId(articles, 'EN1')).toMatchObject({ edition: 'en', movedFrom: 'zh-HK', lang: 'en' })
    expect(byId(articles, 'SC1')).toMatchObject({ edition: 'zh-CN', movedFrom: 'zh-TW' })
    expect(byId(articles, 'CHIP1')).toMatchObject({ edition: 'zh-CN', movedFrom: null })
  })

  it('lets an editor pin the edition, and reports the pin', async () => {
    const { articles, report } = await build()
    expect(byId(articles, 'PIN1')).toMatchObject({ edition: 'en', movedFrom: null })
    expect(byId(articles, 'PIN2')).toMatchObject({ edition: 'zh-HK', movedFrom: 'zh-CN' })
    const pins = report.editorial.moves.filter((m) => m.detected === 'pinned').map((m) => `${m.file} ${m.labelled}→${m.edition}`)
    expect(pins).toEqual(['en/news/technews/PIN1.en.md en→en', 'zh-CN/news/qq/PIN2.zh-CN.md zh-CN→zh-HK'])
  })

  it('reports every move with file, label and detected script, and counts per edition pair', async () => {
    const { report } = await build()
    expect(report.editorial.moves).toContainEqual({ file: 'en/news/technews/TW1.en.md', labelled: 'en', detected: 'traditional', edition: 'zh-TW' })
    expect(report.editorial.moves).toContainEqual({ file: 'zh-HK/news/vietnamnews/EN1.zh-HK.md', labelled: 'zh-HK', detected: 'latin', edition: 'en' })
    expect(report.editorial.movesByPair).toEqual({ 'en → zh-HK': 2, 'en → zh-TW': 1, 'zh-CN → zh-HK': 1, 'zh-HK → en': 1, 'zh-TW → zh-CN': 1 })
    expect(formatReport(report)).toContain('moved en/news/technews/TW1.en.md: labelled en, detected traditional → zh-TW')
  })

  it('redirects the old URL to the new place; lists and translations use the new place only', async () => {
    const { articles } = await build()
    const { editions, redirects } = buildIndex(articles, NOW, 'public')
    expect(redirects.get('en/technews/tw1')?.key).toBe('zh-TW/technews/tw1')
    expect(editions.get('en')!.byPath.has('/news/technews/tw1')).toBe(false)
    expect(editions.get('zh-TW')!.articles.map((a) => a.id)).toContain('TW1')
  })
})

describe('sources have names', () => {
  it('names every source in its edition; an edition left out takes the nearest one', () => {
    expect(sourceName(sources, 'qq', 'zh-CN')).toBe('腾讯新闻')
    expect(sourceName(sources, 'qq', 'en')).toBe('Tencent News')
    expect(sourceName(sources, 'qq', 'zh-HK')).toBe('騰訊新聞')
    expect(sourceName(sources, 'tvb', 'en')).toBe('无线新闻')
    expect(sourceName(sources, 'nowhere', 'en')).toBeNull()
    expect(() => parseSourceNames('Bad Slug: x')).toThrow(/not a source slug/)
    expect(() => parseSourceNames('qq: { fr: x }')).toThrow(/qq\.fr/)
  })

  it("takes the source from the story's link when the category names another feed", () => {
    const names = parseSourceNames('cmcmarkets: { en: CMC Markets, hosts: [cmcmarkets.com] }\ntechnews: { zh-TW: 科技新報, hosts: [technews.tw] }\nqq: 腾讯新闻')
    expect(trueSource(names, 'cmcmarkets', 'technews', 'https://finance.technews.tw/2026/1/')).toBe('technews')
    expect(trueSource(names, 'cmcmarkets', 'cmcmarkets', 'https://www.cmcmarkets.com/en/news/1')).toBe('cmcmarkets')
    expect(trueSource(names, 'cmcmarkets', 'elsewhere', 'https://example.com/1')).toBe('cmcmarkets')
    expect(trueSource(names, 'qq', 'technews', 'https://technews.tw/1')).toBe('qq')
    expect(() => parseSourceNames('qq: { en: QQ, hosts: qq.com }')).toThrow(/qq\.hosts/)
  })

  it('puts the name on bylines and categories, keeps the slug for URLs, reports an unknown source once with its count', async () => {
    const { articles, report } = await build()
    expect(byId(articles, 'CHIP1')).toMatchObject({ sourceName: '腾讯新闻', categoryTerms: [{ slug: 'qq', name: '腾讯新闻' }] })
    expect(byId(articles, 'DUP2').categoryTerms).toEqual([{ slug: 'the-telegraph', name: 'The Telegraph' }])
    expect(byId(articles, 'U1')).toMatchObject({ sourceName: 'mystery', categoryTerms: [{ slug: 'mystery', name: 'mystery' }] })
    expect(report.editorial.unnamedSources).toEqual({ mystery: 2 })
    expect(formatReport(report)).toContain('sources: 1 without a name in data/sources.yaml: mystery (2)')
  })
})

describe('tags are topics', () => {
  it('needs more than a passing mention', () => {
    const derived = deriveTopics(topics, { title: '英伟达发布新一代人工智能芯片', summary: '', text: '数据中心对芯片的需求仍在增长。顺带一提，比特币价格小幅波动。' })
    expect(derived).toEqual(expect.arrayContaining(['nvidia', 'ai', 'chips']))
    expect(derived).not.toContain('bitcoin')
    expect(deriveTopics(topics, { title: 'Markets', summary: '', text: 'Bitcoin rose. Bitcoin fell. Bitcoin rose again.' })).toEqual(['bitcoin'])
    expect(deriveTopics(topics, { title: 'He said it again', summary: '', text: 'She said, they said, we said.' })).toEqual([])
  })

  it('matches any script after folding: traditional, simplified, case and plurals', () => {
    expect(deriveTopics(topics, { title: '輝達晶片', summary: '', text: '' }).sort()).toEqual(['chips', 'nvidia'])
    // Hong Kong's 英偉達 folds to the listed 英伟达.
    expect(deriveTopics(topics, { title: '英偉達芯片', summary: '', text: '' }).sort()).toEqual(['chips', 'nvidia'])
    expect(deriveTopics(topics, { title: 'NVIDIA ships new CHIPS', summary: '', text: '' }).sort()).toEqual(['chips', 'nvidia'])
  })

  it('drops a tag equal to the category, keeps editor tags first, and names topics per edition', async () => {
    const { articles } = await build()
    const names = byId(articles, 'CHIP1').topics.map((t) => t.name)
    expect(names.slice(0, 2)).toEqual(['独家', '人工智能'])
    expect(names.slice(2).sort()).toEqual(['英伟达', '芯片'].sort())
    expect(byId(articles, 'TW1').topics.map((t) => t.slug)).toEqual(expect.arrayContaining(['chips']))
    expect(byId(articles, 'TW1').topics.find((t) => t.slug === 'chips')?.name).toBe('晶片')
    expect(topicTerms(topics, { tags: ['AI'], categories: [], derived: [], edition: 'en' })).toEqual([{ slug: 'ai', name: 'Artificial intelligence' }])
  })

  it('lists topics on /tags and sources on /categories, and reports coverage per edition', async () => {
    const { articles, report } = await build()
    const zh = buildIndex(articles, NOW, 'public').editions.get('zh-CN')!
    expect([...zh.tags.keys()]).toEqual(expect.arrayContaining(['ai', 'chips', 'nvidia', 'oil', '独家']))
    expect([...zh.tags.keys()]).not.toContain('qq')
    expect([...zh.categories.keys()].sort()).toEqual(['qq', 'tvb'])
    expect(report.editorial.topicsVersion).toBe(7)
    expect(report.editorial.topicCoverage['zh-CN']).toMatchObject({ articles: 6, withTopics: 5 })
  })

  it('rejects a list an editor broke, naming the entry', () => {
    expect(() => parseTopicList('version: 1\ntopics:\n  - slug: Bad Slug\n')).toThrow(/topic #1 \(Bad Slug\)/)
    expect(() => parseTopicList('version: 1\ntopics:\n  - slug: x\n    name: { en: X }\n    evidence: [x]\n')).toThrow(/name/)
  })
})

describe('one story once', () => {
  it('folds titles equal after folding within 48 hours; the earliest complete copy is canonical', async () => {
    const { articles, report } = await build()
    expect(byId(articles, 'DUP1').duplicateOf).toBe('en/telegraph/dup2')
    expect(byId(articles, 'DUP3').duplicateOf).toBe('en/telegraph/dup2')
    expect(byId(articles, 'DUP2').duplicateOf).toBeNull()
    expect(byId(articles, 'LATER').duplicateOf).toBeNull()
    expect(report.editorial.duplicates).toEqual([
      {
        edition: 'en',
        title: 'Jim Ratcliffe rescues vital British plastics factory!',
        canonical: 'en/news/telegraph/DUP2.en.md',
        folded: ['en/news/telegraph/DUP1.en.md', 'en/news/telegraph/DUP3.en.md'],
      },
    ])
    expect(report.editorial.folded).toBe(2)
  })

  it('leaves repeats out of lists and redirects their URLs to the canonical one', async () => {
    const { articles } = await build()
    const { editions, redirects } = buildIndex(articles, NOW, 'public')
    const listed = editions.get('en')!.articles.map((a) => a.id)
    expect(listed).toContain('DUP2')
    expect(listed).not.toContain('DUP1')
    expect(new Set(listed).size).toBe(listed.length)
    expect(redirects.get('en/telegraph/dup1')?.key).toBe('en/telegraph/dup2')
  })

  it('ignores case, width, spacing, punctuation and traditional/simplified', () => {
    expect(titleKey('銀色債券｜4.25厘息')).toBe(titleKey('银色债券 | 4.25 厘息'))
    const at = (id: string, title: string, hours: number) => ({ key: id, edition: 'en' as const, title, time: hours * 3600_000, draft: false, menu: '' })
    const stories = findStories([at('a', 'Ｂig News!', 0), at('b', 'big  news', 47), at('c', 'Big news', 100), at('d', 'big news', 120)], () => 10)
    expect(stories.map((s) => [s.canonical.key, s.folded.map((a) => a.key)])).toEqual([
      ['a', ['b']],
      ['c', ['d']],
    ])
  })

  it('separates sentences a feed ran together, when the summary is built', async () => {
    expect(repairRunTogether('plastics industry.Ineos confirmed')).toBe('plastics industry. Ineos confirmed')
    expect(repairRunTogether('Node.js and U.S.A and ASP.NET stay')).toBe('Node.js and U.S.A and ASP.NET stay')
    const { articles, report } = await build()
    expect(byId(articles, 'DUP2').summary).toContain('industry. Ineos')
    expect(report.editorial.summariesRepaired).toBe(1)
  })
})

describe('related means related', () => {
  it('chooses by shared topics and text, same edition, never itself, a repeat or a draft; same source only when nothing relates', async () => {
    const { articles } = await build()
    const chip1 = byId(articles, 'CHIP1')
    expect(chip1.related[0]).toBe('zh-CN/qq/chip2')
    expect(chip1.related).not.toContain(chip1.key)
    expect(chip1.related).not.toContain('zh-CN/qq/chipdraft')
    expect(chip1.related).not.toContain('zh-CN/qq/oil1')
    expect(byId(articles, 'DUP2').related).not.toContain('en/telegraph/dup1')
    // Nothing shares a topic or words with the flower show: the same source fills in, newest first.
    expect(byId(articles, 'LONE1').related[0]).toBe('zh-CN/qq/oil1')
  })

  it('breaks ties by the newest article', () => {
    const article = (key: string, time: number, slug: string, source = 's') => ({ key, source, time, title: key, summary: '', topics: [{ slug, name: slug }] })
    const related = relateArticles([article('a', 1, 't'), article('b', 2, 't'), article('c', 3, 't'), article('d', 4, 'u', 'other')])
    expect(related.get('a')).toEqual(['c', 'b'])
    expect(related.get('d')).toEqual([])
  })

  it('keeps the best few of many candidates: the first of the whole ranking, ties and all', () => {
    const article = (i: number) => ({
      key: `k${i}`,
      source: `s${i % 3}`,
      time: i % 7,
      title: `新闻 ${i % 9}号 ${i % 5 ? '台积电' : '英伟达'}`,
      summary: '',
      topics: [{ slug: `t${i % 4}`, name: '' }, ...(i % 6 ? [] : [{ slug: 'rare', name: '' }])],
    })
    const articles = Array.from({ length: 80 }, (_, i) => article(i))
    const whole = relateArticles(articles, articles.length)
    const five = relateArticles(articles)
    expect([...whole.values()].every((list) => list.length > 5)).toBe(true)
    for (const { key } of articles) expect(five.get(key), key).toEqual(whole.get(key)?.slice(0, 5))
  })
})
