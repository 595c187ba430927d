/**
 * Search latency in Chromium: the same engine the site ships (lib/search/engine.ts with
 * FlexSearch, bundled with esbuild here) runs in headless Chromium against an index served over
 * HTTP, over the queries of bench/search.ts. Cold = first run of a query (fetches its shards);
 * warm = the same query again. bench/run.ts calls `measureSearchBrowser()` for its `search` section.
 *
 *   npx tsx bench/search-browser.ts [--index DIR] [--port 3901]
 *
 * DIR is a built search index (default: this checkout's public/search). Writes
 * bench/results/search-browser.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { chromium } from '@playwright/test'
import type * as Engine from '@/lib/search/engine'
import { QUERIES } from './search'
import { chromiumLaunchOptions } from '../scripts/chromium'
import { withStaticServer } from './static-server'

const root = path.resolve(import.meta.dirname, '..')
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? NaN
const round = (n: number) => Math.round(n * 100) / 100

export interface BrowserSearchMeasurement {
  queries: number
  coldMs: { p50: number; p95: number }
  warmMs: { p50: number; p95: number }
}

export async function measureSearchBrowser({
  indexDir = path.join(root, 'public', 'search'),
  port = 3901,
}: { indexDir?: string; port?: number } = {}): Promise<BrowserSearchMeasurement> {
  if (!existsSync(path.join(indexDir, 'manifest.json'))) throw new Error(`${indexDir} holds no search index`)
  const bundle = await build({
    entryPoints: [path.join(root, 'lib', 'search', 'engine.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'NewsSearch',
    write: false,
    alias: { '@': root },
    platform: 'browser',
  })
  const script = bundle.outputFiles[0]
  if (!script) throw new Error('esbuild produced no bundle of lib/search/engine.ts')
  return withStaticServer(indexDir, port, () => inChromium(script.text, port), { mount: '/search/', home: '<!doctype html><title>search bench</title>' })
}

async function inChromium(script: string, port: number): Promise<BrowserSearchMeasurement> {
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.addScriptTag({ content: script })
    const queries = [...QUERIES.zh, ...QUERIES.en, ...QUERIES.trad]
    const timings = await page.evaluate(async (list) => {
      const { SearchEngine } = (globalThis as unknown as { NewsSearch: typeof Engine }).NewsSearch
      const engine = new SearchEngine(async (file) => {
        const response = await fetch(`/search/${file}`)
        if (!response.ok) throw new Error(`${file}: ${response.status}`)
        return response.text()
      })
      const cold: number[] = []
      const warm: number[] = []
      for (const query of list) {
        let started = performance.now()
        await engine.search(query, { prefer: 'zh-CN', limit: 20, snippets: false })
        cold.push(performance.now() - started)
        for (let i = 0; i < 5; i++) {
          started = performance.now()
          await engine.search(query, { prefer: 'zh-CN', limit: 20, snippets: false })
          warm.push(performance.now() - started)
        }
      }
      return { cold, warm }
    }, queries)
    return {
      queries: queries.length,
      coldMs: { p50: round(percentile(timings.cold, 50)), p95: round(percentile(timings.cold, 95)) },
      warmMs: { p50: round(percentile(timings.warm, 50)), p95: round(percentile(timings.warm, 95)) },
    }
  } finally {
    await browser.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { index: { type: 'string' }, port: { type: 'string', default: '3901' } } })
  const result = await measureSearchBrowser({ indexDir: values.index ? path.resolve(values.index) : undefined, port: Number(values.port) })
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true })
  writeFileSync(path.join(root, 'bench', 'results', 'search-browser.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log(
    `Chromium search latency over ${result.queries} queries: warm p50 ${result.warmMs.p50} ms / p95 ${result.warmMs.p95} ms; cold (fetching shards from localhost) p50 ${result.coldMs.p50} ms / p95 ${result.coldMs.p95} ms`,
  )
}
