/**
 * `npm run build:search [-- --out DIR]`: builds the search index from the current content build
 * (`.contentlayer/catalog.json`, see `npm run content`) into public/search/ (or DIR), replacing
 * the old one. Published articles only, unless the content view is a preview (lib/env.ts): a
 * preview build indexes drafts and scheduled articles too, marked with their status.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { editionHref } from '@/i18n/routing'
import { environmentView, getSearchDocuments, unpublishedState } from '@/lib/content'
import { buildSearchIndex } from '@/lib/search/build'

const projectDir = path.resolve(import.meta.dirname, '..')
const outArg = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined
const outDir = outArg ? path.resolve(outArg) : path.join(projectDir, 'public', 'search')

const started = performance.now()
const documents = await getSearchDocuments(environmentView())
const read = performance.now()
const files = buildSearchIndex(
  documents.map(({ article, text }) => ({
    url: editionHref(article.edition, article.path),
    title: article.title,
    date: article.date,
    time: article.time,
    source: article.sourceName,
    edition: article.edition,
    text,
    status: unpublishedState(article),
  })),
)
const built = performance.now()

// Written beside the old index, then swapped in, so a running server never serves half of one.
const tmpDir = `${outDir}.tmp`
rmSync(tmpDir, { recursive: true, force: true })
let raw = 0
let gzip = 0
const sizes = { shards: 0, pairs: 0, meta: 0, text: 0 }
for (const [name, content] of files) {
  const file = path.join(tmpDir, name)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, content)
  const size = gzipSync(content).length
  raw += Buffer.byteLength(content)
  gzip += size
  const kind = name.split('/')[0] as keyof typeof sizes
  if (kind in sizes) sizes[kind] += size
}
rmSync(outDir, { recursive: true, force: true })
renameSync(tmpDir, outDir)
const done = performance.now()

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
console.log(
  `search index: ${documents.length} articles, ${files.size} files, ${kb(raw)} raw / ${kb(gzip)} gzip ` +
    `(token shards ${kb(sizes.shards)}, pair shards ${kb(sizes.pairs)}, metadata ${kb(sizes.meta)}, texts ${kb(sizes.text)} gzip) → ${path.relative(projectDir, outDir)}/`,
)
console.log(`time: read ${((read - started) / 1000).toFixed(1)} s, index ${((built - read) / 1000).toFixed(1)} s, write ${((done - built) / 1000).toFixed(1)} s`)
