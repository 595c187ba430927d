import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { explainUnparsed, listContentFiles, mergeCatalog, normalizeDocuments, type SourceDocument } from '@/lib/content/catalog'
import { renderMarkdown } from '@/lib/content/markdown'
import { parseDocument, sources, topics } from './helpers'

/** The real corpus in ../shared (present on developer machines and in CI, not in the repo). */
const CORPUS = path.resolve(process.env.CORPUS_DIR ?? '../shared/corpus/articles')
const present = existsSync(CORPUS)
if (!present) console.warn(`corpus tests skipped: ${CORPUS} is absent (set CORPUS_DIR to point at the corpus)`)

describe.skipIf(!present)('the real corpus (4,675 articles)', () => {
  // Read and normalised once for all the tests below (4,675 files).
  let loaded: ReturnType<typeof read> | undefined
  const load = () => (loaded ??= read())
  const read = async () => {
    const files = await listContentFiles(CORPUS)
    const documents = files.map((f) => parseDocument(CORPUS, f)).filter((d): d is SourceDocument => d !== null)
    const parsed = new Set(documents.map((d) => d._raw.sourceFilePath))
    const unparsed = await Promise.all(files.filter((f) => !parsed.has(f)).map((f) => explainUnparsed(CORPUS, f)))
    const shard = normalizeDocuments(documents, 'Asia/Shanghai', (file) => file, topics)
    return { files, ...mergeCatalog([shard], unparsed, Date.UTC(2026, 10, 28), sources) }
  }

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
    const files = (await listContentFiles(CORPUS)).filter((_, i) => i % 47 === 0)
    for (const file of files) {
      const doc = parseDocument(CORPUS, file)
      if (!doc) continue
      const { html } = await renderMarkdown(doc.body.raw, { math: false })
      expect(html, file).not.toMatch(/<script|<iframe|\son[a-z]+=|javascript:/i)
    }
  }, 60_000)
})
