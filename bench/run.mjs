#!/usr/bin/env node
/**
 * `npm run bench` measures what the scale issue asks, on the real corpus (../shared/corpus/articles)
 * and on synthetic corpora made from it, each in a scratch copy of the project outside the
 * checkout (the working tree's own build is untouched). Prints a table with targets and writes
 * bench/results/latest.{json,md}.
 *
 *   npm run bench                          everything (≈15 min on 2 cores)
 *   npm run bench -- --only build,serve    some sections: build, search, scale, rebuild, serve, load, cluster, feeds, weight, lighthouse
 *   npm run bench -- --articles 10000,20000   synthetic sizes for `scale`
 *
 * Hugo + Mainroad figures on the same corpus (measured by the project; Hugo is not installable
 * on this offline machine) are printed as references. Page weight is compared with an empty App
 * Router page built and measured in the same run (the framework floor).
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { measureSearchBrowser } from './search-browser.mjs'
import { measureSearch, searchRows } from './search.mjs'

const root = path.resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: path.resolve(root, '../shared/corpus/articles') },
    only: { type: 'string', default: 'build,search,scale,rebuild,serve,load,cluster,feeds,weight,lighthouse' },
    articles: { type: 'string', default: '10000,20000' },
    port: { type: 'string', default: '3900' },
  },
})
const sections = new Set(args.only.split(','))
const HUGO = { cpuSeconds: 119, peakGiB: 1.06, articleGzipKB: 8.9 }
const work = path.join(os.tmpdir(), 'news-site-bench')
const results = { date: new Date().toISOString(), content: args.content, node: process.version, cpus: os.cpus().length }
const rows = []

const log = (message) => process.stderr.write(`${message}\n`)
const round = (n, digits = 2) => (n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const mark = (ok) => (ok ? '✓' : '✗')
const percent = (ratio) => `${ratio >= 0 ? '+' : ''}${round(ratio * 100, 1)} %`

/** A copy of the project without build output, outside the checkout (nested in it, Next takes the outer lockfile's folder as root and needs twice the memory). */
function scratchCopy(name) {
  const dir = path.join(work, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const entry of readdirSync(root)) {
    if (['node_modules', '.next', '.contentlayer', '.git', 'bench', 'test-results', 'playwright-report'].includes(entry)) continue
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true })
  }
  // Hard links where possible (Turbopack resolves packages inside its root only: no symlink).
  try {
    execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(dir, 'node_modules')])
  } catch {
    execFileSync('cp', ['-a', path.join(root, 'node_modules'), path.join(dir, 'node_modules')])
  }
  return dir
}

function processTree() {
  const children = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      // the process ended while we looked
    }
  }
  return children
}

function treeRssKiB(pid) {
  const children = processTree()
  let total = 0
  const stack = [pid]
  while (stack.length) {
    const current = stack.pop()
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // ended
    }
    stack.push(...(children.get(current) ?? []))
  }
  return total
}

/** Runs a command: wall and CPU seconds (all descendants, via GNU time) and the process tree's peak RSS. */
function measure(command, commandArgs, options) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const timeFile = path.join(options.cwd, '.bench-time')
    const useTime = existsSync('/usr/bin/time')
    const child = useTime
      ? spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', command, ...commandArgs], { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command, commandArgs, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    let peak = 0
    const poll = setInterval(() => (peak = Math.max(peak, treeRssKiB(child.pid))), 200)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(poll)
      const wall = Number(process.hrtime.bigint() - started) / 1e9
      let cpu = null
      if (useTime && existsSync(timeFile)) {
        const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
        cpu = user + sys
      }
      resolve({ code, wall, cpu, peakMiB: peak / 1024, output })
    })
  })
}

function dirSize(dir) {
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return total
}

/** `npm run build` of `dir` on `contentDir`, with every figure the issue asks for. */
async function build(dir, contentDir, label) {
  log(`${label}: npm run build on ${contentDir} (in ${dir})…`)
  const run = await measure('npm', ['run', 'build'], { cwd: dir, env: { SITE_URL: 'http://localhost:3000', ...process.env, CONTENT_DIR: contentDir, NEXT_TELEMETRY_DISABLED: '1' } })
  writeFileSync(path.join(root, 'bench', 'results', `${label}.log`), run.output)
  if (run.code !== 0) throw new Error(`${label}: build failed (exit ${run.code}); see bench/results/${label}.log`)
  const report = JSON.parse(readFileSync(path.join(dir, '.contentlayer', 'report.json'), 'utf8'))
  const prerender = JSON.parse(readFileSync(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8'))
  const contentSeconds = Number(/content build: ([\d.]+) s/.exec(run.output)?.[1] ?? NaN)
  return {
    articlesRead: report.read,
    published: report.published,
    skipped: report.skipped,
    repairWarnings: report.warnings.length,
    errors: report.errors.length,
    wallSeconds: round(run.wall, 1),
    cpuSeconds: round(run.cpu, 1),
    peakRssMiB: Math.round(run.peakMiB),
    pagesPrerendered: Object.keys(prerender.routes).length,
    nextDirMiB: round(dirSize(path.join(dir, '.next')) / 2 ** 20, 1),
    contentSeconds: Number.isNaN(contentSeconds) ? null : contentSeconds,
  }
}

function buildRows(label, b) {
  rows.push(
    [`${label}: articles read / published / skipped`, `${b.articlesRead} / ${b.published} / ${b.skipped}`, ''],
    [`${label}: wall s / CPU s`, `${b.wallSeconds} / ${b.cpuSeconds}`, ''],
    [`${label}: peak RSS MiB (process tree)`, b.peakRssMiB, `≤ 2048 ${mark(b.peakRssMiB <= 2048)}`],
    [`${label}: pages pre-rendered / .next MiB`, `${b.pagesPrerendered} / ${b.nextDirMiB}`, ''],
  )
}

/** A writable copy of the corpus with the original mtimes (Contentlayer's cache keys on them). */
function contentCopy(name, from) {
  const dir = path.join(work, name)
  rmSync(dir, { recursive: true, force: true })
  execFileSync('cp', ['-a', from, dir])
  return dir
}

// ---------------------------------------------------------------------------------------------
// Serving

async function waitForServer(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not up yet
    }
    await sleep(300)
  }
  throw new Error(`server at ${url} did not start`)
}

/**
 * Runs `fn(base, pid, inspector)` against `next start` in dir. With `{ inspect: true }` the server
 * runs with the V8 inspector on a free loopback port, and `inspector` is its port.
 */
async function withServer(dir, fn, { inspect = false } = {}) {
  const port = Number(args.port)
  const server = spawn(path.join(dir, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...(inspect ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:0`.trim() } : {}) },
    stdio: ['ignore', inspect ? 'pipe' : 'ignore', 'ignore'],
  })
  let inspector = null
  server.stdout?.on('data', (chunk) => {
    inspector ??= /Debugger port: (\d+)/.exec(String(chunk))?.[1] ?? null
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForServer(`${base}/`)
    return await fn(base, server.pid, inspector)
  } finally {
    server.kill('SIGTERM')
    await sleep(500)
  }
}

async function load(url, seconds = 20) {
  const { default: autocannon } = await import('autocannon')
  const result = await autocannon({ url, connections: 50, duration: seconds })
  return {
    requestsPerSecond: round(result.requests.average, 0),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function catalogOf(dir) {
  return JSON.parse(readFileSync(path.join(dir, '.contentlayer', 'catalog.json'), 'utf8'))
}

async function benchServe(dir) {
  const catalog = catalogOf(dir).filter((a) => !a.draft && a.time <= Date.now() && a.menu !== 'main')
  const prefix = { 'zh-CN': '', en: '/en', 'zh-TW': '/zh-tw', 'zh-HK': '/zh-hk' }
  const url = (a) => `${prefix[a.edition]}${a.path}`
  const newest = catalog.find((a) => a.edition === 'zh-CN') ?? catalog[0]
  const longTail = catalog.filter((a) => a.edition === 'en').slice(-60)
  return withServer(dir, async (base) => {
    log('serve: first render of 40 long-tail (ISR) articles…')
    const firstRenders = []
    for (const article of longTail.slice(0, 40)) {
      const started = performance.now()
      const response = await fetch(`${base}${url(article)}`)
      await response.text()
      if (response.status !== 200) throw new Error(`${url(article)} answered ${response.status}`)
      firstRenders.push(performance.now() - started)
    }
    const isr = longTail[0]
    const out = {
      isrFirstRenderMs: { p50: round(percentile(firstRenders, 50), 1), p95: round(percentile(firstRenders, 95), 1), count: firstRenders.length },
    }
    for (const [name, target] of [
      ['home', '/'],
      ['prerenderedArticle', url(newest)],
      ['isrArticleCached', url(isr)],
    ]) {
      log(`serve: autocannon -c 50 -d 20 ${target}…`)
      out[name] = { path: target, ...(await load(`${base}${target}`)) }
    }
    log('serve: autocannon -c 50 -d 20 on never-requested long-tail articles (ISR first requests under load)…')
    const cold = longTail.slice(40)
    let i = 0
    const { default: autocannon } = await import('autocannon')
    const coldResult = await autocannon({
      url: base,
      connections: 50,
      duration: 20,
      requests: [{ setupRequest: (request) => ({ ...request, path: url(cold[i++ % cold.length]) }) }],
    })
    out.isrFirstUnderLoad = {
      requestsPerSecond: round(coldResult.requests.average, 0),
      p50ms: coldResult.latency.p50,
      p99ms: coldResult.latency.p99,
      errors: coldResult.errors + coldResult.timeouts + coldResult.non2xx,
    }
    const missing = await fetch(`${base}/news/qq/does-not-exist`)
    out.missingArticleStatus = missing.status
    return out
  })
}

/** Forces a full garbage collection in the server through its inspector; returns V8's heap in use, bytes. */
async function heapAfterGc(inspectorPort) {
  const [target] = await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve)
    socket.addEventListener('error', reject)
  })
  let id = 0
  const call = (method) =>
    new Promise((resolve) => {
      const mine = ++id
      const onMessage = (event) => {
        const message = JSON.parse(event.data)
        if (message.id !== mine) return
        socket.removeEventListener('message', onMessage)
        resolve(message.result)
      }
      socket.addEventListener('message', onMessage)
      socket.send(JSON.stringify({ id: mine, method }))
    })
  await call('HeapProfiler.collectGarbage')
  await call('HeapProfiler.collectGarbage')
  const { usedSize } = await call('Runtime.getHeapUsage')
  socket.close()
  return usedSize
}

/**
 * A news spike: 50 connections for 60 s over a mix of pages (home, list pages, tag pages,
 * prerendered and long-tail articles, search page, feeds, sitemap), and the server's memory after
 * 10,000 and after 100,000 requests: V8 heap in use after a forced full GC (the leak test) and
 * RSS of the process tree.
 */
async function benchLoad(dir) {
  const catalog = catalogOf(dir).filter((a) => !a.draft && a.time <= Date.now() && a.menu !== 'main')
  const prefix = { 'zh-CN': '', en: '/en', 'zh-TW': '/zh-tw', 'zh-HK': '/zh-hk' }
  const url = (a) => `${prefix[a.edition]}${a.path}`
  const paths = [
    '/', '/page/2', '/page/5', '/en', '/en/page/3', '/zh-tw', '/zh-hk', '/tags', '/categories',
    ...catalog.slice(0, 40).map(url),
    ...catalog.filter((_, i) => i % 97 === 0).map(url),
    '/search', '/search?q=%E8%8A%AF%E7%89%87', '/index.xml', '/en/feed.json', '/sitemap.xml', '/robots.txt',
  ]
  const { default: autocannon } = await import('autocannon')
  const run = (options) => {
    let i = 0
    return autocannon({ url: options.base, connections: 50, ...options.limit, requests: [{ setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) }] })
  }
  return withServer(dir, async (base, pid, inspector) => {
    if (!inspector) throw new Error('load: the server did not report its inspector port')
    // Twenty tag pages, as the tag index links them.
    const tagIndex = await (await fetch(`${base}/tags`)).text()
    paths.push(...[...new Set([...tagIndex.matchAll(/href="(\/tags\/[^"#?]+)"/g)].map((m) => m[1]))].slice(0, 20))
    // Every path once, so ISR first renders are not part of the figures.
    for (const p of paths) {
      const response = await fetch(`${base}${p}`)
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`load mix: ${p} answered ${response.status}`)
    }
    const memory = async () => {
      await sleep(2000)
      const heap = await heapAfterGc(inspector)
      return { heapMiB: round(heap / 1024 / 1024, 1), rssMiB: round(treeRssKiB(pid) / 1024, 0) }
    }
    const start = await memory()
    log('load: 10,000 requests…')
    const first = await run({ base, limit: { amount: 10_000 } })
    const after10k = await memory()
    log(`load: autocannon -c 50 -d 60 over ${paths.length} paths…`)
    const spike = await run({ base, limit: { duration: 60 } })
    const sent = first.requests.total + spike.requests.total
    log(`load: ${sent} requests so far; continuing to 100,000…`)
    const rest = sent < 100_000 ? await run({ base, limit: { amount: 100_000 - sent } }) : null
    const total = sent + (rest?.requests.total ?? 0)
    const after100k = await memory()
    const failures = (r) => (r ? r.errors + r.timeouts + r.non2xx : 0)
    return {
      paths: paths.length,
      spike: {
        requestsPerSecond: round(spike.requests.average, 0),
        p50ms: spike.latency.p50,
        p99ms: spike.latency.p99,
        maxMs: spike.latency.max,
        errors: spike.errors,
        timeouts: spike.timeouts,
        non2xx: spike.non2xx,
      },
      memory: {
        start,
        after10k,
        after100k,
        totalRequests: total,
        heapGrowth: round(after100k.heapMiB / after10k.heapMiB - 1, 3),
        rssGrowth: round(after100k.rssMiB / after10k.rssMiB - 1, 3),
      },
      failuresOutsideSpike: failures(first) + failures(rest),
    }
  }, { inspect: true })
}

// ---------------------------------------------------------------------------------------------
// Several instances: one `next start` alone against two behind Debian's nginx sharing one Redis

function startProcess(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { stdio: 'ignore', ...options })
  return { child, stop: async () => { child.kill('SIGTERM'); await sleep(500) } }
}

async function benchCluster(dir) {
  const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => existsSync(f))
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((f) => existsSync(f))
  if (!redisServer || !nginx) throw new Error('cluster: needs Debian\'s redis-server and nginx (apt-get install redis-server nginx-light)')
  const port = Number(args.port)
  const [redisPort, one, a, b, proxyPort] = [port + 30, port + 31, port + 32, port + 33, port + 34]
  const catalog = catalogOf(dir).filter((x) => !x.draft && x.time <= Date.now() && x.menu !== 'main')
  const prefix = { 'zh-CN': '', en: '/en', 'zh-TW': '/zh-tw', 'zh-HK': '/zh-hk' }
  const url = (x) => `${prefix[x.edition]}${x.path}`
  const mix = ['/', '/page/2', '/en', '/zh-tw', '/tags', '/index.xml', ...catalog.slice(0, 40).map(url), ...catalog.filter((_, i) => i % 97 === 0).map(url)]
  // Long-tail articles nobody has asked for yet: rendered by one instance, then asked of the other.
  const probe = catalog.filter((_, i) => i % 89 === 5).slice(0, 40).map(url)
  const next = path.join(dir, 'node_modules', '.bin', 'next')
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  const shared = { ...env, REDIS_URL: `redis://127.0.0.1:${redisPort}` }
  const running = []
  const { default: autocannon } = await import('autocannon')
  const hammer = async (base) => {
    for (const p of mix) await (await fetch(`${base}${p}`)).arrayBuffer()
    let i = 0
    const r = await autocannon({ url: base, connections: 50, duration: 20, requests: [{ setupRequest: (request) => ({ ...request, path: mix[i++ % mix.length] }) }] })
    return { requestsPerSecond: round(r.requests.average, 0), p50ms: r.latency.p50, p99ms: r.latency.p99, failures: r.errors + r.timeouts + r.non2xx }
  }
  try {
    const single = startProcess(next, ['start', '-H', '127.0.0.1', '-p', String(one)], { cwd: dir, env })
    running.push(single)
    await waitForServer(`http://127.0.0.1:${one}/`)
    log('cluster: one instance, autocannon -c 50 -d 20…')
    const alone = await hammer(`http://127.0.0.1:${one}`)
    await single.stop()
    running.pop()

    running.push(startProcess(redisServer, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']))
    for (const p of [a, b]) running.push(startProcess(next, ['start', '-H', '127.0.0.1', '-p', String(p)], { cwd: dir, env: shared }))
    const conf = path.join(work, 'nginx.conf')
    writeFileSync(
      conf,
      `daemon off; pid ${path.join(work, 'nginx.pid')}; error_log stderr; worker_processes auto; events { worker_connections 1024; }
http { access_log off; upstream site { server 127.0.0.1:${a}; server 127.0.0.1:${b}; keepalive 32; }
server { listen 127.0.0.1:${proxyPort}; location / { proxy_pass http://site; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; } } }\n`,
    )
    running.push(startProcess(nginx, ['-c', conf, '-p', work]))
    for (const p of [a, b]) await waitForServer(`http://127.0.0.1:${p}/api/health`)
    await waitForServer(`http://127.0.0.1:${proxyPort}/`)
    let hits = 0
    for (const p of probe) {
      await (await fetch(`http://127.0.0.1:${a}${p}`)).arrayBuffer()
      const other = await fetch(`http://127.0.0.1:${b}${p}`)
      await other.arrayBuffer()
      if (other.headers.get('x-nextjs-cache') === 'HIT') hits += 1
    }
    log('cluster: two instances behind nginx, autocannon -c 50 -d 20…')
    const pair = await hammer(`http://127.0.0.1:${proxyPort}`)
    return { paths: mix.length, alone, pair, crossInstanceHitRate: round(hits / probe.length, 3), probed: probe.length }
  } finally {
    for (const p of running.reverse()) await p.stop()
  }
}

// ---------------------------------------------------------------------------------------------
// Feeds and sitemaps

/**
 * Size (raw, gzip) and generation time of the feeds and sitemaps on the corpus build. The edition
 * feeds and sitemaps are prerendered at build, so the first request is a cache hit: each file is
 * then regenerated once on demand (Next's `x-prerender-revalidate` header with the build's
 * preview id, as `revalidatePath` does), which is the uncached generation time.
 */
async function benchFeeds(dir) {
  const previewId = JSON.parse(readFileSync(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8')).preview?.previewModeId
  return withServer(dir, async (base) => {
    const get = async (target, headers = {}) => {
      const started = performance.now()
      const response = await fetch(`${base}${target}`, { headers })
      const body = Buffer.from(await response.arrayBuffer())
      return { response, body, ms: round(performance.now() - started, 1) }
    }
    const measureFile = async (target) => {
      log(`feeds: ${target}…`)
      const first = await get(target)
      if (first.response.status !== 200) throw new Error(`${target} answered ${first.response.status}`)
      const regenerated = previewId ? await get(target, { 'x-prerender-revalidate': previewId }) : null
      return {
        path: target,
        contentType: first.response.headers.get('content-type'),
        bytes: first.body.length,
        gzipBytes: gzipSync(first.body).length,
        firstRequestMs: first.ms,
        firstRequestCache: first.response.headers.get('x-nextjs-cache') ?? 'none',
        generationMs: regenerated?.ms ?? first.ms,
        body: first.body.toString('utf8'),
      }
    }
    const out = []
    for (const target of ['/index.xml', '/feed.json', '/atom.xml', '/en/index.xml', '/sitemap.xml']) out.push(await measureFile(target))
    const sitemap = out.at(-1).body
    if (sitemap.includes('<sitemapindex')) {
      for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) out.push(await measureFile(new URL(loc).pathname))
    }
    out.push(await measureFile('/news-sitemap.xml'))
    for (const file of out) {
      file.entries = (file.body.match(/<item>|<entry|<url>|<sitemap>/g) ?? []).length || (file.path.endsWith('.json') ? JSON.parse(file.body).items.length : 0)
      delete file.body
    }
    return out
  })
}

// ---------------------------------------------------------------------------------------------
// Page weight

const FLOOR_LAYOUT = `export default function FloorLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`
const FLOOR_PAGE = `export default function Floor() {
  return <p>floor</p>
}
`

async function pageWeight(base, pathname) {
  const response = await fetch(`${base}${pathname}`)
  const html = await response.text()
  const gz = (text) => gzipSync(Buffer.from(text)).length
  const assets = async (pattern) => {
    const urls = [...new Set([...html.matchAll(pattern)].map((m) => m[1]))]
    let total = 0
    for (const asset of urls) total += gz(await (await fetch(`${base}${asset}`)).text())
    return { files: urls.length, gzipBytes: total }
  }
  const css = await assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)
  const js = await assets(/<script[^>]+src="([^"]+)"/g)
  const htmlBytes = gz(html)
  return { path: pathname, htmlGzip: htmlBytes, cssGzip: css.gzipBytes, jsGzip: js.gzipBytes, jsFiles: js.files, totalGzip: htmlBytes + css.gzipBytes + js.gzipBytes }
}

async function benchWeight(dir) {
  const catalog = catalogOf(dir).filter((a) => !a.draft && a.time <= Date.now() && a.edition === 'zh-CN' && a.menu !== 'main')
  return withServer(dir, async (base) => {
    const home = await pageWeight(base, '/')
    const article = await pageWeight(base, catalog[0].path)
    const floor = await pageWeight(base, '/bench-floor')
    return { home, article, floor, articleToFloor: round(article.totalGzip / floor.totalGzip), homeToFloor: round(home.totalGzip / floor.totalGzip) }
  })
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

async function lighthouseRun(url) {
  const out = path.join(work, 'lighthouse.json')
  const chrome = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const flags = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic'
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'lighthouse'),
    [url, '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${flags}`, '--quiet'],
    { env: { ...process.env, CHROME_PATH: chrome }, stdio: 'ignore', timeout: 180_000 },
  )
  const report = JSON.parse(readFileSync(out, 'utf8'))
  return Object.fromEntries(Object.entries(report.categories).map(([key, category]) => [key, Math.round(category.score * 100)]))
}

async function benchLighthouse(dir) {
  const catalog = catalogOf(dir).filter((a) => !a.draft && a.time <= Date.now() && a.edition === 'zh-CN' && a.menu !== 'main')
  return withServer(dir, async (base) => {
    const out = {}
    for (const [name, pathname] of [
      ['home', '/'],
      ['article', catalog[0].path],
    ]) {
      const runs = []
      for (let i = 0; i < 3; i++) {
        log(`lighthouse: ${name} run ${i + 1}/3…`)
        runs.push(await lighthouseRun(`${base}${pathname}`))
      }
      out[name] = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, percentile(runs.map((r) => r[key]), 50)]))
      out[name].runs = runs
    }
    return out
  })
}

// ---------------------------------------------------------------------------------------------

mkdirSync(path.join(root, 'bench', 'results'), { recursive: true })
mkdirSync(work, { recursive: true })
if (!existsSync(args.content)) {
  console.log(`bench: content directory ${args.content} is absent; nothing to measure (set --content)`)
  process.exit(0)
}

const mainDir = path.join(work, 'corpus-site')
const needsMainBuild = ['build', 'rebuild', 'serve', 'load', 'cluster', 'feeds', 'weight', 'lighthouse'].some((s) => sections.has(s))
const mainContent = needsMainBuild ? contentCopy('corpus-content', args.content) : null
if (needsMainBuild) {
  scratchCopy('corpus-site')
  mkdirSync(path.join(mainDir, 'app', 'bench-floor'), { recursive: true })
  writeFileSync(path.join(mainDir, 'app', 'bench-floor', 'layout.tsx'), FLOOR_LAYOUT)
  writeFileSync(path.join(mainDir, 'app', 'bench-floor', 'page.tsx'), FLOOR_PAGE)
  results.build = await build(mainDir, mainContent, 'build-4675')
  const b = results.build
  buildRows('build 4,675 (real corpus)', b)
  rows.push(
    ['build 4,675: CPU s vs Hugo + Mainroad (119)', `×${round(b.cpuSeconds / HUGO.cpuSeconds)}`, `≤ 119 ${mark(b.cpuSeconds <= HUGO.cpuSeconds)}`],
    ['build 4,675: repair warnings / errors reported', `${b.repairWarnings} / ${b.errors}`, ''],
  )
}

if (sections.has('search')) {
  // On the main build's copy when there is one (its content build is the corpus), else on a copy of its own.
  const dir = needsMainBuild ? mainDir : scratchCopy('search-site')
  const r = (results.search = await measureSearch({ contentDir: needsMainBuild ? null : contentCopy('search-content', args.content), dir, log }))
  rows.push(...searchRows(r).map(([name, value, target]) => [`search: ${name.trim()}`, value, target]))
  const b = (results.searchBrowser = await measureSearchBrowser({ indexDir: path.join(dir, 'public', 'search'), port: Number(args.port) + 1 }))
  rows.push([`search: Chromium latency warm p50 / p95, ms (cold p50 / p95, ${b.queries} queries)`, `${b.warmMs.p50} / ${b.warmMs.p95} (${b.coldMs.p50} / ${b.coldMs.p95})`, `p95 ≤ 5 ${mark(b.warmMs.p95 <= 5)}`])
}

if (sections.has('rebuild')) {
  const file = path.join(mainContent, 'zh-CN', 'news', 'bench', 'BENCH00000000001.zh-CN.md')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `---\ntitle: "基准测试：新增的一篇文章"\ndate: "2026-01-01 08:00:00"\ntags:\n  - "基准"\n---\n\n新增文章的正文。\n`)
  const run = await build(mainDir, mainContent, 'rebuild-4676')
  results.rebuild = { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, ratioToFull: round(run.wallSeconds / results.build.wallSeconds) }
  rows.push(['rebuild (npm run build) after adding 1 article: wall s', `${run.wallSeconds} (×${results.rebuild.ratioToFull} of full)`, `≤ 0.25 ${mark(results.rebuild.ratioToFull <= 0.25)}`])

  // The running server reads the catalog and bodies at run time: a content build alone
  // publishes a new article (it renders on first request; lists at their next revalidation).
  results.refresh = await withServer(mainDir, async (base) => {
    const second = path.join(mainContent, 'zh-CN', 'news', 'bench', 'BENCH00000000002.zh-CN.md')
    writeFileSync(second, `---\ntitle: "基准测试：第二篇新增文章"\ndate: "2026-01-02 08:00:00"\n---\n\n正文。\n`)
    const content = await measure('npm', ['run', 'content'], { cwd: mainDir, env: { ...process.env, CONTENT_DIR: mainContent } })
    const started = performance.now()
    let status = 0
    while (performance.now() - started < 15_000) {
      status = (await fetch(`${base}/news/bench/bench00000000002`)).status
      if (status === 200) break
      await sleep(250)
    }
    return { contentWallSeconds: round(content.wall, 1), servedAfterSeconds: round((performance.now() - started) / 1000, 1), status }
  })
  const r = results.refresh
  rows.push([
    'refresh (npm run content, server running): wall s, new article served after s',
    `${r.contentWallSeconds} (×${round(r.contentWallSeconds / results.build.wallSeconds)} of full), ${r.servedAfterSeconds} (HTTP ${r.status})`,
    `≤ 0.25 ${mark(r.contentWallSeconds / results.build.wallSeconds <= 0.25 && r.status === 200)}`,
  ])
}

if (sections.has('serve')) {
  const s = (results.serve = await benchServe(mainDir))
  for (const key of ['home', 'prerenderedArticle', 'isrArticleCached']) {
    const r = s[key]
    rows.push([`serve ${key} (-c 50 -d 20): req/s, p50/p99 ms, errors`, `${r.requestsPerSecond}, ${r.p50ms}/${r.p99ms}, ${r.errors}`, `0 errors ${mark(r.errors === 0)}`])
  }
  const c = s.isrFirstUnderLoad
  rows.push(
    ['serve ISR first requests under load: req/s, p50/p99 ms, errors', `${c.requestsPerSecond}, ${c.p50ms}/${c.p99ms}, ${c.errors}`, `0 errors ${mark(c.errors === 0)}`],
    ['serve ISR first render (sequential): p50 / p95 ms', `${s.isrFirstRenderMs.p50} / ${s.isrFirstRenderMs.p95}`, `p95 ≤ 200 ${mark(s.isrFirstRenderMs.p95 <= 200)}`],
    ['serve non-existent article: status', s.missingArticleStatus, `404 ${mark(s.missingArticleStatus === 404)}`],
  )
}

if (sections.has('load')) {
  const l = (results.load = await benchLoad(mainDir))
  const s = l.spike
  rows.push(
    [`load -c 50 -d 60 over ${l.paths} pages: req/s, p50/p99/max ms`, `${s.requestsPerSecond}, ${s.p50ms}/${s.p99ms}/${s.maxMs}`, ''],
    ['load: errors / timeouts / non-2xx', `${s.errors} / ${s.timeouts} / ${s.non2xx} (+${l.failuresOutsideSpike} outside the 60 s)`, `0 ${mark(s.errors + s.timeouts + s.non2xx + l.failuresOutsideSpike === 0)}`],
    [
      'load: server heap MiB after full GC at start / after 10k / after 100k requests',
      `${l.memory.start.heapMiB} / ${l.memory.after10k.heapMiB} / ${l.memory.after100k.heapMiB} (${l.memory.totalRequests} requests, ${percent(l.memory.heapGrowth)})`,
      `within 20 % ${mark(Math.abs(l.memory.heapGrowth) <= 0.2)}`,
    ],
    [
      'load: server RSS MiB at start / after 10k / after 100k requests',
      `${l.memory.start.rssMiB} / ${l.memory.after10k.rssMiB} / ${l.memory.after100k.rssMiB} (${percent(l.memory.rssGrowth)})`,
      '',
    ],
  )
}

if (sections.has('cluster')) {
  const c = (results.cluster = await benchCluster(mainDir))
  rows.push(
    [`cluster: one instance, -c 50 -d 20 over ${c.paths} pages: req/s, p50/p99 ms`, `${c.alone.requestsPerSecond}, ${c.alone.p50ms}/${c.alone.p99ms} (${c.alone.failures} failed)`, ''],
    ['cluster: two instances behind nginx, one Redis: req/s, p50/p99 ms', `${c.pair.requestsPerSecond}, ${c.pair.p50ms}/${c.pair.p99ms} (${c.pair.failures} failed)`, `×${round(c.pair.requestsPerSecond / c.alone.requestsPerSecond)} of one (2 cores: both instances and nginx share them)`],
    ['cluster: pages rendered by one instance served from cache by the other', `${round(c.crossInstanceHitRate * 100, 1)} % of ${c.probed}`, `100 % ${mark(c.crossInstanceHitRate === 1)}`],
  )
}

if (sections.has('feeds')) {
  results.feeds = await benchFeeds(mainDir)
  for (const f of results.feeds) {
    rows.push([
      `feed ${f.path} (${f.entries} entries): KiB raw / gzip, generation ms (first request ms, cache)`,
      `${round(f.bytes / 1024, 1)} / ${round(f.gzipBytes / 1024, 1)}, ${f.generationMs} (${f.firstRequestMs}, ${f.firstRequestCache})`,
      f.path.startsWith('/sitemap') ? `≤ 50,000 URLs, ≤ 50 MiB ${mark(f.entries <= 50_000 && f.bytes <= 50 * 1024 * 1024)}` : '',
    ])
  }
}

if (sections.has('weight')) {
  const w = (results.weight = await benchWeight(mainDir))
  for (const key of ['floor', 'home', 'article']) {
    const p = w[key]
    rows.push([`weight ${key} gzip B: HTML + CSS + JS = total`, `${p.htmlGzip} + ${p.cssGzip} + ${p.jsGzip} = ${p.totalGzip}`, key === 'article' ? `Hugo ${HUGO.articleGzipKB} KB` : ''])
  }
  rows.push(['weight article / floor', `×${w.articleToFloor}`, `≤ 1.3 ${mark(w.articleToFloor <= 1.3)}`], ['weight home / floor', `×${w.homeToFloor}`, ''])
}

if (sections.has('lighthouse')) {
  const l = (results.lighthouse = await benchLighthouse(mainDir))
  for (const key of ['home', 'article']) {
    const r = l[key]
    const all = [r.performance, r.accessibility, r['best-practices'], r.seo]
    rows.push([`lighthouse mobile ${key} (median of 3): perf / a11y / best / SEO`, all.join(' / '), `100 each ${mark(all.every((v) => v === 100))}`])
  }
}

if (sections.has('scale')) {
  results.scale = {}
  for (const n of args.articles.split(',').map(Number)) {
    const content = path.join(work, `corpus-${n}`)
    execFileSync('node', [path.join(root, 'scripts', 'synth-corpus.mjs'), '--from', args.content, '--out', content, '--articles', String(n)], { stdio: 'ignore' })
    const dir = scratchCopy(`scale-${n}`)
    const b = await build(dir, content, `build-${n}`)
    results.scale[n] = b
    buildRows(`build ${n.toLocaleString('en')}`, b)
    if (results.build) {
      const ratio = round(b.cpuSeconds / results.build.cpuSeconds)
      const limit = n >= 20000 ? 4.5 : null
      rows.push([`build ${n.toLocaleString('en')}: CPU s vs 4,675`, `×${ratio} (articles ×${round(n / results.build.articlesRead)})`, limit ? `≤ ×${limit} ${mark(ratio <= limit)}` : ''])
    }
    rmSync(dir, { recursive: true, force: true })
    rmSync(content, { recursive: true, force: true })
  }
}

const table = ['| figure | value | target / reference |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
console.log(table)
writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(path.join(root, 'bench', 'results', 'latest.md'), `# Benchmark ${results.date}\n\n${table}\n`)
