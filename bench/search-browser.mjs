#!/usr/bin/env node
/**
 * Search latency in Chromium: the same engine the site ships (lib/search/engine.ts, bundled with
 * esbuild here) runs in headless Chromium against a served index, over the queries of
 * bench/search.mjs. Cold = first run of a query (fetches its shards); warm = the same query again.
 *
 *   node bench/search-browser.mjs --site DIR [--port 3901]
 *
 * DIR is a built site with its search index (e.g. the corpus build that `npm run bench` leaves in
 * $TMPDIR/news-site-bench/corpus-site). Writes bench/results/search-browser.json.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { chromium } from '@playwright/test'
import { QUERIES } from './search.mjs'

const root = path.resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({
  options: {
    site: { type: 'string', default: path.join(os.tmpdir(), 'news-site-bench', 'corpus-site') },
    port: { type: 'string', default: '3901' },
  },
})
if (!existsSync(path.join(args.site, 'public', 'search'))) throw new Error(`${args.site} has no search index (public/search)`)

const bundle = await build({
  entryPoints: [path.join(root, 'lib', 'search', 'engine.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'NewsSearch',
  write: false,
  alias: { '@': root },
  platform: 'browser',
})

const base = `http://127.0.0.1:${args.port}`
const server = spawn(path.join(args.site, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', args.port], {
  cwd: args.site,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
})
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]
const round = (n) => Math.round(n * 100) / 100

try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) break
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
  const page = await browser.newPage()
  await page.goto(`${base}/`)
  await page.addScriptTag({ content: bundle.outputFiles[0].text })
  const queries = [...QUERIES.zh, ...QUERIES.en, ...QUERIES.trad].map((q) => (typeof q === 'string' ? q : q.query))
  const timings = await page.evaluate(async (list) => {
    const engine = new globalThis.NewsSearch.SearchEngine(async (file) => {
      const response = await fetch(`/search/${file}`)
      if (!response.ok) throw new Error(`${file}: ${response.status}`)
      return response.text()
    })
    const cold = []
    const warm = []
    for (const query of list) {
      let started = performance.now()
      await engine.search(query, { edition: 'all', limit: 20, snippets: false })
      cold.push(performance.now() - started)
      started = performance.now()
      await engine.search(query, { edition: 'all', limit: 20, snippets: false })
      warm.push(performance.now() - started)
    }
    return { cold, warm }
  }, queries)
  await browser.close()
  const result = {
    queries: queries.length,
    coldMs: { p50: round(percentile(timings.cold, 50)), p95: round(percentile(timings.cold, 95)) },
    warmMs: { p50: round(percentile(timings.warm, 50)), p95: round(percentile(timings.warm, 95)) },
  }
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true })
  writeFileSync(path.join(root, 'bench', 'results', 'search-browser.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log(`Chromium search latency over ${result.queries} queries: warm p50 ${result.warmMs.p50} ms / p95 ${result.warmMs.p95} ms; cold (fetching shards from localhost) p50 ${result.coldMs.p50} ms / p95 ${result.coldMs.p95} ms`)
} finally {
  server.kill('SIGTERM')
}
