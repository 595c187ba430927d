/**
 * Build side of the content layer. Contentlayer reads the files in shards (see
 * scripts/content-build.mjs); each shard's `onSuccess` hook normalises its documents
 * (`normalizeDocuments`), and one merge step (`finishContentBuild`) writes the small catalog that
 * pages query plus a report of every repair and skip.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { normalizeArticle } from './front-matter'
import type { ArticleMeta, ContentProblem, ContentReport } from './types'

/** Where the merged catalog and report live, relative to the project. */
export const CATALOG_PATH = path.join('.contentlayer', 'catalog.json')
export const REPORT_PATH = path.join('.contentlayer', 'report.json')
/** What one shard's hook leaves for the merge, next to Contentlayer's own output. */
export const SHARD_RESULT_FILE = 'shard.json'

export interface SourceDocument {
  _raw: { sourceFilePath: string }
  body: { raw: string }
  [field: string]: unknown
}

/** One shard's normalised articles and problems, and the files Contentlayer parsed. */
export interface ShardResult {
  files: string[]
  articles: ArticleMeta[]
  warnings: ContentProblem[]
  errors: ContentProblem[]
}

const INTERNAL_FIELDS = new Set(['_id', '_raw', 'type', 'body'])

/** Normalises parsed documents; `bodyFileOf` names the file each body can be read from later. */
export function normalizeDocuments(documents: SourceDocument[], timeZone: string, bodyFileOf: (sourceFilePath: string) => string): ShardResult {
  const result: ShardResult = { files: [], articles: [], warnings: [], errors: [] }
  for (const doc of documents) {
    const file = doc._raw.sourceFilePath
    result.files.push(file)
    const fields = Object.fromEntries(Object.entries(doc).filter(([key]) => !INTERNAL_FIELDS.has(key)))
    const normalized = normalizeArticle({ file, fields, body: doc.body.raw }, timeZone)
    result.warnings.push(...normalized.warnings)
    result.errors.push(...normalized.errors)
    if (normalized.article) result.articles.push({ ...normalized.article, bodyFile: bodyFileOf(file) })
  }
  return result
}

/** Merges shards: one article per edition, source and id; newest first; counts for the report. */
export function mergeCatalog(shards: ShardResult[], unparsed: ContentProblem[], now: number): { articles: ArticleMeta[]; report: ContentReport } {
  const byFile = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file)
  const warnings = shards.flatMap((s) => s.warnings).sort(byFile)
  const errors: ContentProblem[] = [...unparsed, ...shards.flatMap((s) => s.errors)]
  const byKey = new Map<string, ArticleMeta>()
  for (const article of shards.flatMap((s) => s.articles).sort(byFile)) {
    const existing = byKey.get(article.key)
    if (existing) {
      errors.push({ file: article.file, field: 'path', message: `same edition, source and id as ${existing.file}` })
      continue
    }
    byKey.set(article.key, article)
  }
  errors.sort(byFile)
  const articles = [...byKey.values()].sort((a, b) => b.time - a.time || a.key.localeCompare(b.key))
  const read = shards.reduce((n, s) => n + s.files.length, 0) + unparsed.length
  const unpublished = articles.filter((a) => a.draft || a.time > now).length
  return {
    articles,
    report: { read, published: articles.length - unpublished, unpublished, skipped: read - articles.length, warnings, errors },
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
    if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more ${label}s in ${REPORT_PATH}`)
  }
  show('error', report.errors)
  show('warning', report.warnings)
  return lines.join('\n')
}

export interface ContentBuildOptions {
  shards: ShardResult[]
  contentDir: string
  /** Project folder: the catalog and report go to `.contentlayer/` in it. */
  projectDir: string
  strict: boolean
  now: number
  log?: (message: string) => void
}

/**
 * The merge step: explain the files no shard parsed, merge, write the catalog and report, print
 * the report. Returns the exit code: 1 in strict mode when anything was repaired or skipped.
 */
export async function finishContentBuild(options: ContentBuildOptions): Promise<{ exitCode: number; report: ContentReport; articles: ArticleMeta[] }> {
  const { shards, contentDir, projectDir, strict, now, log = console.log } = options
  const parsed = new Set(shards.flatMap((s) => s.files))
  const files = await listContentFiles(contentDir)
  const unparsed = await Promise.all(files.filter((f) => !parsed.has(f)).map((f) => explainUnparsed(contentDir, f)))
  const { articles, report } = mergeCatalog(shards, unparsed, now)
  await writeFile(path.join(projectDir, CATALOG_PATH), JSON.stringify(articles))
  await writeFile(path.join(projectDir, REPORT_PATH), JSON.stringify(report, null, 2))
  log(formatReport(report))
  const problems = report.errors.length + report.warnings.length
  if (strict && problems > 0) {
    log(`CONTENT_STRICT: ${problems} problem(s) in content; failing the build.`)
    return { exitCode: 1, report, articles }
  }
  return { exitCode: 0, report, articles }
}
