/**
 * `npm run build:search [-- --out DIR --full]`: builds the search index from the current content
 * build (`.contentlayer/catalog.json`, see `npm run content`) into public/search/ (or DIR),
 * replacing the old one. Published articles only, unless the content view is a preview (lib/env.ts): a
 * preview build indexes drafts and scheduled articles too, marked with their status.
 *
 * When the only change since the last index is newer articles (publishing), the last index is
 * extended with FlexSearch's index of the new ones (lib/search/build.ts extendSearchIndex: the
 * same files); anything else, or --full, builds it whole.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { editionHref } from '@/i18n/routing'
import { environmentView, getSearchDocuments, unpublishedState } from '@/lib/content'
import { buildSearchIndex, extendSearchIndex, type IndexInput } from '@/lib/search/build'

const projectDir = path.resolve(import.meta.dirname, '..')
const outArg = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined
const outDir = outArg ? path.resolve(outArg) : path.join(projectDir, 'public', 'search')

const started = performance.now()
const documents = await getSearchDocuments(environmentView())
const read = performance.now()
const input: IndexInput[] = documents.map(({ article, text }) => ({
  url: editionHref(article.edition, article.path),
  title: article.title,
  date: article.date,
  time: article.time,
  source: article.sourceName,
  edition: article.edition,
  text,
  status: unpublishedState(article),
}))
const previous = (file: string) => {
  try {
    return readFileSync(path.join(outDir, file), 'utf8')
  } catch {
    return null
  }
}
const extended = process.argv.includes('--full') ? null : extendSearchIndex(input, previous)
const files = extended ?? buildSearchIndex(input)
const built = performance.now()

// Written beside the old index, then swapped in, so a running server never serves half of one.
// Files are written and the old index removed a few at a time (thousands of files: one by one took
// seconds).
const tmpDir = `${outDir}.tmp`
const oldDir = `${outDir}.old`
await Promise.all([rm(tmpDir, { recursive: true, force: true }), rm(oldDir, { recursive: true, force: true })])
const sizes = { shards: 0, pairs: 0, meta: 0, text: 0 }
let raw = 0
for (const name of files.keys()) mkdirSync(path.dirname(path.join(tmpDir, name)), { recursive: true })
const queue = [...files]
await Promise.all(
  Array.from({ length: 32 }, async () => {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [name, content] = next
      await writeFile(path.join(tmpDir, name), content)
      const size = Buffer.byteLength(content)
      raw += size
      const kind = name.split('/')[0] as keyof typeof sizes
      if (kind in sizes) sizes[kind] += size
    }
  }),
)
if (existsSync(outDir)) renameSync(outDir, oldDir)
renameSync(tmpDir, outDir)
await rm(oldDir, { recursive: true, force: true })
const done = performance.now()

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
console.log(
  `search index: ${documents.length} articles, ${files.size} files, ${kb(raw)} ` +
    `(token shards ${kb(sizes.shards)}, pair shards ${kb(sizes.pairs)}, metadata ${kb(sizes.meta)}, texts ${kb(sizes.text)}; npm run bench -- --only search weighs them gzipped) → ${path.relative(projectDir, outDir)}/`,
)
console.log(
  `time: read ${((read - started) / 1000).toFixed(1)} s, index ${((built - read) / 1000).toFixed(1)} s (${extended ? 'the last index extended with the new articles' : 'built whole'}), write ${((done - built) / 1000).toFixed(1)} s`,
)
