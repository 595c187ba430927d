/** Pure text helpers for derived article data: slugs, plain text, summaries, reading time. */

const HAN = /\p{Script=Han}/gu
const LATIN_WORD = /[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’-]*/gu
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g

/** Removes characters that YAML, XML and HTML forbid; reports how many were removed. */
export function stripControlCharacters(value: string): { text: string; removed: number } {
  let removed = 0
  const text = value.replace(CONTROL, () => {
    removed += 1
    return ''
  })
  return { text, removed }
}

/**
 * URL slug for a tag, category or source: lower case, Unicode letters kept (人工智能 stays
 * 人工智能), `+` kept (C++ → c++), separators and URL-reserved characters become `-`
 * (AI/ML → ai-ml, "The telegraph" → the-telegraph).
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s/\\?#%&=:;,.!'"`<>()[\]{}|^~*@$]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
}

/** Plain text of a Markdown body with raw HTML: good enough for teasers, counts and search. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\$\$?[^$]*\$\$?/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

export function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0
}

export function countLatinWords(text: string): number {
  return text.match(LATIN_WORD)?.length ?? 0
}

/** True when Han characters make up most of the letters: a Chinese text whatever its label. */
export function isMostlyHan(text: string): boolean {
  const han = countHan(text)
  return han > 0 && han >= countLatinWords(text) * 2
}

/** Minutes to read: Chinese ≈ 500 characters a minute, English ≈ 230 words a minute. */
export function readingMinutes(plainText: string): number {
  const minutes = countHan(plainText) / 500 + countLatinWords(plainText) / 230
  return Math.max(1, Math.round(minutes))
}

/**
 * The start of a text: at most `han` characters when it is Chinese, else `words` words, cut at a
 * word boundary, with an ellipsis when something was cut; the text itself when it fits.
 */
export function clipText(text: string, han: number, words: number): string {
  if (isMostlyHan(text)) {
    const chars = Array.from(text)
    return chars.length <= han ? text : `${chars.slice(0, han).join('').trimEnd()}…`
  }
  const list = text.split(/\s+/).filter(Boolean)
  return list.length <= words ? text : `${list.slice(0, words).join(' ')}…`
}

/** A teaser from plain text: about 120 characters of Chinese or 50 words of English (see clipText). */
export function deriveSummary(plainText: string): string {
  return clipText(isMostlyHan(plainText) ? plainText : plainText.split(/\s+/).filter(Boolean).join(' '), 120, 50)
}

/**
 * What a list shows of a summary. Lists clamp it to a few lines; feeds often give the whole story
 * as its summary, and all of it went into the page, twice (HTML and React's payload), and was
 * read out whole by screen readers. Cut well past what the widest clamp shows.
 */
export const listTeaser = (summary: string) => clipText(summary, 240, 100)
/** The front page's lead shows five lines. */
export const leadTeaser = (summary: string) => clipText(summary, 400, 160)

/**
 * Feeds that join paragraphs without a space give "industry.Ineos confirmed": a sentence end
 * glued to a capitalised word. Abbreviations and names (U.S.A, Node.js, ASP.NET) do not match.
 */
export function repairRunTogether(text: string): string {
  return text.replace(/(\p{Ll}{2}[.!?]["”’)]?)(\p{Lu}\p{Ll})/gu, '$1 $2')
}
