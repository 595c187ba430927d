/**
 * Writes an article file in the importer's front-matter layout (the seed article's fields, in its
 * order). Every string is double-quoted with YAML escapes, so quotes, backslashes, `---`, a
 * leading `@` or `:` and line breaks read back unchanged, and the characters YAML forbids
 * (C0/C1 controls such as U+008F, U+FFFE/U+FFFF, lone surrogates) are removed. Pure: no I/O.
 */
import { stripControlCharacters } from '@/lib/content/text'
import type { WidgetName } from '@/lib/config'

export interface ArticleFrontMatter {
  title: string
  /** `YYYY-MM-DD HH:MM:SS`, wall-clock time in the site time zone. */
  date: string
  summary: string
  categories: string[]
  lang: string[]
  translations: string[]
  tags: string[]
  menu: string
  thumbnail: string
  lead: string
  comments: boolean
  authorbox: boolean
  author?: string
  pager: boolean
  toc: boolean
  mathjax: boolean
  sidebar: 'right' | 'left' | false
  widgets: WidgetName[]
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u2028': '\\L',
  '\u2029': '\\P',
  '\uFEFF': '\\uFEFF',
}

/** A YAML double-quoted scalar that any YAML 1.1/1.2 parser reads back as `value` (minus forbidden characters). */
export function yamlString(value: string): string {
  const clean = stripControlCharacters(value.replace(LONE_SURROGATE, '')).text
  return `"${clean.replace(/[\\"\n\r\t\u2028\u2029\uFEFF]/g, (char) => ESCAPES[char] ?? char)}"`
}

function list(key: string, values: readonly string[]): string {
  return values.length === 0 ? `${key}: []` : [`${key}:`, ...values.map((v) => `  - ${yamlString(v)}`)].join('\n')
}

export function frontMatterLines(fm: ArticleFrontMatter): string[] {
  return [
    `title: ${yamlString(fm.title)}`,
    `date: ${yamlString(fm.date)}`,
    `summary: ${yamlString(fm.summary)}`,
    list('categories', fm.categories),
    list('lang', fm.lang),
    list('translations', fm.translations),
    list('tags', fm.tags),
    `menu: ${yamlString(fm.menu)}`,
    `thumbnail: ${yamlString(fm.thumbnail)}`,
    `lead: ${yamlString(fm.lead)}`,
    `comments: ${fm.comments}`,
    `authorbox: ${fm.authorbox}`,
    ...(fm.author ? [`author: ${yamlString(fm.author)}`] : []),
    `pager: ${fm.pager}`,
    `toc: ${fm.toc}`,
    `mathjax: ${fm.mathjax}`,
    `sidebar: ${fm.sidebar === false ? 'false' : yamlString(fm.sidebar)}`,
    list('widgets', fm.widgets),
  ]
}

/** The whole file: front matter, a blank line, the Markdown body, a final newline. */
export function serializeArticle(fm: ArticleFrontMatter, body: string): string {
  const cleanBody = stripControlCharacters(body.replace(LONE_SURROGATE, '')).text.trim()
  return `---\n${frontMatterLines(fm).join('\n')}\n---\n\n${cleanBody}\n`
}
