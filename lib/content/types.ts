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
  /** Display name of the article's source in its edition (its slug while the source has no name). */
  sourceName: string
  /** The categories (sources) as links: slug for the URL, name for the reader. */
  categoryTerms: TermRef[]
  /** Topic tags shown to readers: the editor's tags first, then topics found in the text. */
  topics: TermRef[]
  /** Keys of related articles in the same edition, best first (chosen at content build). */
  related: string[]
  /** The edition of its folder, when its text placed it in another one: the old URL redirects here. */
  movedFrom: Locale | null
  /** Key of the canonical article of the same story: this one is left out and its URL redirects there. */
  duplicateOf: string | null
}

/** A tag or category as a link: URL slug and the name readers see. */
export interface TermRef {
  slug: string
  name: string
}

/** Fields the merge step fills in, once every shard is read. */
type MergedFields = 'sourceName' | 'categoryTerms' | 'related' | 'duplicateOf'

/** An article as a shard leaves it for the merge. */
export type ShardArticle = Omit<ArticleMeta, MergedFields>

/** An article as the front-matter normaliser makes it, before the build knows its body file and topics. */
export type NormalizedArticle = Omit<ShardArticle, 'bodyFile' | 'topics'>

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
  editorial: EditorialReport
}

/** An article whose text placed it in another edition than its folder's, or an editor's pin. */
export interface EditionMove {
  file: string
  /** The edition of its folder. */
  labelled: Locale
  /** What the text is written in (the importer's detector), or `pinned`. */
  detected: string
  edition: Locale
}

/** One story published more than once: the canonical file and the files folded into it. */
export interface DuplicateGroup {
  edition: Locale
  title: string
  canonical: string
  folded: string[]
}

/** What the editorial steps of the content build did, and what each cost. */
export interface EditorialReport {
  /** Every article placed in another edition than its folder's (detected or pinned). */
  moves: EditionMove[]
  /** Counts per `from → to` pair. */
  movesByPair: Record<string, number>
  /** Source slugs with no display name in data/sources.yaml, with their article counts. */
  unnamedSources: Record<string, number>
  /** Categories that named another feed than the story's link (`cmcmarkets → technews`), with counts. */
  sourcesCorrected: Record<string, number>
  /** Version of data/topics.yaml the topics were derived with. */
  topicsVersion: number
  /** Per edition: listed articles, those with at least one topic, and the share. */
  topicCoverage: Record<string, { articles: number; withTopics: number; share: number }>
  duplicates: DuplicateGroup[]
  /** Articles left out as repeats of a canonical one. */
  folded: number
  /** Summaries whose run-together sentences ("industry.Ineos") were separated. */
  summariesRepaired: number
  /** Milliseconds per step; shard steps summed over shards. */
  timings: Record<string, number>
}
