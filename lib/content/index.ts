/**
 * The content module: the only reader of Contentlayer's output. It keeps the small catalog in
 * memory, loads one article body per page, and decides what readers may see: drafts and
 * articles dated in the future are filtered here and nowhere else.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { cache } from 'react'
import { siteConfig } from '../config'
import { env } from '../env'
import { locales, type Locale } from '@/i18n/routing'
import { articlePath } from '@/lib/paths'
import { selectFrontPage, type FrontPage } from './front-page'
import { keptBody } from './body-cache'
import { CATALOG_PATH } from './output'
import { CATALOG_RELOAD_MS } from './freshness.mjs'
import { waitForContentBuild } from './gate'
import { renderMarkdown, type RenderedBody } from './markdown'
import { markdownToPlainText, stripControlCharacters } from './text'
import type { ArticleMeta, TermRef } from './types'

export type { ArticleMeta, TermRef } from './types'
export type { FrontPage, FrontPageSection } from './front-page'
export type { RenderedBody, TocEntry } from './markdown'

// Read at run time, not bundled: the ignore hint keeps Turbopack from tracing thousands of files
// (next.config.mjs ships them to serverless functions instead).
const PROJECT_DIR = path.join(/* turbopackIgnore: true */ process.cwd())

export interface Page<T> {
  items: T[]
  page: number
  totalPages: number
  total: number
}

export interface Term {
  name: string
  slug: string
  count: number
}

interface EditionIndex {
  /** Newest first; article pages (`menu: main`) excluded from lists. */
  articles: ArticleMeta[]
  pages: ArticleMeta[]
  byPath: Map<string, ArticleMeta>
  byKey: Map<string, ArticleMeta>
  tags: Map<string, { term: Term; articles: ArticleMeta[] }>
  categories: Map<string, { term: Term; articles: ArticleMeta[] }>
}

interface ViewIndex {
  /** The next scheduled article's time: the index is rebuilt then (to the millisecond). */
  validUntil: number
  catalog: ArticleMeta[]
  editions: Map<Locale, EditionIndex>
  /** Old keys (an edition the text moved it from, a repeat of a story) → the article that answers now. */
  redirects: Map<string, ArticleMeta>
}

/**
 * What this module keeps, once per process: Next bundles it once for the pages and again for the
 * route handlers (the feeds, the sitemaps), and each copy would otherwise parse the catalog, index
 * it and render bodies again.
 */
interface ContentState {
  catalog: { articles: ArticleMeta[]; mtime: number; checked: number } | null
  indexes: Map<ContentView, ViewIndex>
  /** Bodies rendered lately, by body file (see getArticleBody). */
  bodies: Map<string, { input: string; body: Promise<RenderedBody> }>
}
const state = ((globalThis as { [key: symbol]: ContentState | undefined })[Symbol.for('news-site.content')] ??= {
  catalog: null,
  indexes: new Map(),
  bodies: new Map(),
})
/**
 * A content build (`npm run content`) next to a running server is picked up without a restart:
 * new articles render on their first request, lists at their next revalidation.
 */
const RELOAD_CHECK_MS = process.env.NODE_ENV === 'development' ? 0 : CATALOG_RELOAD_MS

/** Set only for the pages step of a rebuild (scripts/build.ts): see lib/content/gate.ts. */
let contentGate = process.env.CONTENT_BUILD_GATE

function loadCatalog(): ArticleMeta[] {
  const now = Date.now()
  const kept = state.catalog
  if (kept && now - kept.checked < RELOAD_CHECK_MS) return kept.articles
  if (contentGate) contentGate = waitForContentBuild(contentGate)
  const file = path.join(PROJECT_DIR, CATALOG_PATH)
  try {
    const mtime = statSync(file).mtimeMs
    if (kept?.mtime === mtime) kept.checked = now
    else state.catalog = { articles: JSON.parse(readFileSync(file, 'utf8')) as ArticleMeta[], mtime, checked: now }
  } catch (error) {
    if (kept) return kept.articles
    throw new Error(`Cannot read the content catalog ${file}: run \`npm run content\` first. ${String(error)}`)
  }
  return (state.catalog as NonNullable<ContentState['catalog']>).articles
}

/** What this server serves: the catalog's size and when it was written (for the health endpoint). */
export function contentVersion(): { articles: number; catalogWrittenAt: string } {
  const articles = loadCatalog()
  return { articles: articles.length, catalogWrittenAt: new Date(state.catalog?.mtime ?? 0).toISOString() }
}

/** Whether readers may see an article now: published and not scheduled for later. */
export function isPublished(article: ArticleMeta, now: number): boolean {
  return !article.draft && article.time <= now
}

/**
 * What a request may see: `public` (published articles only) or `preview` (drafts and scheduled
 * articles too). The one switch for unpublished content: a preview deployment, `next dev` or
 * SHOW_DRAFTS=1 preview everything (lib/env.ts); on production, only requests in Next.js draft
 * mode do, and those are rendered per request, never cached for other readers.
 */
export type ContentView = 'public' | 'preview'

const requestView = cache((): { value: ContentView | null } => ({ value: null }))
const scopedView = new AsyncLocalStorage<ContentView>()

/** Whether a view shows an article now: previews show everything, the public published ones. */
function isVisible(article: ArticleMeta, now: number, view: ContentView): boolean {
  return view === 'preview' || isPublished(article, now)
}

/** Sets the view for the current render (called by `resolveEdition`, like next-intl's locale). */
export function setRequestView(view: ContentView): void {
  requestView().value = view
}

/**
 * Runs `fn` (and everything it awaits) in a view: for what has no page render to set one (route
 * handlers, static params, scripts).
 */
export function withView<T>(view: ContentView, fn: () => T): T {
  return scopedView.run(view, fn)
}

/** The view of everything outside draft mode: previews and `next dev` show drafts (lib/env.ts). */
export function environmentView(): ContentView {
  return env.showDrafts ? 'preview' : 'public'
}

/** The view the current render or scope set; reading it without one is a mistake, not a default. */
export function currentView(): ContentView {
  const view = requestView().value ?? scopedView.getStore()
  if (!view) throw new Error('No content view set: pages call resolveEdition() or resolveView() before they query content; route handlers, static params and scripts query inside withView()')
  return view
}

/** Unpublished articles carry a badge where they are shown (preview only). */
export function unpublishedState(article: ArticleMeta, now = Date.now()): 'draft' | 'scheduled' | null {
  if (article.draft) return 'draft'
  return article.time > now ? 'scheduled' : null
}

function groupBy(articles: ArticleMeta[], terms: (a: ArticleMeta) => TermRef[]) {
  const groups = new Map<string, { term: Term; articles: ArticleMeta[] }>()
  for (const article of articles) {
    for (const { slug, name } of terms(article)) {
      if (!slug) continue
      let group = groups.get(slug)
      if (!group) {
        group = { term: { name, slug, count: 0 }, articles: [] }
        groups.set(slug, group)
      }
      if (!group.articles.includes(article)) {
        group.articles.push(article)
        group.term.count += 1
      }
    }
  }
  return groups
}

/**
 * Per-edition indexes of what a view may see now, rebuilt when the catalog changes or the next
 * scheduled article's time comes (a cached 404 is dropped at that time too). Repeats of a story are
 * in none of them: only their old URLs lead (redirect) to the canonical article.
 */
export function buildIndex(all: ArticleMeta[], now: number, view: ContentView): Omit<ViewIndex, 'validUntil' | 'catalog'> {
  const editions = new Map<Locale, EditionIndex>()
  const shown = all.filter((a) => !a.duplicateOf && isVisible(a, now, view))
  const byKey = new Map(shown.map((a) => [a.key, a]))
  for (const locale of locales) {
    const visible = shown.filter((a) => a.edition === locale)
    const articles = visible.filter((a) => a.menu !== 'main')
    editions.set(locale, {
      articles,
      pages: visible.filter((a) => a.menu === 'main'),
      byPath: new Map(visible.map((a) => [a.path, a])),
      byKey: new Map(visible.map((a) => [a.key, a])),
      tags: groupBy(articles, (a) => a.topics),
      categories: groupBy(articles, (a) => a.categoryTerms),
    })
  }
  const redirects = new Map<string, ArticleMeta>()
  for (const article of all) {
    const target = byKey.get(article.duplicateOf ?? article.key)
    if (!target) continue
    const old = [article.movedFrom && `${article.movedFrom}/${article.source}/${article.slug}`, article.duplicateOf && article.key]
    for (const key of old) if (key && !byKey.has(key)) redirects.set(key, target)
  }
  return { editions, redirects }
}

function viewIndex(): ViewIndex {
  const view = currentView()
  const now = Date.now()
  const all = loadCatalog()
  const cached = state.indexes.get(view)
  if (cached && now < cached.validUntil && cached.catalog === all) return cached
  const nextPublish = all.reduce((soonest, a) => (!a.draft && a.time > now && a.time < soonest ? a.time : soonest), Infinity)
  const index = { validUntil: nextPublish, catalog: all, ...buildIndex(all, now, view) }
  state.indexes.set(view, index)
  return index
}

function edition(locale: Locale): EditionIndex {
  const index = viewIndex().editions.get(locale)
  if (!index) throw new Error(`Unknown edition ${locale}`)
  return index
}

function paginate<T>(items: T[], page: number, pageSize = siteConfig.pageSize): Page<T> | null {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize))
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, totalPages, total: items.length }
}

/** Parses a `/page/N` segment; null for anything that is not a page number ≥ 2. */
export function parsePageParam(value: string): number | null {
  return /^[1-9]\d*$/.test(value) && Number(value) >= 2 ? Number(value) : null
}

export function getArticles(locale: Locale, page = 1): Page<ArticleMeta> | null {
  return paginate(edition(locale).articles, page)
}

export function getArticle(locale: Locale, source: string, slug: string): ArticleMeta | null {
  return edition(locale).byPath.get(articlePath(source, slug)) ?? null
}

/**
 * Where an article's old URL leads: the edition its text belongs to, or the canonical copy of a
 * repeated story. Null when the URL never named an article.
 */
export function getArticleRedirect(locale: Locale, source: string, slug: string): ArticleMeta | null {
  return viewIndex().redirects.get(`${locale}/${source.normalize('NFKC').toLowerCase()}/${slug.normalize('NFKC').toLowerCase()}`) ?? null
}

/** The newest articles, less those the page already shows (`exclude`: article keys). */
export function getRecentArticles(locale: Locale, count = siteConfig.recentCount, exclude: ReadonlySet<string> = new Set()): ArticleMeta[] {
  return edition(locale).articles.filter((a) => !exclude.has(a.key)).slice(0, count)
}

/** The front page of an edition: lead, top stories, topic sections and page 1 of the river. */
export function getFrontPage(locale: Locale): { front: FrontPage; page: Page<ArticleMeta> } | null {
  const page = getArticles(locale)
  if (!page) return null
  const front = selectFrontPage(edition(locale).articles, getTopTopics(locale, Infinity), { pageSize: siteConfig.pageSize, ...siteConfig.frontPage })
  return { front, page }
}

/** The edition's most used topic tags: the sections of the front page and of the phone menu. */
export function getTopTopics(locale: Locale, count: number = siteConfig.menuTopics): Term[] {
  return getTerms(locale, 'tags').slice(0, count)
}

export function getMenuPages(locale: Locale): ArticleMeta[] {
  return edition(locale).pages
}

/** Previous (older) and next (newer) article in the same edition. */
export function getAdjacentArticles(article: ArticleMeta): { previous: ArticleMeta | null; next: ArticleMeta | null } {
  const list = edition(article.edition).articles
  const index = list.indexOf(article)
  if (index < 0) return { previous: null, next: null }
  return { previous: list[index + 1] ?? null, next: list[index - 1] ?? null }
}

/** The same id in the other editions, when published there. */
export function getArticleTranslations(article: ArticleMeta): ArticleMeta[] {
  return locales
    .filter((locale) => locale !== article.edition)
    .flatMap((locale) => {
      const other = getArticle(locale, article.source, article.slug)
      return other ? [other] : []
    })
}

/** The related articles chosen at content build (lib/content/related.ts) that readers may see now. */
export function getRelatedArticles(article: ArticleMeta, count = 5): ArticleMeta[] {
  const byKey = edition(article.edition).byKey
  return article.related.flatMap((key) => byKey.get(key) ?? []).slice(0, count)
}

export type Taxonomy = 'tags' | 'categories'

export function getTerms(locale: Locale, taxonomy: Taxonomy): Term[] {
  return [...edition(locale)[taxonomy].values()]
    .map((group) => group.term)
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug))
}

function termGroup(locale: Locale, taxonomy: Taxonomy, slug: string) {
  return edition(locale)[taxonomy].get(slug.normalize('NFKC').toLowerCase())
}

export function getTermArticles(locale: Locale, taxonomy: Taxonomy, slug: string, page = 1): { term: Term; page: Page<ArticleMeta> } | null {
  const group = termGroup(locale, taxonomy, slug)
  const result = group && paginate(group.articles, page)
  return group && result ? { term: group.term, page: result } : null
}

/** The newest articles of an edition, for its feeds. */
export function getFeedArticles(locale: Locale, count = siteConfig.feedSize): ArticleMeta[] {
  return edition(locale).articles.slice(0, count)
}

/** The newest articles of a tag or category, for its feeds. */
export function getTermFeedArticles(locale: Locale, taxonomy: Taxonomy, slug: string, count = siteConfig.feedSize): { term: Term; articles: ArticleMeta[] } | null {
  const group = termGroup(locale, taxonomy, slug)
  return group ? { term: group.term, articles: group.articles.slice(0, count) } : null
}

/** Every published article and menu page of an edition, newest first: the sitemap. */
export function getAllPublished(locale: Locale): ArticleMeta[] {
  const index = edition(locale)
  return [...index.pages, ...index.articles]
}

/** Articles of every edition published at or after `since` (epoch ms), newest first. */
export function getArticlesPublishedSince(since: number): ArticleMeta[] {
  return locales
    .flatMap((locale) => edition(locale).articles.filter((a) => a.time >= since))
    .sort((a, b) => b.time - a.time)
}

/** Paths rendered at build time; everything else renders on first request and is cached. */
export function getPrerenderedArticles(locale: Locale): ArticleMeta[] {
  const index = edition(locale)
  return [...index.pages, ...index.articles.slice(0, siteConfig.prerenderArticles)]
}

/** An article's Markdown, read from its own generated file, never from a bundle. */
async function readBody(article: ArticleMeta): Promise<string> {
  const document = JSON.parse(await readFile(path.join(PROJECT_DIR, article.bodyFile), 'utf8')) as { body: { raw: string } }
  return stripControlCharacters(document.body.raw).text
}

/**
 * Bodies rendered lately are kept (state.bodies): an edition's three feeds carry the same newest
 * articles its pages show, and a body is rendered once for all of them while its Markdown and the
 * page's title and source stay the same (so an edited article renders again). Enough for every
 * edition's feed; the oldest goes first. A build's page generation also keeps them on disk for the
 * next generation on the same compile (lib/content/body-cache.ts).
 */
const RENDERED_BODIES_KEPT = 256

/** Rendered body of one article. */
export const getArticleBody = cache(async (article: ArticleMeta): Promise<RenderedBody> => {
  const markdown = await readBody(article)
  const options = { math: article.mathjax, title: article.title, sourceUrl: article.sourceUrl }
  const input = JSON.stringify(options) + markdown
  const kept = state.bodies.get(article.bodyFile)
  state.bodies.delete(article.bodyFile)
  const body = kept?.input === input ? kept.body : keptBody(input, () => renderMarkdown(markdown, options))
  state.bodies.set(article.bodyFile, { input, body })
  if (state.bodies.size > RENDERED_BODIES_KEPT) state.bodies.delete(state.bodies.keys().next().value as string)
  // A failed render is not kept: the next request tries again (and reports its own error).
  if (body !== kept?.body) body.catch(() => state.bodies.get(article.bodyFile)?.body === body && state.bodies.delete(article.bodyFile))
  return body
})

/** What the search index holds of one article: its catalog entry and its plain text. */
export interface SearchDocument {
  article: ArticleMeta
  /** Plain text of the body (Markdown and HTML stripped). */
  text: string
}

/**
 * The articles the search index may hold, newest first: published ones (never the repeats of a
 * story), or everything in a preview (the same switch as pages, so a preview deployment's index finds its drafts).
 */
export function selectSearchArticles(articles: ArticleMeta[], now: number, view: ContentView): ArticleMeta[] {
  return articles.filter((a) => !a.duplicateOf && isVisible(a, now, view)).sort((a, b) => b.time - a.time || a.key.localeCompare(b.key))
}

/** Every searchable article with its plain text, read from the current content build. */
export async function getSearchDocuments(view: ContentView, now = Date.now()): Promise<SearchDocument[]> {
  const articles = selectSearchArticles(loadCatalog(), now, view)
  const documents: SearchDocument[] = []
  const batch = 64
  for (let i = 0; i < articles.length; i += batch) {
    const slice = articles.slice(i, i + batch)
    const texts = await Promise.all(
      slice.map(async (article) => markdownToPlainText(await readBody(article))),
    )
    slice.forEach((article, j) => documents.push({ article, text: texts[j] ?? '' }))
  }
  return documents
}
