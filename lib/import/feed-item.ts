/**
 * One feed item → one article: validation (with the reason it was refused), file name, front
 * matter, Markdown body and summary. Pure: no I/O, no clock.
 */
import { createHash } from 'node:crypto'
import { parseContentDate, toZonedIso } from '@/lib/content/dates'
import { isMostlyHan, slugify, stripControlCharacters } from '@/lib/content/text'
import { titleKey } from '@/lib/content/stories'
import type { ArticleFrontMatter } from './front-matter-writer'
import { htmlToMarkdown, htmlToText, safeUrl } from './html-to-markdown'
import { decideLanguage, folderForLabel, type ContentFolder, type Script } from './language'

/** An item as the feeds carry it; every field may be missing or of the wrong type. */
export interface FeedItem {
  id?: unknown
  title?: unknown
  description?: unknown
  pub_date?: unknown
  source?: unknown
  link?: unknown
  image?: unknown
  language?: unknown
  author?: unknown
  kind?: unknown
}

export interface ImportedArticle {
  id: string
  /** The source as the feed names it ("The telegraph"): categories and tags. */
  source: string
  /** The source as a folder name ("the-telegraph"). */
  sourceFolder: string
  folder: ContentFolder
  /** The folder the item's label asked for, when the text contradicted it. */
  correctedFrom: ContentFolder | null
  script: Script
  /** `<lang>/news/<source>/<id>.<lang>.md`, relative to the content root. */
  path: string
  time: number
  /** Title folded for duplicate detection: NFKC, lower case, simplified, letters and digits only. */
  titleKey: string
  frontMatter: ArticleFrontMatter
  body: string
}

export type ItemResult = { kind: 'not-news' } | { kind: 'invalid'; id: string | null; reason: string } | { kind: 'article'; article: ImportedArticle }

export interface ItemContext {
  timeZone: string
  trustLanguage: boolean
  /** Folder name used when an item has no source: the feed file's name. */
  fallbackSource: string
}

/** Longest id and source folder name kept in a file name (the rest is replaced by a hash). */
export const MAX_ID_LENGTH = 80
export const MAX_SOURCE_LENGTH = 60

/** The front-matter values every imported article shares (as the seed article has them). */
const FIXED = {
  menu: '',
  lead: '',
  comments: false,
  authorbox: false,
  pager: true,
  toc: false,
  mathjax: false,
  sidebar: 'right',
  widgets: ['search', 'recent', 'taglist'],
} as const satisfies Partial<ArticleFrontMatter>

const md5 = (text: string) => createHash('md5').update(text).digest('hex')

/** Item ids without one: md5 of title + pub_date as the feed spells them (what the old importer used). */
export function fallbackId(title: string, pubDate: string): string {
  return md5(`${title}${pubDate}`)
}

function bounded(value: string, max: number): string {
  if (value.length <= max) return value
  return `${value.slice(0, max - 9).replace(/-+$/, '')}-${md5(value).slice(0, 8)}`
}

/**
 * An id that is safe as a file name: letters, digits, `_` and `-` only (no `/`, `..`, control or
 * reserved characters), at most MAX_ID_LENGTH characters; case is kept, as Hugo kept it.
 */
export function safeId(raw: string): string {
  const cleaned = stripControlCharacters(raw.normalize('NFKC'))
    .text.replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return bounded(cleaned, MAX_ID_LENGTH)
}

/** A source as a folder name: the site's slug (lower case, `The telegraph` → `the-telegraph`), bounded. */
export function safeSourceFolder(source: string): string {
  const slug = slugify(stripControlCharacters(source).text)
    .replace(/[^\p{L}\p{N}+_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return bounded(slug, MAX_SOURCE_LENGTH)
}

const cleanLine = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? htmlToText(stripControlCharacters(String(value)).text) : '')

/** Dates the feeds write: site-zone wall clock, ISO 8601 (with a space or a T), RFC 2822, epoch numbers. */
export function parsePubDate(value: unknown, timeZone: string): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value < 1e12 ? value * 1000 : value
  if (typeof value !== 'string') return null
  const spaced = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(value.trim())
  return parseContentDate(spaced ? `${spaced[1]}T${spaced[2]}${spaced[3]}` : value, timeZone)
}

/** `YYYY-MM-DD HH:MM:SS` in the site time zone: the same instant, as the site reads it back. */
export function formatSiteDate(time: number, timeZone: string): string {
  return toZonedIso(time, timeZone).slice(0, 19).replace('T', ' ')
}

/** Target lengths of a summary: about 80 Chinese characters, about 50 English words. */
export const SUMMARY_HAN_CHARS = 80
export const SUMMARY_WORDS = 50

const HAN_SENTENCE = /[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)/gu
/** Abbreviations whose full stop does not end a sentence ("Aug. 13", "Mr. Singh", "U.S. banks", "J. Smith"). */
const ABBREVIATION = String.raw`(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|No|vs|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|e\.g|i\.e|\p{Lu})\.)`
const LATIN_SENTENCE_END = new RegExp(String.raw`(?<=[.!?]["'’”)\]]*)${ABBREVIATION}\s+(?=["'‘“([]?[\p{Lu}\p{N}])`, 'u')
const SENTENCE_END = /[。！？!?.…]["'’”」』）)]*$/u
const HAN_CLAUSE = /[，、；：,;:]/gu

/**
 * The leading sentences of the body, whole, up to SUMMARY_HAN_CHARS characters (Chinese) or
 * SUMMARY_WORDS words (English), a quarter more when the sentences so far fill less than half of
 * that; a first sentence that is already too long is cut at a clause boundary (or the limit) and
 * marked with an ellipsis.
 */
export function leadSummary(paragraphs: string[]): string {
  const all = paragraphs.join(' ')
  const han = isMostlyHan(all)
  const size = (text: string) => (han ? Array.from(text).length : text.split(/\s+/).filter(Boolean).length)
  // Bylines, datelines and captions ("本报记者 杨 迅") come first and are not sentences.
  const start = paragraphs.findIndex((p) => SENTENCE_END.test(p) || size(p) >= (han ? 30 : 12))
  const sentences = paragraphs.slice(Math.max(0, start)).flatMap((p) => (han ? (p.match(HAN_SENTENCE) ?? []) : p.split(LATIN_SENTENCE_END)).map((s) => s.trim()).filter(Boolean))
  const limit = han ? SUMMARY_HAN_CHARS : SUMMARY_WORDS
  const join = (a: string, b: string) => (!a ? b : han && /[\p{P}]$/u.test(a) && !/[.!?]$/.test(a) ? `${a}${b}` : `${a} ${b}`)
  let summary = ''
  for (const sentence of sentences) {
    const next = join(summary, sentence)
    // Past the target only to save a summary that would otherwise be too short.
    if (size(next) > limit && (size(summary) >= limit / 2 || size(next) > limit * 1.25)) break
    summary = next
  }
  if (summary || sentences.length === 0) return summary
  const first = sentences[0] as string
  if (han) {
    const chars = Array.from(first).slice(0, limit)
    const text = chars.join('')
    const clause = [...text.matchAll(HAN_CLAUSE)]
      .map((m) => m.index + m[0].length)
      .filter((i) => i >= text.length / 2)
      .pop()
    return `${(clause ? text.slice(0, clause - 1) : text).trimEnd()}…`
  }
  const words = first.split(/\s+/).filter(Boolean).slice(0, limit)
  const clause = words.findLastIndex((w, i) => i >= limit / 2 && /[,;:]$/.test(w))
  const kept = clause >= 0 ? words.slice(0, clause + 1) : words
  return `${kept.join(' ').replace(/[,;:]$/, '')}…`
}

/** A Markdown line the site reads as the original story's link (lib/content/front-matter.ts findSourceUrl). */
export function sourceLine(label: string, url: string): string {
  const text = label.replace(/[[\]<>\n\r]/g, '').trim() || new URL(url).hostname
  return `[${text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`
}

/**
 * The id and source an item will be filed under, known before any conversion: enough to tell that
 * it was imported before. Null when the item is not an object.
 */
export function itemIdentity(raw: unknown, fallbackSource: string): { id: string; source: string } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const item = raw as FeedItem
  const rawTitle = typeof item.title === 'string' || typeof item.title === 'number' ? String(item.title) : ''
  const rawDate = typeof item.pub_date === 'string' || typeof item.pub_date === 'number' ? String(item.pub_date) : ''
  const givenId = typeof item.id === 'string' || typeof item.id === 'number' ? safeId(String(item.id)) : ''
  return { id: givenId || fallbackId(rawTitle, rawDate), source: cleanLine(item.source) || fallbackSource }
}

export function isNews(raw: unknown): boolean {
  const kind = typeof raw === 'object' && raw !== null ? (raw as FeedItem).kind : undefined
  return kind !== 2 && kind !== '2'
}

export function mapFeedItem(raw: unknown, context: ItemContext): ItemResult {
  const identity = itemIdentity(raw, context.fallbackSource)
  if (!identity) return { kind: 'invalid', id: null, reason: 'not an object' }
  if (!isNews(raw)) return { kind: 'not-news' }
  const item = raw as FeedItem
  const { id, source } = identity
  const rawDate = typeof item.pub_date === 'string' || typeof item.pub_date === 'number' ? String(item.pub_date) : ''
  const invalid = (reason: string): ItemResult => ({ kind: 'invalid', id, reason })

  const title = cleanLine(item.title)
  if (!title) return invalid('no title')
  const label = typeof item.language === 'string' ? item.language.trim() : ''
  if (!label) return invalid('no language')
  const labelFolder = folderForLabel(label)
  if (!labelFolder) return invalid(`unsupported language "${label}"`)
  if (!rawDate.trim()) return invalid('no pub_date')
  const time = parsePubDate(item.pub_date, context.timeZone)
  if (time === null) return invalid(`unparseable pub_date "${rawDate}"`)

  const link = safeUrl(item.link, null)
  const html = typeof item.description === 'string' ? item.description : ''
  const converted = htmlToMarkdown(html, link)
  if (!converted.text && converted.images === 0) return invalid('empty body after conversion')

  const sourceFolder = safeSourceFolder(source) || safeSourceFolder(context.fallbackSource) || 'feed'
  const language = decideLanguage({ label: labelFolder, text: `${title} ${converted.text}`, source, link, trustLabel: context.trustLanguage })
  const folder = language.folder
  const author = cleanLine(item.author)
  const frontMatter: ArticleFrontMatter = {
    title,
    date: formatSiteDate(time, context.timeZone),
    summary: leadSummary(converted.paragraphs.length > 0 ? converted.paragraphs : [converted.text]),
    categories: [source],
    lang: [folder],
    translations: [folder],
    tags: [source],
    menu: FIXED.menu,
    thumbnail: (typeof item.image === 'string' && safeUrl(item.image, link)) || '',
    lead: FIXED.lead,
    comments: FIXED.comments,
    authorbox: FIXED.authorbox,
    ...(author ? { author } : {}),
    pager: FIXED.pager,
    toc: FIXED.toc,
    mathjax: FIXED.mathjax,
    sidebar: FIXED.sidebar,
    widgets: [...FIXED.widgets],
  }
  const body = link ? `${converted.markdown}\n\n${sourceLine(source, link)}` : converted.markdown
  return {
    kind: 'article',
    article: {
      id,
      source,
      sourceFolder,
      folder,
      correctedFrom: language.correctedFrom,
      script: language.script,
      path: `${folder}/news/${sourceFolder}/${id}.${folder}.md`,
      time,
      titleKey: titleKey(title),
      frontMatter,
      body,
    },
  }
}
