/**
 * Which edition an article belongs to. Its folder says one thing, its text sometimes another
 * (technews and udn wrote traditional Chinese under `en/`, English stories sit under `zh-HK/`):
 * the text decides, with the importer's own detector so that import and build never disagree,
 * and an editor's `edition` pin overrides both.
 */
import { CONTENT_FOLDERS, localeForContentFolder, type Locale } from '@/i18n/routing'
import { decideLanguage, type Script } from '@/lib/import/language'

export interface Placement {
  edition: Locale
  /** What the text is written in, or `pinned` when the front matter decided. */
  detected: Script | 'pinned'
}

export function placeArticle(input: { folder: string; text: string; source: string; link: string | null; pin: Locale | null }): Placement | null {
  const { folder, text, source, link, pin } = input
  if (pin) return { edition: pin, detected: 'pinned' }
  const label = CONTENT_FOLDERS.find((f) => f.toLowerCase() === folder.toLowerCase())
  if (!label) return null
  const decision = decideLanguage({ label, text, source, link, trustLabel: false })
  const edition = localeForContentFolder(decision.folder)
  return edition ? { edition, detected: decision.script } : null
}

