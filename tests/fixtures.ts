import type { Locale } from '@/i18n/routing'
import type { ArticleMeta } from '@/lib/content/types'

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
