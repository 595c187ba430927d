import type { WidgetName } from '../config'
import type { Locale } from '@/i18n/routing'

export type SidebarPosition = 'right' | 'left' | false

/** One article as every page sees it: validated, with defaults applied and derived data. */
export interface ArticleMeta {
  /** Unique across the site: `<edition>/<source>/<slug>`. */
  key: string
  /** The id as written in the file name. */
  id: string
  /** Lower-case id, the last URL segment. */
  slug: string
  /** Lower-case source folder, the middle URL segment. */
  source: string
  edition: Locale
  /** Path inside the edition, e.g. `/news/qq/20250212a03tsr00` (no locale prefix). */
  path: string
  /** Source file, relative to the content root. */
  file: string
  /** Language of the text, for the `lang` attribute (detected when the label is wrong). */
  lang: string
  title: string
  /** Publication time, ISO 8601 with the site's offset. */
  date: string
  /** Publication time in epoch milliseconds, for sorting and scheduling. */
  time: number
  lastmod: string | null
  draft: boolean
  summary: string
  categories: string[]
  tags: string[]
  translations: string[]
  menu: string
  thumbnail: string | null
  lead: string
  comments: boolean
  authorbox: boolean
  author: string | null
  pager: boolean
  toc: boolean
  mathjax: boolean
  sidebar: SidebarPosition
  widgets: WidgetName[] | null
  readingMinutes: number
  /** Link to the original story: the body's closing `[source](url)` line, as importers write it. */
  sourceUrl: string | null
  /** Contentlayer's JSON for this document (body included), relative to the project. */
  bodyFile: string
}

/** An article as the front-matter normaliser makes it, before the build knows where its body is. */
export type NormalizedArticle = Omit<ArticleMeta, 'bodyFile'>

export interface ContentProblem {
  file: string
  field: string
  message: string
}

/** What one content build produced: the catalog plus every repair and skip, for the report. */
export interface ContentReport {
  read: number
  published: number
  unpublished: number
  skipped: number
  warnings: ContentProblem[]
  errors: ContentProblem[]
}
