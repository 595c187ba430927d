/**
 * Test helpers: content fixtures and loaders, shared by the unit tests.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { Locale } from '@/i18n/routing'
import { explainUnparsed, listContentFiles, mergeCatalog, normalizeDocuments, type SourceDocument } from '@/lib/content/build'
import { loadSourceNames } from '@/lib/content/sources'
import { compileTopics, loadTopicList } from '@/lib/content/topics'
import type { ArticleMeta } from '@/lib/content/types'

const PROJECT = path.resolve(import.meta.dirname, '..')
/** The site's own topic list and source names (data/), as the content build reads them. */
export const topics = compileTopics(loadTopicList(PROJECT))
export const sources = loadSourceNames(PROJECT)

/** Parses a Markdown file the way Contentlayer does (YAML 1.2 front matter, no date types). */
export function parseDocument(root: string, file: string): SourceDocument | null {
  const text = readFileSync(path.join(root, file), 'utf8')
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text)
  if (!match) return null
  try {
    const fields = (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>
    return { ...fields, _raw: { sourceFilePath: file }, body: { raw: match[2] ?? '' } }
  } catch {
    return null
  }
}

const tempDirs: string[] = []
// Each test file loads this module afresh, so this runs once its tests are done.
afterAll(() => tempDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })), 120_000)

/** A fresh folder in the system's temporary folder, removed when the test file is done. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`))
  tempDirs.push(dir)
  return dir
}

/** Writes files into a fresh temporary content root. */
export function makeContentRoot(files: Record<string, string>): string {
  const root = tempDir('content')
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  return root
}

export function article(frontMatter: string, body = '正文。'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}\n`
}

export const TZ = 'Asia/Shanghai'

/** Loads a content root exactly as the content build does: parse, normalise, merge (as of `now`). */
export async function loadContent(root: string, now = Date.UTC(2030, 0, 1)) {
  const files = await listContentFiles(root)
  const documents = files.map((f) => parseDocument(root, f)).filter((d): d is SourceDocument => d !== null)
  const parsed = new Set(documents.map((d) => d._raw.sourceFilePath))
  const unparsed = await Promise.all(files.filter((f) => !parsed.has(f)).map((f) => explainUnparsed(root, f)))
  const shard = normalizeDocuments(documents, TZ, (file) => file, topics)
  return { files, ...mergeCatalog([shard], unparsed, now, sources) }
}

export const SITE = 'https://news.example.com'

/** Every character class that has broken feeds: markup, entities, quotes, emoji, C0 controls, U+FFFE. */
export const HOSTILE_TEXT = 'AT&T <b>涨停</b> "引号" \'单引号\' 🚀📈 a\u0001b\u0008c\u000Bd\uFFFEe \uD800f'
/** What survives: the same text without the characters XML forbids. */
export const HOSTILE_CLEAN = 'AT&T <b>涨停</b> "引号" \'单引号\' 🚀📈 abcde f'

/** A published article as the catalog holds it; `n` makes ids and dates distinct. */
export function fixtureArticle(n: number, overrides: Partial<ArticleMeta> = {}): ArticleMeta {
  const edition: Locale = overrides.edition ?? 'zh-CN'
  const id = `20261120A${String(n).padStart(2, '0')}FIX00`
  const day = String(1 + (n % 28)).padStart(2, '0')
  return {
    key: `${edition}/qq/${id.toLowerCase()}`,
    id,
    slug: id.toLowerCase(),
    source: 'qq',
    edition,
    path: `/news/qq/${id.toLowerCase()}`,
    file: `${edition}/news/qq/${id}.${edition}.md`,
    lang: edition === 'en' ? 'en' : 'zh',
    title: `第 ${n} 条新闻`,
    date: `2026-11-${day}T10:30:00+08:00`,
    time: Date.parse(`2026-11-${day}T10:30:00+08:00`),
    lastmod: null,
    draft: false,
    summary: `摘要 ${n}`,
    categories: ['qq'],
    tags: ['科技', 'AI/ML'],
    translations: [],
    menu: '',
    thumbnail: n % 2 === 0 ? `https://img.example.com/${n}.png` : null,
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
    sourceUrl: `https://new.qq.com/rain/a/${id}`,
    bodyFile: `bodies/${id}.json`,
    sourceName: '腾讯新闻',
    categoryTerms: [{ slug: 'qq', name: '腾讯新闻' }],
    topics: [
      { slug: '科技', name: '科技' },
      { slug: 'ai-ml', name: 'AI/ML' },
    ],
    related: [],
    movedFrom: null,
    duplicateOf: null,
    ...overrides,
  }
}
