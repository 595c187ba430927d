/**
 * Feed language labels → content folders, and a check of the label against the text itself: real
 * feeds label traditional-Chinese stories `en` (technews, udn), and English ones `zh-HK`.
 * Pure: no I/O.
 */
import { CONTENT_FOLDERS, localeForContentFolder, type ContentFolder } from '@/i18n/routing'
import { countHan, countLatinWords, isMostlyHan } from '@/lib/content/text'
import { t2sMap } from '@/lib/search/encoder'

export type { ContentFolder }

/** Feed labels that are not already a folder name, lower-cased, `_` read as `-`. */
const LABEL_ALIASES: Record<string, ContentFolder> = {
  zh: 'zh-CN',
  cn: 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-hans-cn': 'zh-CN',
  'zh-sg': 'zh-CN',
  'zh-hant': 'zh-TW',
  'zh-hant-tw': 'zh-TW',
  tw: 'zh-TW',
  'zh-hant-hk': 'zh-HK',
  'zh-mo': 'zh-HK',
  hk: 'zh-HK',
  english: 'en',
  'en-gb': 'en',
  'en-au': 'en',
  'en-ca': 'en',
  'en-in': 'en',
  'en-sg': 'en',
}

/** The content folder for a feed's language label, or null when the site has no such edition. */
export function folderForLabel(label: string): ContentFolder | null {
  const key = label.trim().toLowerCase().replace(/_/g, '-')
  const folder = CONTENT_FOLDERS.find((f) => f.toLowerCase() === key) ?? LABEL_ALIASES[key] ?? null
  return folder && localeForContentFolder(folder) ? folder : null
}

/**
 * Sources whose traditional-Chinese stories belong to the Hong Kong edition. Everything else in
 * traditional characters goes to zh-TW, unless its link is on a `.hk` domain.
 */
export const HONG_KONG_SOURCES: readonly string[] = ['hk01', 'mingpao', 'hkej', 'stheadline', 'orangenews', 'dotdotnews', 'now', 'rthk']

/** Traditional-Chinese edition of a story: zh-HK for Hong Kong sources and `.hk` links, else zh-TW. */
export function traditionalFolder(source: string, link: string | null): ContentFolder {
  if (HONG_KONG_SOURCES.includes(source.trim().toLowerCase())) return 'zh-HK'
  let host = ''
  try {
    host = link ? new URL(link).hostname.toLowerCase() : ''
  } catch {
    host = ''
  }
  return host.endsWith('.hk') ? 'zh-HK' : 'zh-TW'
}

/** What the text is written in; `han` when Chinese but the characters do not tell which script. */
export type Script = 'latin' | 'traditional' | 'simplified' | 'han' | 'unknown'

let scriptSets: { traditional: Set<string>; simplified: Set<string> } | null = null

/**
 * Characters only traditional text uses (a traditional form that is never a simplified one, 國)
 * and only simplified text uses (国). Some simplified forms are also standard traditional
 * characters (台, 后, 里), so traditional text scores a few "simplified" hits, never the reverse.
 */
function sets() {
  if (scriptSets) return scriptSets
  const map = t2sMap()
  const from = new Set(map.keys())
  const to = new Set(map.values())
  scriptSets = {
    traditional: new Set([...from].filter((c) => !to.has(c))),
    simplified: new Set([...to].filter((c) => !from.has(c))),
  }
  return scriptSets
}

/** The first few thousand characters decide; an article does not change script halfway. */
const SAMPLE = 4000

export function detectScript(text: string): Script {
  const sample = text.slice(0, SAMPLE)
  if (isMostlyHan(sample)) {
    const { traditional, simplified } = sets()
    let t = 0
    let s = 0
    for (const char of sample) {
      if (traditional.has(char)) t += 1
      else if (simplified.has(char)) s += 1
    }
    if (t > s) return 'traditional'
    if (s > t) return 'simplified'
    return 'han'
  }
  const words = countLatinWords(sample)
  // A handful of Han characters (a company's Chinese name) do not make English text Chinese.
  return words >= 3 && countHan(sample) * 4 <= words ? 'latin' : 'unknown'
}

export interface LanguageDecision {
  folder: ContentFolder
  /** Set when the text contradicted the label and the folder was changed. */
  correctedFrom: ContentFolder | null
  script: Script
}

/**
 * The folder an item is written to. The label wins unless the text contradicts it:
 * traditional Chinese → the label when it is zh-TW/zh-HK, else `traditionalFolder`;
 * simplified Chinese (or Chinese of undecidable script labelled non-Chinese) → zh-CN;
 * English labelled Chinese → en. Mixed or too short texts keep the label.
 */
export function decideLanguage(input: { label: ContentFolder; text: string; source: string; link: string | null; trustLabel: boolean }): LanguageDecision {
  const { label, text, source, link, trustLabel } = input
  const script = detectScript(text)
  const keep = { folder: label, correctedFrom: null, script }
  if (trustLabel) return keep
  const chineseLabel = label.startsWith('zh')
  let folder: ContentFolder = label
  if (script === 'latin' && chineseLabel) folder = 'en'
  else if (script === 'traditional' && label !== 'zh-TW' && label !== 'zh-HK') folder = traditionalFolder(source, link)
  else if (script === 'simplified' && label !== 'zh-CN') folder = 'zh-CN'
  else if (script === 'han' && !chineseLabel) folder = 'zh-CN'
  return folder === label ? keep : { folder, correctedFrom: label, script }
}
