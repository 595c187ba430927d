import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { SourceDocument } from '@/lib/content/catalog'
import { loadSourceNames } from '@/lib/content/sources'
import { compileTopics, loadTopicList } from '@/lib/content/topics'

const PROJECT = path.resolve(import.meta.dirname, '..')
/** The site's own topic list and source names (data/), as the content build reads them. */
export const topics = compileTopics(loadTopicList(PROJECT))
export const sources = loadSourceNames(PROJECT)

/** Parses a Markdown file the way Contentlayer does (YAML 1.2 front matter, no date types). */
export function parseDocument(root: string, file: string): SourceDocument | null {
  const text = readFileSync(path.join(root, file), 'utf8')
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text)
  if (!match) return null
  try {
    const fields = (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>
    return { ...fields, _raw: { sourceFilePath: file }, body: { raw: match[2] ?? '' } }
  } catch {
    return null
  }
}

/** Writes files into a fresh temporary content root. */
export function makeContentRoot(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'content-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  return root
}

export function article(frontMatter: string, body = '正文。'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}\n`
}
