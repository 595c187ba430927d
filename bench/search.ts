/**
 * Search measurement over the project's current content build — run the corpus build first
 * (`CONTENT_DIR=../shared/corpus/articles npm run content`), or pass `--content DIR` to have this
 * script run it. Builds the search index (timed), then measures index size raw/gzip, gzip bytes
 * fetched by every query as a first query (index data plus the FlexSearch bundle) and by
 * follow-ups, query latency in Node, recall@20 / precision@20 against brute-force ground truth,
 * and whether a story ever appears twice in a result list. Prints a table; writes
 * bench/results/search.json. bench/run.ts calls `measureSearch()` for its `search` section.
 *
 *   npx tsx bench/search.ts [--content DIR]
 *
 * Ground truth, per query term after the encoder's NFKC + lower-case + t2s folding: Han terms
 * are substrings of title + plain body (so a word matches only as a phrase); Latin terms match as
 * whole words, with their plural (s/es/ies) forms; a synonym inside a term may be replaced by any
 * of its group (a regional one only in the other region's articles); terms are ANDed. Results
 * and truth are compared as stories (copies with the same title within 48 hours count once).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { foldWord, normalize, regionOf, SYNONYMS, type Region } from '@/lib/search/encoder'
import { SearchEngine } from '@/lib/search/engine'
import { manifestFile, metaFile, textFile, type Manifest, type MetaRow } from '@/lib/search/format'
import { check, targetText, mark, meets } from './targets'

const root = path.resolve(import.meta.dirname, '..')

export const QUERIES = {
  zh: [
    '美国',
    '中国',
    '台积电',
    '股市',
    '经济',
    '关税',
    '央行',
    '利率',
    '通胀',
    '香港',
    '台湾',
    '特斯拉',
    '苹果',
    '华为',
    '比特币',
    '日本',
    '俄罗斯',
    '乌克兰',
    '以色列',
    '电动车',
    '房地产',
    '北京',
    '上海',
    '警方',
    '法院',
    '选举',
    '总统',
    '半导体',
    '机器人',
    '投资者',
    '营收',
    '人工智能',
    '英伟达',
    '芯片',
    '美联储',
    '特朗普',
    '习近平',
    '恒生指数',
    '数据中心',
    '创新药',
    '新能源汽车',
    '数据',
    '视频',
    '台积电 美国',
  ],
  en: [
    'tariff',
    'inflation',
    'nvidia',
    'apple',
    'bitcoin',
    'earnings',
    'election',
    'court',
    'police',
    'climate',
    'bank',
    'oil',
    'gold',
    'china',
    'trump',
    'ukraine',
    'iphone',
    'semiconductor',
    'startup',
    'revenue',
    'interest rate',
    'federal reserve',
    'stock market',
    'chip',
    'layoff',
  ],
  trad: ['台積電', '經濟', '關稅', '選舉', '總統', '銀行', '電動車', '颱風', '機器人', '習近平', '輝達', '晶片', '川普', '人工智慧', '聯準會', '房價', '醫院', '資料', '資料中心'],
}

export type Row = [figure: string, value: string | number, target: string]

interface SizeFigures {
  files: number
  rawKB: number
  gzipKB: number
}

interface QueryBytes {
  query: string
  kind: 'first' | 'follow-up'
  indexKB: number
  snippetsTop10KB: number
}

interface QueryQuality {
  query: string
  truth: number
  returned: number
  recall: number
  precision: number
}

interface LanguageQuality {
  queries: number
  recall: number
  precision: number
  misses: QueryQuality[]
}

export interface SearchMeasurement {
  buildSeconds: number
  buildOutput: string[]
  size: Record<'total' | 'shards' | 'pairs' | 'meta' | 'text' | 'manifest', SizeFigures>
  articles: number
  shards: number
  pairShards: number
  flexsearchBundleKB: number
  bytes: QueryBytes[]
  queries: number
  firstQuery: { p50KB: number; worst: { query: string; indexKB: number }; worstWithBundleKB: number }
  latencyMs: { coldP50: number; coldP95: number; warmP50: number; warmP95: number }
  repeatedStories: number
  quality: Record<string, LanguageQuality>
}

/** A document of the ground truth: folded title and body. */
interface Doc {
  url: string
  story: number
  region: Region
  text: string
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

interface MeasureOptions {
  /** Run the content build on this folder first; otherwise use the project's current content build. */
  contentDir?: string | null
  /** The project copy to build and measure in (bench/run.ts passes a scratch copy). */
  dir?: string
  log?: (message: string) => void
}

export async function measureSearch({ contentDir = null, dir = root, log = (m) => process.stderr.write(`${m}\n`) }: MeasureOptions = {}): Promise<SearchMeasurement> {
  const indexDir = path.join(dir, 'public', 'search')
  if (contentDir) {
    log(`content build of ${contentDir}…`)
    const run = spawnSync('npm', ['run', 'content'], { cwd: dir, env: { ...process.env, CONTENT_DIR: contentDir }, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`content build failed:\n${run.stdout}\n${run.stderr}`)
  }
  log('search index build…')
  const started = performance.now()
  const build = spawnSync('npm', ['run', 'build:search'], { cwd: dir, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`build:search failed:\n${build.stdout}\n${build.stderr}`)
  const buildSeconds = round((performance.now() - started) / 1000, 1)
  const buildOutput = build.stdout.trim().split('\n').slice(-2)

  const files = walk(indexDir)
  const gz = new Map<string, number>()
  const gzipOf = (rel: string): number => {
    let size = gz.get(rel)
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(indexDir, rel))).length
      gz.set(rel, size)
    }
    return size
  }
  const rels = files.map((f) => path.relative(indexDir, f).split(path.sep).join('/'))
  const sizeBy = (prefix: string): SizeFigures => {
    const picked = rels.filter((r) => r.startsWith(prefix))
    return {
      files: picked.length,
      rawKB: round(picked.reduce((n, r) => n + statSync(path.join(indexDir, r)).size, 0) / 1024, 0),
      gzipKB: round(picked.reduce((n, r) => n + gzipOf(r), 0) / 1024, 0),
    }
  }
  const size = { total: sizeBy(''), shards: sizeBy('shards/'), pairs: sizeBy('pairs/'), meta: sizeBy('meta/'), text: sizeBy('text/'), manifest: sizeBy('manifest') }
  const manifest = readJson<Manifest>(path.join(indexDir, manifestFile))
  // What the browser loads besides index data: the FlexSearch build the engine imports.
  const flexsearchBundleKB = round(gzipSync(readFileSync(path.join(root, 'node_modules', 'flexsearch', 'dist', 'flexsearch.bundle.module.min.mjs'))).length / 1024, 1)

  const session = () => {
    const fetched: string[] = []
    const engine = new SearchEngine(async (rel) => {
      fetched.push(rel)
      return readFileSync(path.join(indexDir, rel), 'utf8')
    })
    const bytes = (from = 0) => round(fetched.slice(from).reduce((n, r) => n + gzipOf(r), 0) / 1024, 1)
    return { engine, fetched, bytes }
  }

  // Bytes: a first query in a fresh session, then follow-ups as a reader types or refines.
  const journeys = [
    ['台积电', '台积电 美国', '英伟达', '关税'],
    ['nvidia', 'nvidia earnings', 'tariff', 'apple'],
    ['台積電', '晶片', '川普'],
  ]
  const bytes: QueryBytes[] = []
  for (const journey of journeys) {
    const s = session()
    for (const [i, query] of journey.entries()) {
      const from = s.fetched.length
      await s.engine.search(query, { limit: 20, snippets: false })
      const index = s.bytes(from)
      const beforeSnippets = s.fetched.length
      await s.engine.search(query, { limit: 10, snippets: true })
      bytes.push({ query, kind: i === 0 ? 'first' : 'follow-up', indexKB: index, snippetsTop10KB: s.bytes(beforeSnippets) })
    }
  }

  // Latency: cold (fresh session per query, files read from disk) and warm (shards cached); every
  // query's cold run is also its first-query bytes.
  const all = [...QUERIES.zh, ...QUERIES.en, ...QUERIES.trad]
  const cold: number[] = []
  const firstBytes: { query: string; indexKB: number }[] = []
  for (const query of all) {
    const s = session()
    const t = performance.now()
    await s.engine.search(query, { limit: 20, snippets: false })
    cold.push(performance.now() - t)
    firstBytes.push({ query, indexKB: s.bytes() })
  }
  firstBytes.sort((a, b) => b.indexKB - a.indexKB)
  const worst = firstBytes[0]
  if (!worst) throw new Error('no queries')
  const firstQuery = {
    p50KB: percentile(
      firstBytes.map((b) => b.indexKB),
      50,
    ),
    worst,
    worstWithBundleKB: round(worst.indexKB + flexsearchBundleKB, 1),
  }
  const warmSession = session()
  for (const query of all) await warmSession.engine.search(query, { limit: 20, snippets: false })
  const warm: number[] = []
  for (let round_ = 0; round_ < 10; round_++) {
    for (const query of all) {
      const t = performance.now()
      await warmSession.engine.search(query, { limit: 20, snippets: false })
      warm.push(performance.now() - t)
    }
  }
  const latencyMs = {
    coldP50: round(percentile(cold, 50)),
    coldP95: round(percentile(cold, 95)),
    warmP50: round(percentile(warm, 50)),
    warmP95: round(percentile(warm, 95)),
  }

  // Quality against brute-force ground truth, story by story.
  const docs: Doc[] = []
  for (let chunk = 0; chunk * manifest.chunkSize < manifest.count; chunk++) {
    const rows = readJson<MetaRow[]>(path.join(indexDir, metaFile(chunk)))
    rows.forEach((row, i) => {
      const id = chunk * manifest.chunkSize + i
      docs.push({
        url: row[0],
        story: id + (manifest.stories[id] ?? 0),
        region: regionOf(row[4]),
        text: normalize(`${row[1]} ${readFileSync(path.join(indexDir, textFile(id)), 'utf8')}`),
      })
    })
  }
  const storyOf = new Map(docs.map((d) => [d.url, d.story]))
  interface Member {
    term: string
    region: Region | null
  }
  const terms = SYNONYMS.flatMap((group) => {
    const sides: [readonly string[], Region | null][] =
      'mainland' in group
        ? [
            [group.mainland, 'mainland'],
            [group.taiwan, 'taiwan'],
          ]
        : [[group, null]]
    const members: Member[] = sides.flatMap(([list, region]) => list.map((term) => ({ term: normalize(term), region })))
    return members.map((typed) => ({ ...typed, members }))
  })
  /** (folded text, region or null) alternatives for one query term: the term, and each synonym swapped in. */
  const alternativesOf = (term: string): { text: string; region: Region | null }[] => {
    const latin = !/\p{Script=Han}/u.test(term)
    const typed = terms.filter((t) => (latin ? t.term === term : /\p{Script=Han}/u.test(t.term) && term.includes(t.term))).sort((a, b) => b.term.length - a.term.length)[0]
    if (!typed) return [{ text: term, region: null }]
    return typed.members.map((m) => ({
      text: latin ? m.term : term.replace(typed.term, m.term),
      region: typed.region === null || m.region === null || m.region === typed.region ? null : m.region,
    }))
  }
  const termMatcher = (term: string): ((doc: Doc) => boolean) => {
    const tests = alternativesOf(term).map(({ text: t, region }) => {
      const inRegion = (doc: Doc) => region === null || doc.region === region
      if (/\p{Script=Han}/u.test(t)) return (doc: Doc) => inRegion(doc) && doc.text.includes(t)
      const base = foldWord(t)
      const forms = [base, `${base}s`, `${base}es`, base.endsWith('y') ? `${base.slice(0, -1)}ies` : base]
      const re = new RegExp(`(?<![\\p{L}\\p{N}])(${[...new Set(forms)].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u')
      return (doc: Doc) => inRegion(doc) && re.test(doc.text)
    })
    return (doc) => tests.some((test) => test(doc))
  }
  const quality: Record<string, LanguageQuality> = {}
  let repeatedStories = 0
  for (const [language, queries] of Object.entries(QUERIES)) {
    const perQuery: QueryQuality[] = []
    for (const query of queries) {
      const matchers = normalize(query).split(/\s+/).filter(Boolean).map(termMatcher)
      const truth = new Set(docs.filter((d) => matchers.every((m) => m(d))).map((d) => d.story))
      const got = (await warmSession.engine.search(query, { limit: 20, snippets: false })).results.map((r) => storyOf.get(r.url))
      if (new Set(got).size !== got.length) repeatedStories++
      const hits = got.filter((story) => story !== undefined && truth.has(story)).length
      const recall = truth.size === 0 ? (got.length === 0 ? 1 : 0) : hits / Math.min(20, truth.size)
      const precision = got.length === 0 ? (truth.size === 0 ? 1 : 0) : hits / got.length
      perQuery.push({ query, truth: truth.size, returned: got.length, recall: round(recall, 3), precision: round(precision, 3) })
    }
    const mean = (key: 'recall' | 'precision') => round(perQuery.reduce((n, q) => n + q[key], 0) / perQuery.length, 3)
    quality[language] = { queries: perQuery.length, recall: mean('recall'), precision: mean('precision'), misses: perQuery.filter((q) => q.recall < 1 || q.precision < 1) }
  }
  return {
    buildSeconds,
    buildOutput,
    size,
    articles: manifest.count,
    shards: manifest.shards,
    pairShards: manifest.pairShards,
    flexsearchBundleKB,
    bytes,
    queries: all.length,
    firstQuery,
    latencyMs,
    repeatedStories,
    quality,
  }
}

/** The figures as table rows: [figure, value, target]. */
export function searchRows(r: SearchMeasurement): Row[] {
  const first = r.bytes.filter((b) => b.kind === 'first')
  const follow = r.bytes.filter((b) => b.kind === 'follow-up')
  return [
    ['articles indexed', r.articles, ''],
    ['index build (npm run build:search), s', r.buildSeconds, ''],
    ['index size raw / gzip, KB', `${r.size.total.rawKB} / ${r.size.total.gzipKB}`, ''],
    ['  token shards raw / gzip, KB', `${r.size.shards.rawKB} / ${r.size.shards.gzipKB} (${r.shards} files)`, ''],
    ['  pair (phrase) shards raw / gzip, KB', `${r.size.pairs.rawKB} / ${r.size.pairs.gzipKB} (${r.pairShards} files)`, ''],
    ['  metadata raw / gzip, KB', `${r.size.meta.rawKB} / ${r.size.meta.gzipKB}`, ''],
    ['  snippet texts raw / gzip, KB', `${r.size.text.rawKB} / ${r.size.text.gzipKB}`, ''],
    ['first query gzip KB (index; +snippets top 10)', first.map((b) => `${b.query}: ${b.indexKB} (+${b.snippetsTop10KB})`).join(', '), ''],
    [
      `first query gzip KB, all ${r.queries} queries: p50 / worst (+${r.flexsearchBundleKB} FlexSearch)`,
      `${r.firstQuery.p50KB} / ${r.firstQuery.worst.indexKB} (${r.firstQuery.worst.query}) → ${r.firstQuery.worstWithBundleKB}`,
      check('searchFirstQueryKB', r.firstQuery.worstWithBundleKB),
    ],
    ['follow-up gzip KB (index; +snippets top 10)', follow.map((b) => `${b.query}: ${b.indexKB} (+${b.snippetsTop10KB})`).join(', '), ''],
    ['Node latency cold p50 / p95, ms', `${r.latencyMs.coldP50} / ${r.latencyMs.coldP95}`, ''],
    ['Node latency warm p50 / p95, ms', `${r.latencyMs.warmP50} / ${r.latencyMs.warmP95}`, check('searchNodeWarmMs', r.latencyMs.warmP95)],
    ...Object.entries(r.quality).map(([language, q]): Row => [
      `recall@20 / precision@20, ${language} (${q.queries} queries)`,
      `${q.recall} / ${q.precision}`,
      `${targetText('searchRecall')} / ${targetText('searchPrecision')} ${mark(meets('searchRecall', q.recall) && meets('searchPrecision', q.precision))}`,
    ]),
    ['result lists with a story twice', r.repeatedStories, check('searchRepeatedStories', r.repeatedStories)],
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { content: { type: 'string' } } })
  const r = await measureSearch({ contentDir: values.content ? path.resolve(values.content) : null })
  for (const [name, value, target] of searchRows(r)) console.log(`${name.padEnd(48)} ${String(value)}  ${target}`)
  for (const [language, q] of Object.entries(r.quality)) for (const m of q.misses) console.log(`  ${language} miss: ${JSON.stringify(m)}`)
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true })
  writeFileSync(path.join(root, 'bench', 'results', 'search.json'), `${JSON.stringify(r, null, 2)}\n`)
}
