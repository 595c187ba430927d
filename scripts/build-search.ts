/**
 * `npm run build:search [-- --out DIR --full]`: builds the search index from the current content
 * build (`.contentlayer/catalog.json`, see `npm run content`) into public/search/ (or DIR),
 * replacing the old one. Published articles only, unless the content view is a preview (lib/env.ts): a
 * preview build indexes drafts and scheduled articles too, marked with their status.
 *
 * When the only change since the last index is newer articles (publishing), the last index is
 * extended with FlexSearch's index of the new ones (lib/search/build.ts extendSearchIndex: the
 * same files), writing only the files that change; anything else, or --full, builds it whole.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { editionHref } from '@/i18n/routing'
import { environmentView, getSearchDocuments, unpublishedState } from '@/lib/content'
import { buildSearchIndex, extendSearchIndex, type IndexInput } from '@/lib/search/build'
import { writeIndexFolder } from '@/lib/search/write'

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

let update = process.argv.includes('--full') ? null : extendSearchIndex(input, previous)
let files = update?.files ?? buildSearchIndex(input)
const built = performance.now()
if (!(await writeIndexFolder(outDir, files, update?.kept))) {
  console.warn('search index: building it whole')
  update = null
  files = buildSearchIndex(input)
  await writeIndexFolder(outDir, files)
}
const done = performance.now()

const sizes = { shards: 0, pairs: 0, meta: 0, text: 0 }
let raw = 0
for (const [name, content] of files) {
  const size = Buffer.byteLength(content)
  raw += size
  const kind = name.split('/')[0] as keyof typeof sizes
  if (kind in sizes) sizes[kind] += size
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
console.log(
  `search index: ${documents.length} articles, ${files.size} files written, ${kb(raw)} ` +
    `(token shards ${kb(sizes.shards)}, pair shards ${kb(sizes.pairs)}, metadata ${kb(sizes.meta)}, texts ${kb(sizes.text)}; npm run bench -- --only search weighs them gzipped) → ${path.relative(projectDir, outDir)}/`,
)
console.log(
  `time: read ${((read - started) / 1000).toFixed(1)} s, index ${((built - read) / 1000).toFixed(1)} s (${update ? `the last index extended with the new articles, ${update.kept.length} of its files kept` : 'built whole'}), write ${((done - built) / 1000).toFixed(1)} s`,
)
