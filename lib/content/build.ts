/**
 * Build side of the content layer. Contentlayer reads the files in shards (see
 * scripts/content-build.ts); each shard's `onSuccess` hook normalises its documents
 * (`normalizeDocuments`), and one merge step (`finishContentBuild`) writes the small catalog that
 * pages query plus a report of every repair and skip.
 */
import { existsSync, type Dirent, type Stats } from 'node:fs'
import { open, readdir, readFile, readlink, realpath, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { locales } from '@/i18n/routing'
import { applyEditorialSteps } from './editorial'
import { FRESHNESS_PATH, freshnessStamp } from './freshness.mjs'
import { normalizeArticle } from './front-matter'
import { CATALOG_PATH, REPORT_PATH } from './output'
import { loadSourceNames, type SourceNames } from './sources'
import { timed, type StepTimings } from './timings'
import { deriveTopics, topicTerms, type TopicMatcher } from './topics'
import type { ArticleMeta, ContentProblem, ContentReport, EditionMove, EditorialReport, ShardArticle } from './types'

/** What one shard's hook leaves for the merge, next to Contentlayer's own output. */
export const SHARD_RESULT_FILE = 'shard.json'
/** Paths (relative to the content root) a shard's Contentlayer run must not read, in its folder. */
export const SHARD_EXCLUDE_FILE = 'exclude.json'

export interface SourceDocument {
  _raw: { sourceFilePath: string }
  body: { raw: string }
  [field: string]: unknown
}

/** One shard's normalised articles and problems, and the files Contentlayer parsed. */
export interface ShardResult {
  files: string[]
  articles: ShardArticle[]
  warnings: ContentProblem[]
  errors: ContentProblem[]
  /** Articles whose text (or pin) placed them in another edition than their folder's. */
  moves: EditionMove[]
  /** Body length in characters per file. */
  lengths: Record<string, number>
  summariesRepaired: number
  topicsVersion: number
  timings: StepTimings
  /** CPU milliseconds of the shard's process: Contentlayer (start, reading, parsing, writing) and the normalisation after it. */
  cpu?: { contentlayerMs: number; normalizeMs: number }
}

const INTERNAL_FIELDS = new Set(['_id', '_raw', 'type', 'body'])

/**
 * Normalises parsed documents, places each in the edition its text belongs to and derives its
 * topics (the steps that read the body); `bodyFileOf` names the file each body can be read from later.
 */
export function normalizeDocuments(documents: SourceDocument[], timeZone: string, bodyFileOf: (sourceFilePath: string) => string, topics: TopicMatcher): ShardResult {
  const result: ShardResult = { files: [], articles: [], warnings: [], errors: [], moves: [], lengths: {}, summariesRepaired: 0, topicsVersion: topics.list.version, timings: {} }
  for (const doc of documents) {
    const file = doc._raw.sourceFilePath
    result.files.push(file)
    const fields = Object.fromEntries(Object.entries(doc).filter(([key]) => !INTERNAL_FIELDS.has(key)))
    const normalized = normalizeArticle({ file, fields, body: doc.body.raw }, timeZone, result.timings)
    result.warnings.push(...normalized.warnings)
    result.errors.push(...normalized.errors)
    const article = normalized.article
    if (!article) continue
    if (article.movedFrom || normalized.detected === 'pinned') {
      result.moves.push({ file, labelled: article.movedFrom ?? article.edition, detected: normalized.detected ?? 'unknown', edition: article.edition })
    }
    if (normalized.summaryRepaired) result.summariesRepaired += 1
    result.lengths[file] = normalized.text.length
    const derived = timed(result.timings, 'topics', () => deriveTopics(topics, { title: article.title, summary: normalized.summaryDerived ? '' : article.summary, text: normalized.text }))
    const terms = topicTerms(topics, { tags: article.tags, categories: article.categories, derived, edition: article.edition })
    result.articles.push({ ...article, topics: terms, bodyFile: bodyFileOf(file) })
  }
  return result
}

/**
 * Merges shards: one article per edition, source and id; newest first; counts for the report.
 * `unparsed` are article files no shard parsed (counted as read and skipped); `found` are the
 * other problems of the content folder (loops, folders that cannot be read), reported only.
 */
export function mergeCatalog(
  shards: ShardResult[],
  unparsed: ContentProblem[],
  now: number,
  sources: SourceNames,
  found: { errors: ContentProblem[]; warnings: ContentProblem[] } = { errors: [], warnings: [] },
): { articles: ArticleMeta[]; report: ContentReport } {
  const byFile = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file)
  const warnings = [...found.warnings, ...shards.flatMap((s) => s.warnings)].sort(byFile)
  const errors: ContentProblem[] = [...unparsed, ...found.errors, ...shards.flatMap((s) => s.errors)]
  const byKey = new Map<string, ShardArticle>()
  const collisions: { moved: ShardArticle; existing: ShardArticle }[] = []
  // Articles that stayed in their folder's edition first: one moved onto the same key is the copy.
  for (const article of shards.flatMap((s) => s.articles).sort((a, b) => Number(a.movedFrom !== null) - Number(b.movedFrom !== null) || byFile(a, b))) {
    const existing = byKey.get(article.key)
    if (existing && article.movedFrom) collisions.push({ moved: article, existing })
    else if (existing) errors.push({ file: article.file, field: 'path', message: `same edition, source and id as ${existing.file}` })
    else byKey.set(article.key, article)
  }
  errors.sort(byFile)
  const timings: StepTimings = {}
  for (const shard of shards) for (const [step, ms] of Object.entries(shard.timings)) timings[step] = (timings[step] ?? 0) + ms
  const { articles: merged, editorial } = applyEditorialSteps({
    articles: [...byKey.values()],
    collisions,
    sources,
    lengths: Object.assign({}, ...shards.map((s) => s.lengths)) as Record<string, number>,
    moves: shards.flatMap((s) => s.moves).sort(byFile),
    summariesRepaired: shards.reduce((n, s) => n + s.summariesRepaired, 0),
    topicsVersion: shards[0]?.topicsVersion ?? 0,
    timings,
    now,
  })
  const articles = merged.sort((a, b) => b.time - a.time || a.key.localeCompare(b.key) || Number(a.duplicateOf !== null) - Number(b.duplicateOf !== null))
  const kept = articles.filter((a) => a.duplicateOf === null)
  const read = shards.reduce((n, s) => n + s.files.length, 0) + unparsed.length
  const unpublished = kept.filter((a) => a.draft || a.time > now).length
  return {
    articles,
    report: { read, published: kept.length - unpublished, unpublished, skipped: read - articles.length, warnings, errors, editorial },
  }
}

/** An entry of the content folder that the build does not read, and why. */
export interface ScanProblem extends ContentProblem {
  severity: 'error' | 'warning'
  /** A `.md` entry: an article file that could not be read (counted as read and skipped). */
  article: boolean
}

/** What is under the content root. */
export interface ContentScan {
  /** Markdown files to read (symbolic links to files followed), relative, forward slashes, sorted. */
  files: string[]
  problems: ScanProblem[]
  /**
   * Entries Contentlayer must not look at, relative: it globs with fast-glob, which follows every
   * symbolic link (a link to its own folder yields files forty levels deep, names too long to
   * write, and a failed build) and stops at a folder it cannot read.
   */
  excluded: string[]
}

/** The file-system calls of the scan; tests inject failures (EACCES, EIO) that root never sees. */
export interface ScanFs {
  readdir(dir: string): Promise<Dirent[]>
  stat(file: string): Promise<Stats>
  realpath(file: string): Promise<string>
  readlink(file: string): Promise<string>
}

const nodeScanFs: ScanFs = {
  readdir: (dir) => readdir(dir, { withFileTypes: true }),
  stat: (file) => stat(file),
  realpath: (file) => realpath(file),
  readlink: (file) => readlink(file),
}

/** `permission denied (EACCES)` from Node's `EACCES: permission denied, open '/x'` (the file is named anyway). */
export function fsReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const { code, message } = error as NodeJS.ErrnoException
  const text = message.replace(/^[A-Z]+: /, '').replace(/, \w+(?: '.*')?$/s, '')
  return code ? `${text} (${code})` : text
}

function kindOf(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)'
  if (entry.isSocket()) return 'a socket'
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/**
 * Walks the content root: Markdown files, and every entry the build cannot read, with why (a
 * broken or looping symbolic link, a pipe or device named `*.md`, a folder it may not open).
 * Symbolic links are followed once: a link back into its own ancestors is a loop, and a folder
 * reached a second time is read only where it was first found.
 */
export async function scanContent(root: string, fs: ScanFs = nodeScanFs): Promise<ContentScan> {
  const scan: ContentScan = { files: [], problems: [], excluded: [] }
  const report = (file: string, message: string, severity: 'error' | 'warning', article = file.endsWith('.md')) => {
    scan.problems.push({ file, field: 'file', message, severity, article })
  }
  const relativeReal = (real: string, rootReal: string) => {
    const relative = path.relative(rootReal, real).split(path.sep).join('/')
    return relative.startsWith('..') || path.isAbsolute(relative) ? real : relative || '(the content root)'
  }
  const rootReal = await fs.realpath(root)
  const seen = new Map<string, string>([[rootReal, '']])

  const walk = async (dir: string, relative: string, ancestors: Set<string>): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await fs.readdir(dir)
    } catch (error) {
      // The root itself must be readable: that is a configuration error, not a content problem.
      if (relative === '') throw error
      report(relative, `cannot read this folder: ${fsReason(error)}; its files are skipped`, 'error', false)
      scan.excluded.push(relative)
      return
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = relative ? `${relative}/${entry.name}` : entry.name
      const full = path.join(dir, entry.name)
      const markdown = entry.name.endsWith('.md')
      let target: Dirent | Stats = entry
      if (entry.isSymbolicLink()) {
        try {
          target = await fs.stat(full)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          const to = await fs.readlink(full).catch(() => '?')
          const reason = code === 'ENOENT' ? `broken symbolic link to ${to}: it does not exist` : code === 'ELOOP' ? `symbolic link loop (${to}): ${fsReason(error)}` : `cannot follow the symbolic link to ${to}: ${fsReason(error)}`
          report(file, markdown ? `${reason}; not read` : `${reason}; ignored`, markdown ? 'error' : 'warning')
          scan.excluded.push(file)
          continue
        }
      }
      if (target.isDirectory()) {
        if (markdown) report(file, 'a folder named like an article file: read as a folder, not as an article', 'warning', false)
        let real: string
        try {
          real = await fs.realpath(full)
        } catch (error) {
          report(file, `cannot resolve this folder: ${fsReason(error)}; its files are skipped`, 'error', false)
          scan.excluded.push(file)
          continue
        }
        if (ancestors.has(real)) {
          report(file, `symbolic link loop: leads back to ${relativeReal(real, rootReal)}; not followed`, 'error', false)
          scan.excluded.push(file)
          continue
        }
        const first = seen.get(real)
        if (first !== undefined) {
          report(file, `the same folder as ${first || '(the content root)'}: its files are read there only`, 'warning', false)
          scan.excluded.push(file)
          continue
        }
        seen.set(real, file)
        await walk(full, file, new Set([...ancestors, real]))
      } else if (target.isFile()) {
        if (markdown) scan.files.push(file)
      } else if (markdown) {
        report(file, `${kindOf(target)}, not a file: not read`, 'error')
        scan.excluded.push(file)
      }
    }
  }

  await walk(root, '', new Set([rootReal]))
  scan.files.sort()
  return scan
}

/** Markdown files under the content root, relative, with forward slashes (see `scanContent`). */
export async function listContentFiles(root: string): Promise<string[]> {
  return (await scanContent(root)).files
}

/** Reads a file's first bytes: enough to find one the disk or the permissions will not give. */
async function readStart(file: string): Promise<void> {
  const handle = await open(file, 'r')
  try {
    await handle.read(Buffer.alloc(64), 0, 64, 0)
  } finally {
    await handle.close()
  }
}

/**
 * The files that cannot be read (EACCES, EIO…), with why. Contentlayer fails a whole shard on one
 * such file, so the build looks for them only after a shard failed, and runs it again without.
 */
export async function findUnreadable(root: string, files: string[], read: (file: string) => Promise<unknown> = readStart): Promise<ScanProblem[]> {
  const problems: ScanProblem[] = []
  const batch = 32
  for (let i = 0; i < files.length; i += batch) {
    await Promise.all(
      files.slice(i, i + batch).map(async (file) => {
        try {
          await read(path.join(root, file))
        } catch (error) {
          problems.push({ file, field: 'file', message: `cannot read this file: ${fsReason(error)}; skipped`, severity: 'error', article: true })
        }
      }),
    )
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file))
}

/** Why Contentlayer could not read a file it skipped (usually broken YAML). */
export async function explainUnparsed(root: string, file: string): Promise<ContentProblem> {
  let text: string
  try {
    text = await readFile(path.join(root, file), 'utf8')
  } catch (error) {
    return { file, field: 'file', message: `cannot read this file: ${fsReason(error)}; skipped` }
  }
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
  lines.push(formatEditorial(report.editorial, limit))
  return lines.join('\n')
}

function formatEditorial(editorial: EditorialReport, limit: number): string {
  const lines: string[] = []
  const pairs = Object.entries(editorial.movesByPair).map(([pair, n]) => `${pair} ${n}`)
  lines.push(`editions: ${editorial.moves.length} article(s) placed by their text or a pin${pairs.length ? ` (${pairs.join(', ')})` : ''}`)
  for (const move of editorial.moves.slice(0, limit)) lines.push(`  moved ${move.file}: labelled ${move.labelled}, ${move.detected === 'pinned' ? 'pinned' : `detected ${move.detected}`} → ${move.edition}`)
  if (editorial.moves.length > limit) lines.push(`  … and ${editorial.moves.length - limit} more moves in ${REPORT_PATH}`)
  const unnamed = Object.entries(editorial.unnamedSources)
  lines.push(`sources: ${unnamed.length} without a name in data/sources.yaml${unnamed.length ? `: ${unnamed.map(([slug, n]) => `${slug} (${n})`).join(', ')}` : ''}`)
  const corrected = Object.entries(editorial.sourcesCorrected)
  if (corrected.length) lines.push(`  source taken from the story's link: ${corrected.map(([pair, n]) => `${pair} (${n})`).join(', ')}`)
  const coverage = locales.map((l) => editorial.topicCoverage[l]).map((c, i) => c && `${locales[i]} ${(c.share * 100).toFixed(1)}% (${c.withTopics}/${c.articles})`)
  lines.push(`topics (list v${editorial.topicsVersion}): articles with a topic ${coverage.filter(Boolean).join(', ')}`)
  lines.push(`stories: ${editorial.duplicates.length} told more than once, ${editorial.folded} repeat(s) folded into the first complete copy; ${editorial.summariesRepaired} run-together summaries repaired`)
  for (const group of editorial.duplicates.slice(0, limit)) lines.push(`  story ${group.canonical} (${group.edition}, "${group.title}"): ${group.folded.length} repeat(s) folded`)
  if (editorial.duplicates.length > limit) lines.push(`  … and ${editorial.duplicates.length - limit} more stories in ${REPORT_PATH}`)
  lines.push(`cost: ${Object.entries(editorial.timings).map(([step, ms]) => `${step} ${ms} ms`).join(', ')}`)
  return lines.join('\n')
}

export interface ContentBuildOptions {
  shards: ShardResult[]
  /** Display names of the sources; read from the project's data/sources.yaml when not given. */
  sources?: SourceNames
  contentDir: string
  /** Project folder: the catalog and report go to `.contentlayer/` in it. */
  projectDir: string
  strict: boolean
  now: number
  /** What the build found in the content folder (scanned here when not given). */
  scan?: ContentScan
  log?: (message: string) => void
  /** Accept a catalog with far fewer published articles than the one it replaces. */
  allowShrink?: boolean
}

/**
 * A content build that would publish less than this share of what the live catalog publishes is
 * refused (a folder half copied, a wrong CONTENT_DIR): the running site keeps its articles.
 */
export const SHRINK_LIMIT = 0.5

/** Why the new catalog must not replace the old one, or null. */
export function shrinkProblem(previous: readonly ArticleMeta[], next: readonly ArticleMeta[], now: number): string | null {
  const published = (articles: readonly ArticleMeta[]) => articles.filter((a) => !a.draft && a.time <= now).length
  const before = published(previous)
  const after = published(next)
  if (before === 0 || after >= before * SHRINK_LIMIT) return null
  return `this build publishes ${after} article(s), the live catalog ${before}: less than ${SHRINK_LIMIT * 100} %. The catalog was not replaced; run again with --allow-shrink (or CONTENT_ALLOW_SHRINK=1) if that is intended.`
}

/**
 * The merge step: explain the files no shard parsed, merge, write the catalog and report, print
 * the report. Returns the exit code: 1 in strict mode when anything was repaired or skipped.
 */
export async function finishContentBuild(options: ContentBuildOptions): Promise<{ exitCode: number; report: ContentReport; articles: ArticleMeta[] }> {
  const { shards, contentDir, projectDir, strict, now, log = console.log } = options
  const sources = options.sources ?? loadSourceNames(projectDir)
  const scan = options.scan ?? (await scanContent(contentDir))
  const parsed = new Set(shards.flatMap((s) => s.files))
  const plain = ({ file, field, message }: ContentProblem): ContentProblem => ({ file, field, message })
  const notRead = scan.problems.filter((p) => p.article && p.severity === 'error')
  const skipped = new Set(notRead.map((p) => p.file))
  const unparsed = [
    ...notRead.map(plain),
    ...(await Promise.all(scan.files.filter((f) => !parsed.has(f) && !skipped.has(f)).map((f) => explainUnparsed(contentDir, f)))),
  ]
  const others = scan.problems.filter((p) => !notRead.includes(p))
  const { articles, report } = mergeCatalog(shards, unparsed, now, sources, {
    errors: others.filter((p) => p.severity === 'error').map(plain),
    warnings: others.filter((p) => p.severity === 'warning').map(plain),
  })
  const catalogJson = JSON.stringify(articles)
  const catalogFile = path.join(projectDir, CATALOG_PATH)
  const previousJson = await readFile(catalogFile, 'utf8').catch(() => null)
  const shrink = previousJson && !options.allowShrink ? shrinkProblem(JSON.parse(previousJson) as ArticleMeta[], articles, now) : null
  if (shrink) {
    log(formatReport(report))
    log(`content build refused: ${shrink}`)
    return { exitCode: 1, report, articles }
  }
  // An unchanged catalog is left alone, so a scheduled rebuild with nothing new makes no cached
  // page stale.
  const unchanged = previousJson === catalogJson
  if (!unchanged) await writeFile(catalogFile, catalogJson)
  await writeFile(path.join(projectDir, REPORT_PATH), JSON.stringify(report, null, 2))
  // Last: a running server takes the stamp as the sign that the new catalog is in place.
  if (!unchanged || !existsSync(path.join(projectDir, FRESHNESS_PATH))) {
    await writeFile(path.join(projectDir, FRESHNESS_PATH), JSON.stringify(freshnessStamp(Date.now(), articles)))
  }
  log(formatReport(report))
  const problems = report.errors.length + report.warnings.length
  if (strict && problems > 0) {
    log(`CONTENT_STRICT: ${problems} problem(s) in content; failing the build.`)
    return { exitCode: 1, report, articles }
  }
  return { exitCode: 0, report, articles }
}
