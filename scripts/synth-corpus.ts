/**
 * Synthetic corpus for scale runs: the real corpus multiplied to N articles. Copy k of an
 * article gets a new id (`<id>s<k>`), a date k×7 days earlier and a title marked `(#k)`, so every
 * copy is a distinct article with its own URL. Deterministic: the same N gives the same tree.
 *
 *   npx tsx scripts/synth-corpus.ts --from ../shared/corpus/articles --out DIR --articles 20000
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '../shared/corpus/articles' },
    out: { type: 'string' },
    articles: { type: 'string', default: '20000' },
  },
})
const { from, out: outDir } = values
if (!outDir) throw new Error('--out DIR is required')
const target = Number(values.articles)
const files = readdirSync(from, { recursive: true })
  .filter((f) => String(f).endsWith('.md'))
  .map(String)
  .sort()
if (files.length === 0) throw new Error(`no .md files under ${from}`)

rmSync(outDir, { recursive: true, force: true })
const DAY = 86400000
let written = 0
for (let copy = 0; written < target; copy++) {
  for (const file of files) {
    if (written >= target) break
    const text = readFileSync(path.join(from, file), 'utf8')
    let out = text
    let name = file
    if (copy > 0) {
      name = file.replace(/([^/]+?)(\.[A-Za-z-]+\.md)$/, `$1s${copy}$2`)
      out = text
        .replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title} (#${copy})"`)
        .replace(/^date: "(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})"$/m, (_, d: string, t: string) => {
          const shifted = new Date(Date.parse(`${d}T${t}Z`) - copy * 7 * DAY).toISOString()
          return `date: "${shifted.slice(0, 10)} ${shifted.slice(11, 19)}"`
        })
    }
    mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true })
    writeFileSync(path.join(outDir, name), out)
    written++
  }
}
console.log(`wrote ${written} articles to ${outDir}`)
