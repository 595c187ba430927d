import path from 'node:path'
import { defineDocumentType, makeSource, type FieldDefs } from 'contentlayer2/source-files'
import { env } from './lib/env'
import { finishContentBuild, type SourceDocument } from './lib/content/catalog'

/**
 * Contentlayer reads and caches the files; every field is loosely typed here on purpose, so that
 * one messy import is repaired or reported by `lib/content/front-matter.ts` (file, field,
 * reason) instead of being dropped. Bodies are not rendered here: pages render the one body
 * they show (lib/content/markdown.ts), which keeps the content build linear and cheap.
 */
const frontMatterKeys = [
  'title', 'date', 'lastmod', 'draft', 'summary', 'categories', 'tags', 'lang', 'translations', 'menu',
  'thumbnail', 'lead', 'comments', 'authorbox', 'author', 'pager', 'toc', 'mathjax', 'sidebar', 'widgets',
] as const

const Article = defineDocumentType(() => ({
  name: 'Article',
  filePathPattern: '**/*.md',
  contentType: 'markdown',
  fields: Object.fromEntries(frontMatterKeys.map((key) => [key, { type: 'json' }])) as FieldDefs,
}))

const contentDirPath = env.contentDir

export default makeSource({
  contentDirPath,
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
    const { exitCode } = await finishContentBuild({
      documents: allArticles,
      contentDir: contentDirPath,
      outDir: path.join('.contentlayer', 'generated'),
      timeZone: env.timeZone,
      strict: env.contentStrict,
      now: Date.now(),
    })
    // Contentlayer ends its CLI with exit code 0 whatever a hook does: strict mode must exit here.
    if (exitCode !== 0) process.exit(exitCode)
  },
})
