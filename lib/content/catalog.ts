/**
 * Build side of the content layer: runs once per Contentlayer build (its `onSuccess` hook) and
 * writes the small catalog that pages query, plus a report of every repair and skip.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { normalizeArticle } from './front-matter'
import type { ArticleMeta, ContentProblem, ContentReport } from './types'

export const CATALOG_FILE = 'catalog.json'
export const REPORT_FILE = 'report.json'

export interface SourceDocument {
  _raw: { sourceFilePath: string }
  body: { raw: string }
  [field: string]: unknown
}

const INTERNAL_FIELDS = new Set(['_id', '_raw', 'type', 'body'])

export function buildCatalog(
  documents: SourceDocument[],
  skippedByParser: ContentProblem[],
  timeZone: string,
  now: number,
): { articles: ArticleMeta[]; report: ContentReport } {
  const warnings: ContentProblem[] = []
  const errors: ContentProblem[] = [...skippedByParser]
  const byKey = new Map<string, ArticleMeta>()
  const ordered = [...documents].sort((a, b) => a._raw.sourceFilePath.localeCompare(b._raw.sourceFilePath))
  for (const doc of ordered) {
    const fields = Object.fromEntries(Object.entries(doc).filter(([key]) => !INTERNAL_FIELDS.has(key)))
    const result = normalizeArticle({ file: doc._raw.sourceFilePath, fields, body: doc.body.raw }, timeZone)
    warnings.push(...result.warnings)
    errors.push(...result.errors)
    if (!result.article) continue
    const existing = byKey.get(result.article.key)
    if (existing) {
      errors.push({ file: result.article.file, field: 'path', message: `same edition, source and id as ${existing.file}` })
      continue
    }
    byKey.set(result.article.key, result.article)
  }
  const articles = [...byKey.values()].sort((a, b) => b.time - a.time || a.key.localeCompare(b.key))
  const unpublished = articles.filter((a) => a.draft || a.time > now).length
  return {
    articles,
    report: {
      read: documents.length + skippedByParser.length,
      published: articles.length - unpublished,
      unpublished,
      skipped: documents.length + skippedByParser.length - articles.length,
      warnings,
      errors,
    },
  }
}

/** Markdown files under the content root, relative, with forward slashes. */
export async function listContentFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/** Why Contentlayer could not read a file it skipped (usually broken YAML). */
export async function explainUnparsed(root: string, file: string): Promise<ContentProblem> {
  const text = await readFile(path.join(root, file), 'utf8')
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  if (!match) return { file, field: 'front matter', message: 'no front matter block (--- … ---)' }
  try {
    parseYaml(match[1] ?? '')
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { file, field: 'front matter', message: `invalid YAML: ${message}` }
  }
  return { file, field: 'front matter', message: 'rejected by Contentlayer (see its message above)' }
}

export function formatReport(report: ContentReport, limit = 40): string {
  const lines = [
    `content: read ${report.read}, published ${report.published}, unpublished ${report.unpublished} (drafts/scheduled), skipped ${report.skipped}; ${report.warnings.length} repair warning(s), ${report.errors.length} error(s)`,
  ]
  const show = (label: string, problems: ContentProblem[]) => {
    for (const p of problems.slice(0, limit)) lines.push(`  ${label} ${p.file} [${p.field}] ${p.message}`)
    if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more ${label}s in .contentlayer/generated/${REPORT_FILE}`)
  }
  show('error', report.errors)
  show('warning', report.warnings)
  return lines.join('\n')
}

export interface ContentBuildOptions {
  documents: SourceDocument[]
  contentDir: string
  outDir: string
  timeZone: string
  strict: boolean
  now: number
  log?: (message: string) => void
}

/**
 * The whole post-Contentlayer step: explain the files Contentlayer could not parse, build and
 * write the catalog and report, print the report. Returns the exit code: 1 in strict mode when
 * anything had to be repaired or skipped.
 */
export async function finishContentBuild(options: ContentBuildOptions): Promise<{ exitCode: number; report: ContentReport }> {
  const { documents, contentDir, outDir, timeZone, strict, now, log = console.log } = options
  const parsed = new Set(documents.map((doc) => doc._raw.sourceFilePath))
  const files = await listContentFiles(contentDir)
  const unparsed = await Promise.all(files.filter((f) => !parsed.has(f)).map((f) => explainUnparsed(contentDir, f)))
  const { articles, report } = buildCatalog(documents, unparsed, timeZone, now)
  await writeFile(path.join(outDir, CATALOG_FILE), JSON.stringify(articles))
  await writeFile(path.join(outDir, REPORT_FILE), JSON.stringify(report, null, 2))
  log(formatReport(report))
  const problems = report.errors.length + report.warnings.length
  if (strict && problems > 0) {
    log(`CONTENT_STRICT: ${problems} problem(s) in content; failing the build.`)
    return { exitCode: 1, report }
  }
  return { exitCode: 0, report }
}
