/**
 * Display names of the news sources (data/sources.yaml). URLs keep the source's slug
 * (`/categories/sina_us_stock`); readers see its name in their edition (新浪美股).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { locales, type Locale } from '@/i18n/routing'
import { slugify } from './text'

export const SOURCES_FILE = path.join('data', 'sources.yaml')

export interface SourceEntry {
  names: Record<Locale, string>
  /** Hosts its stories link to (`technews.tw` covers `finance.technews.tw`); empty when not listed. */
  hosts: string[]
}

/** Slug → names per edition and hosts. */
export type SourceNames = Map<string, SourceEntry>

/** When an entry leaves an edition out, the nearest one names it: Hong Kong reads Taiwan's name, and so on. */
const FALLBACK: Record<Locale, Locale[]> = {
  'zh-CN': ['zh-CN', 'zh-TW', 'zh-HK', 'en'],
  en: ['en', 'zh-CN', 'zh-TW', 'zh-HK'],
  'zh-TW': ['zh-TW', 'zh-HK', 'zh-CN', 'en'],
  'zh-HK': ['zh-HK', 'zh-TW', 'zh-CN', 'en'],
}

/**
 * Reads data/sources.yaml: `slug: Name` (one name everywhere) or `slug: { zh-CN: …, en: …,
 * zh-TW: …, zh-HK: …, hosts: [example.com] }` (editions left out take the nearest edition's name).
 */
export function parseSourceNames(text: string, file = SOURCES_FILE): SourceNames {
  const data = parseYaml(text) as Record<string, unknown> | null
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected a mapping of source slugs to names`)
  const names: SourceNames = new Map()
  for (const [key, value] of Object.entries(data)) {
    const slug = slugify(key)
    if (slug !== key) throw new Error(`${file}: "${key}" is not a source slug (write it as "${slug}")`)
    const given: Partial<Record<Locale, string>> = typeof value === 'string' ? Object.fromEntries(locales.map((l) => [l, value])) : {}
    let hosts: string[] = []
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [edition, name] of Object.entries(value)) {
        if (edition === 'hosts') {
          if (!Array.isArray(name) || name.some((h) => typeof h !== 'string' || !h)) throw new Error(`${file}: ${key}.hosts must be a list of host names`)
          hosts = (name as string[]).map((h) => h.toLowerCase())
          continue
        }
        if (!locales.includes(edition as Locale) || typeof name !== 'string' || !name.trim()) throw new Error(`${file}: ${key}.${edition} must be an edition (${locales.join(', ')}) with a name`)
        given[edition as Locale] = name.trim()
      }
    }
    if (Object.keys(given).length === 0) throw new Error(`${file}: ${key} needs a name`)
    names.set(slug, { names: Object.fromEntries(locales.map((l) => [l, FALLBACK[l].map((e) => given[e]).find(Boolean)!])) as Record<Locale, string>, hosts })
  }
  return names
}

export function loadSourceNames(projectDir: string): SourceNames {
  return parseSourceNames(readFileSync(path.join(projectDir, SOURCES_FILE), 'utf8'))
}

/** The source's name in an edition, or null when data/sources.yaml does not know it. */
export function sourceName(names: SourceNames, source: string, edition: Locale): string | null {
  return names.get(slugify(source))?.names[edition] ?? null
}

function linksTo(entry: SourceEntry | undefined, host: string): boolean {
  return !!entry && entry.hosts.some((h) => host === h || host.endsWith(`.${h}`))
}

/**
 * The source an article really comes from. Old imports filed whole feeds under another feed's
 * name (technews stories as `cmcmarkets`, udn's as `forbes`): when the category's listed hosts do
 * not include the story's link and its folder's do, the folder is the source.
 */
export function trueSource(names: SourceNames, category: string, folder: string, link: string | null): string {
  let host: string
  try {
    host = link ? new URL(link).hostname.toLowerCase() : ''
  } catch {
    return category
  }
  const claimed = names.get(slugify(category))
  if (!host || !claimed?.hosts.length || linksTo(claimed, host)) return category
  return linksTo(names.get(slugify(folder)), host) ? folder : category
}
