/**
 * `npm run search -- [--edition zh-CN|en|zh-TW|zh-HK|all] [--limit N] [--json] "query"`: runs the
 * site's search engine over the built index (public/search/, see `npm run build:search`), so
 * editors see what readers will find. `--json` prints only a JSON array of results.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { isLocale, type Locale } from '@/i18n/routing'
import { SearchEngine } from '@/lib/search/engine'

const indexDir = path.resolve(import.meta.dirname, '..', 'public', 'search')

function fail(message: string): never {
  console.error(`${message}\nusage: npm run search -- [--edition zh-CN|en|zh-TW|zh-HK|all] [--limit N] [--json] "query"`)
  process.exit(2)
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { edition: { type: 'string', default: 'all' }, limit: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } },
    })
  } catch (error) {
    return fail(String((error as Error).message))
  }
})()
const edition = values.edition
if (edition !== 'all' && !isLocale(edition)) fail(`Unknown edition "${edition}"`)
const limit = Number(values.limit)
if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a whole number ≥ 1, got "${values.limit}"`)
const query = positionals.join(' ')
if (!query.trim()) fail('No query given')

const engine = new SearchEngine((file) => readFile(path.join(indexDir, file), 'utf8'))
let page
try {
  page = await engine.search(query, { edition: edition as Locale | 'all', limit })
} catch (error) {
  console.error(`Cannot search ${path.relative(process.cwd(), indexDir)}/: run \`npm run build:search\` first. ${String(error)}`)
  process.exit(1)
}
const { results, total } = page
if (values.json) {
  console.log(
    JSON.stringify(results.map(({ url, title, date, source, edition, snippet, duplicates, status }) => ({ url, title, date, source, edition, snippet, duplicates, status }))),
  )
} else {
  console.log(total === 0 ? 'No results.' : `${total} results (one per story)${total > results.length ? `, first ${results.length}` : ''}:`)
  results.forEach((r, i) =>
    console.log(
      `${String(i + 1).padStart(2)}. ${r.status ? `[${r.status}] ` : ''}${r.title}${r.duplicates ? ` (+${r.duplicates} copies)` : ''}\n    ${r.url} · ${r.date.slice(0, 10)} · ${r.source} · ${r.edition}\n    ${r.snippet}`,
    ),
  )
}
