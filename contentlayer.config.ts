import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { defineDocumentType, makeSource, type FieldDefs } from 'contentlayer2/source-files'
import { env } from './lib/env'
import { normalizeDocuments, SHARD_EXCLUDE_FILE, SHARD_RESULT_FILE, type SourceDocument } from './lib/content/build'
import { compileTopics, loadTopicList } from './lib/content/topics'

/**
 * Contentlayer reads, parses and caches the files. It runs once per shard of the content
 * (scripts/content-build.ts, `npm run content`): its memory and time grow faster than the number
 * of documents, and one run over 20,000 articles exhausts the heap.
 *
 * Every field is loosely typed here on purpose, so that one messy import is repaired or reported
 * by lib/content/front-matter.ts (file, field, reason) instead of being dropped. Bodies are not
 * rendered here: pages render the one body they show (lib/content/markdown.ts).
 */
const frontMatterKeys = [
  'title',
  'date',
  'lastmod',
  'draft',
  'summary',
  'categories',
  'tags',
  'lang',
  'translations',
  'menu',
  'thumbnail',
  'lead',
  'comments',
  'authorbox',
  'author',
  'pager',
  'toc',
  'mathjax',
  'sidebar',
  'widgets',
] as const

const Article = defineDocumentType(() => ({
  name: 'Article',
  filePathPattern: '**/*.md',
  contentType: 'markdown',
  fields: Object.fromEntries(frontMatterKeys.map((key) => [key, { type: 'json' }])) as FieldDefs,
}))

const generatedDir = path.join(process.cwd(), '.contentlayer', 'generated')

/** Contentlayer's own default exclusions, which a `contentDirExclude` replaces. */
const DEFAULT_EXCLUDE = ['node_modules', '.git', '.yarn', '.cache', '.next', '.contentlayer']

/**
 * A path as a glob that matches only itself. Brackets, not backslashes: Contentlayer rejects
 * patterns with `\` as Windows paths, and `[!…]` negates, so `!`, `]` and `\` match any character.
 */
function literalGlob(file: string): string {
  return file.replace(/[*?{}()!+@|[\]\\]/g, (c) => (c === ']' || c === '!' || c === '\\' ? '?' : `[${c}]`))
}

/**
 * What the content build found that Contentlayer must not read (loops, broken links, pipes, folders
 * it cannot open, unreadable files): scripts/content-build.ts leaves the list in the shard's folder.
 */
const excludeFile = path.join(process.cwd(), SHARD_EXCLUDE_FILE)
const excluded = existsSync(excludeFile) ? (JSON.parse(readFileSync(excludeFile, 'utf8')) as string[]) : []

export default makeSource({
  contentDirPath: path.resolve(env.contentProjectDir, env.contentDir),
  contentDirInclude: env.contentShardDirs ?? [],
  contentDirExclude: [...DEFAULT_EXCLUDE, ...excluded.flatMap((file) => [literalGlob(file), `${literalGlob(file)}/**`])],
  documentTypes: [Article],
  disableImportAliasWarning: true,
  onExtraFieldData: 'ignore',
  // No HTML at content-build time: an empty parser/compiler pair keeps `body.raw` only.
  markdown: (builder) => {
    builder.use(function skipRendering(this: { parser: unknown; compiler: unknown }) {
      this.parser = () => ({ type: 'root', children: [] })
      this.compiler = () => ''
    })
  },
  onSuccess: async (importData) => {
    const { allArticles } = (await importData()) as unknown as { allArticles: SourceDocument[] }
    const read = process.cpuUsage()
    const bodyFileOf = (file: string) => path.relative(env.contentProjectDir, path.join(generatedDir, 'Article', `${file.replaceAll('/', '__')}.json`))
    const result = normalizeDocuments(allArticles, env.timeZone, bodyFileOf, compileTopics(loadTopicList(env.contentProjectDir)))
    const normalized = process.cpuUsage(read)
    result.cpu = { contentlayerMs: (read.user + read.system) / 1000, normalizeMs: (normalized.user + normalized.system) / 1000 }
    writeFileSync(path.join(generatedDir, SHARD_RESULT_FILE), JSON.stringify(result))
  },
})
