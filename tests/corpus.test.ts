import { describe, expect, it } from 'vitest'
import { listContentFiles } from '@/lib/content/build'
import { buildIndex } from '@/lib/content/index'
import { renderMarkdown } from '@/lib/content/markdown'
import { titleKey } from '@/lib/content/stories'
import { detectScript } from '@/lib/import/language'
import { CORPUS_DIR, sharedCorpusPresent } from '@/scripts/shared-corpus'
import { loadContent, parseDocument } from './helpers'

const present = sharedCorpusPresent(CORPUS_DIR, 'corpus tests')

describe.skipIf(!present)('the real corpus (4,675 articles)', () => {
  // Read and normalised once for all the tests below (4,675 files).
  let loaded: ReturnType<typeof loadContent> | undefined
  const load = () => (loaded ??= loadContent(CORPUS_DIR, Date.UTC(2026, 10, 28)))

  it('reads every file, publishes the valid ones and reports each skip with file, field and reason', async () => {
    const { files, articles, report } = await load()
    expect(files).toHaveLength(4675)
    expect(report.read).toBe(4675)
    expect(report.skipped).toBe(report.errors.length)
    expect(report.published + report.unpublished + report.editorial.folded).toBe(articles.length)
    expect(articles.length).toBeGreaterThan(4600)
    for (const error of report.errors) {
      expect(files).toContain(error.file)
      expect(['title', 'date']).toContain(error.field)
    }
  }, 60_000)

  it('repairs the three U+008F control characters instead of dropping the articles', async () => {
    const { articles, report } = await load()
    const repaired = new Set(report.warnings.filter((w) => w.message.includes('control character')).map((w) => w.file))
    expect([...repaired].sort()).toEqual([
      'en/news/tradingview/coindar3df7e5a97094b0.en.md',
      'en/news/tradingview/coindar80dae976e094b0.en.md',
      'en/news/tradingview/coindarfa0fe1121094b0.en.md',
    ])
    for (const file of repaired) expect(articles.some((a) => a.file === file)).toBe(true)
    expect(JSON.stringify(articles)).not.toMatch(/[\u0080-\u009f]/)
  }, 60_000)

  it('dates every article with the site offset and detects Chinese articles labelled en', async () => {
    const { articles } = await load()
    for (const a of articles) expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    const moved = articles.filter((a) => a.movedFrom === 'en' && a.edition === 'zh-TW' && a.lang === 'zh-TW')
    expect(moved.length).toBeGreaterThan(700)
  }, 60_000)

  it('renders real bodies sanitised', async () => {
    const files = (await listContentFiles(CORPUS_DIR)).filter((_, i) => i % 47 === 0)
    for (const file of files) {
      const doc = parseDocument(CORPUS_DIR, file)
      if (!doc) continue
      const { html } = await renderMarkdown(doc.body.raw, { math: false })
      expect(html, file).not.toMatch(/<script|<iframe|\son[a-z]+=|javascript:/i)
    }
  }, 60_000)

  describe('read as a news site', () => {
    const NOW = Date.UTC(2026, 10, 28)
    const site = async () => {
      const { articles, report } = await load()
      return { articles, report, ...buildIndex(articles, NOW, 'public') }
    }

    it('/en page 1 has no Chinese story, /zh-hk none in English; every move is reported and its old URL redirects', async () => {
      const { editions, redirects, report, articles } = await site()
      for (const article of editions.get('en')!.articles.slice(0, 10))
        expect(['traditional', 'simplified', 'han'], article.file).not.toContain(detectScript(`${article.title} ${article.summary}`))
      for (const article of editions.get('zh-HK')!.articles.slice(0, 10)) expect(detectScript(`${article.title} ${article.summary}`), article.file).not.toBe('latin')
      expect(report.editorial.movesByPair['en → zh-TW']).toBeGreaterThan(800)
      expect(report.editorial.movesByPair['zh-HK → en']).toBeGreaterThan(50)
      for (const move of report.editorial.moves.filter((m) => m.labelled !== m.edition)) {
        const article = articles.find((a) => a.file === move.file)!
        const target = redirects.get(`${move.labelled}/${article.source}/${article.slug}`)
        expect(target?.key, move.file).toBe(article.duplicateOf ?? article.key)
      }
    }, 60_000)

    it('names every source: a qq article names 腾讯新闻, technews stories filed as cmcmarkets name 科技新報', async () => {
      const { articles, report } = await site()
      expect(report.editorial.unnamedSources).toEqual({})
      expect(articles.find((a) => a.edition === 'zh-CN' && a.source === 'qq')?.sourceName).toBe('腾讯新闻')
      expect(articles.find((a) => a.source === 'technews')).toMatchObject({ edition: 'zh-TW', sourceName: '科技新報', categoryTerms: [{ slug: 'technews', name: '科技新報' }] })
    }, 60_000)

    it('lists topics on /tags (人工智能 among them), different from /categories, and tags most articles', async () => {
      const { editions, report } = await site()
      const zh = editions.get('zh-CN')!
      const tags = [...zh.tags.values()].map((g) => g.term.name)
      expect(tags).toContain('人工智能')
      expect([...zh.tags.keys()].filter((slug) => zh.categories.has(slug))).toEqual([])
      for (const coverage of Object.values(report.editorial.topicCoverage)) expect(coverage.share).toBeGreaterThan(0.6)
    }, 60_000)

    it('shows no story twice on a list page, and folds the 59 copies of one technews story', async () => {
      const { editions, report } = await site()
      expect(Math.max(...report.editorial.duplicates.map((g) => g.folded.length))).toBeGreaterThanOrEqual(50)
      for (const [locale, index] of editions) {
        const lists = [index.articles, ...[...index.tags.values(), ...index.categories.values()].map((g) => g.articles)]
        for (const list of lists) {
          for (let page = 0; page < Math.min(list.length, 50); page += 10) {
            const keys = list.slice(page, page + 10).map((a) => titleKey(a.title))
            expect(new Set(keys).size, `${locale} page ${page / 10 + 1}`).toBe(keys.length)
          }
        }
      }
    }, 60_000)

    it('relates articles that share a topic, in the same edition, never itself or a repeat', async () => {
      const { editions } = await site()
      let withTopics = 0
      let sharing = 0
      for (const [locale, index] of editions) {
        for (const article of index.articles) {
          expect(article.related).not.toContain(article.key)
          for (const key of article.related) expect(index.byKey.has(key), `${article.key} → ${key}`).toBe(true)
          const first = article.related[0] && index.byKey.get(article.related[0])
          if (article.topics.length === 0 || !first) continue
          withTopics += 1
          if (first.topics.some((t) => article.topics.some((own) => own.slug === t.slug))) sharing += 1
          expect(first.edition).toBe(locale)
        }
      }
      expect(sharing / withTopics).toBeGreaterThan(0.95)
    }, 60_000)
  })
})
