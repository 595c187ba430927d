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
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { link, rm, writeFile } from 'node:fs/promises'
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

/**
 * Writes the index beside the old one, then swaps it in, so a running server never serves half
 * of one. The files the update keeps are hard links to the old index's (nothing copied); the
 * others are written a few at a time (thousands of files: one by one took seconds). False when a
 * kept file is not there to link (the caller builds whole).
 */
async function writeIndex(files: Map<string, string>, kept: readonly string[]): Promise<boolean> {
  await Promise.all([rm(tmpDir, { recursive: true, force: true }), rm(oldDir, { recursive: true, force: true })])
  for (const dir of new Set([...files.keys(), ...kept].map((name) => path.dirname(path.join(tmpDir, name))))) mkdirSync(dir, { recursive: true })
  const links = [...kept]
  const queue = [...files]
  try {
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let name = links.pop(); name !== undefined; name = links.pop()) await link(path.join(outDir, name), path.join(tmpDir, name))
        for (let next = queue.pop(); next; next = queue.pop()) await writeFile(path.join(tmpDir, next[0]), next[1])
      }),
    )
  } catch (error) {
    if (kept.length === 0) throw error
    console.warn(`search index: the last index could not be kept (${error instanceof Error ? error.message : String(error)}): building it whole`)
    return false
  }
  if (existsSync(outDir)) renameSync(outDir, oldDir)
  renameSync(tmpDir, outDir)
  await rm(oldDir, { recursive: true, force: true })
  return true
}

const tmpDir = `${outDir}.tmp`
const oldDir = `${outDir}.old`
let update = process.argv.includes('--full') ? null : extendSearchIndex(input, previous)
let files = update?.files ?? buildSearchIndex(input)
const built = performance.now()
if (!(await writeIndex(files, update?.kept ?? []))) {
  update = null
  files = buildSearchIndex(input)
  await writeIndex(files, [])
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
