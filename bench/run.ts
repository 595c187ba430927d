/**
 * `npm run bench` measures the site on the real corpus (../shared/corpus/articles) and on
 * synthetic corpora made from it, each in a scratch copy of the project outside the checkout
 * (scripts/scratch-copy.ts: the working tree's own build is untouched). Prints a table with the
 * targets of bench/targets.ts and writes bench/results/latest.{json,md}.
 *
 *   npm run bench                          everything (≈15 min on 2 cores)
 *   npm run bench -- --only build,serve    some sections: build, search, scale, rebuild, serve, load, cluster, feeds, weight, lighthouse
 *   npm run bench -- --articles 10000,20000   synthetic sizes for `scale`
 *
 * Every comparison is within this run: the original system (Hugo + Mainroad,
 * ../shared/anchors/hugo-mainroad/run.sh, needs `apt-get install -y hugo`) builds the same content
 * beside ours, cold, and its pages are served for Lighthouse beside ours; page weight is compared
 * with an empty App Router page built in the same run (the framework floor), and the build with
 * the sample content's (the compile floor).
 */
import { execFile, execFileSync, spawn, type SpawnOptions } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import type autocannon from 'autocannon'
import { editionHref } from '@/i18n/routing'
import type { ArticleMeta, ContentReport } from '@/lib/content/types'
import { projectDir, scratchCopy, scratchRoot } from '@/scripts/scratch-copy'
import { measureSearchBrowser, type BrowserSearchMeasurement } from './search-browser'
import { withStaticServer } from './static-server'
import { measureSearch, searchRows, type Row, type SearchMeasurement } from './search'
import { check, mark, meets, targetText } from './targets'

const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: path.resolve(projectDir, '../shared/corpus/articles') },
    only: { type: 'string', default: 'build,search,scale,rebuild,serve,load,cluster,feeds,weight,lighthouse' },
    articles: { type: 'string', default: '10000,20000' },
    port: { type: 'string', default: '3900' },
  },
})
const sections = new Set(args.only.split(','))
const work = scratchRoot('bench')
const benchCopy = (name: string) => scratchCopy('bench', name)

const log = (message: string) => process.stderr.write(`${message}\n`)
function round(n: number, digits?: number): number
function round(n: number | null | undefined, digits?: number): number | null
function round(n: number | null | undefined, digits = 2): number | null {
  return n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const percent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${round(ratio * 100, 1)} %`
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

/** Hands out the items of a non-empty list in turn, forever. */
function cycle<T>(list: readonly T[]): () => T {
  if (list.length === 0) throw new Error('cycle: empty list')
  let i = 0
  return () => list[i++ % list.length] as T
}

function processTree(): Map<number, number[]> {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const siblings = children.get(ppid) ?? []
      siblings.push(Number(entry))
      children.set(ppid, siblings)
    } catch {
      // the process ended while we looked
    }
  }
  return children
}

/**
 * The memory of a set of processes: their RSS summed, and their PSS summed. Summed RSS counts a
 * page once for every process that maps it (the Node binary, in each of a build's Node
 * processes); PSS divides a shared page among the processes sharing it, so its sum is what the
 * processes hold together. PSS falls back to RSS where /proc/<pid>/smaps_rollup cannot be read.
 */
function memoryKiB(pids: Iterable<number>): { rss: number; pss: number } {
  const total = { rss: 0, pss: 0 }
  for (const pid of pids) {
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
      let pss = rss
      try {
        pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? rss)
      } catch {
        // not readable here: RSS stands in
      }
      total.rss += rss
      total.pss += pss
    } catch {
      // ended
    }
  }
  return total
}

function treePids(pid: number): number[] {
  const children = processTree()
  const pids: number[] = []
  for (const stack = [pid]; stack.length > 0;) {
    const current = stack.pop() as number
    pids.push(current)
    stack.push(...(children.get(current) ?? []))
  }
  return pids
}

/**
 * A cpuacct control group holds every process a command starts, and counts their CPU even when
 * their parent does not wait for them: `next build` exits before its static worker has ended, and
 * GNU time then misses the worker's CPU (a whole static generation). Null where the machine does
 * not let the bench make one; GNU time's count is the fallback.
 */
let groups = 0
function cpuGroup(): string | null {
  const dir = `/sys/fs/cgroup/cpuacct/news-site-bench-${process.pid}-${(groups += 1)}`
  try {
    mkdirSync(dir)
    return dir
  } catch {
    return null
  }
}
const groupPids = (group: string) => readFileSync(path.join(group, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number)

interface Measured {
  code: number | null
  wall: number
  /** User + system seconds of the command and all its descendants (null without a control group or GNU time). */
  cpu: number | null
  /** Peak of the summed RSS, and of the summed PSS, of the command's processes (memoryKiB). */
  peakMiB: number
  peakPssMiB: number
  output: string
}

/** Runs a command: wall and CPU seconds (all descendants) and the peaks of their summed RSS and PSS. */
function measure(command: string, commandArgs: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    // Outside the project: a file there would change what scripts/next-build.ts fingerprints.
    const timeFile = path.join(os.tmpdir(), `news-site-bench-time-${process.pid}`)
    const useTime = existsSync('/usr/bin/time')
    const group = cpuGroup()
    const timedCommand: [string, string[]] = useTime ? ['/usr/bin/time', ['-o', timeFile, '-f', '%U %S', command, ...commandArgs]] : [command, commandArgs]
    // The shell joins the group, then becomes the command: everything it starts is in the group.
    const [file, fileArgs] = group ? ['sh', ['-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', group, ...timedCommand.flat()]] : timedCommand
    const child = spawn(file, fileArgs, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    let peak = 0
    let peakPss = 0
    const poll = setInterval(() => {
      if (child.pid === undefined) return
      const memory = memoryKiB(group ? groupPids(group) : treePids(child.pid))
      peak = Math.max(peak, memory.rss)
      peakPss = Math.max(peakPss, memory.pss)
    }, 200)
    child.on('error', reject)
    child.on('exit', async (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9
      let cpu = null
      if (group) {
        // What the command left running is still its work: counted once it has ended too.
        for (let waited = 0; groupPids(group).length > 0 && waited < 60_000; waited += 100) await sleep(100)
        clearInterval(poll)
        cpu = Number(readFileSync(path.join(group, 'cpuacct.usage'), 'utf8')) / 1e9
        rmdirSync(group)
      } else {
        clearInterval(poll)
        if (useTime && existsSync(timeFile)) {
          const [user = NaN, sys = NaN] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number)
          cpu = user + sys
        }
      }
      resolve({ code, wall, cpu, peakMiB: peak / 1024, peakPssMiB: peakPss / 1024, output })
    })
  })
}

function dirSize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return total
}

interface PrerenderManifest {
  routes: Record<string, unknown>
  preview?: { previewModeId?: string }
}

/** Wall seconds of the steps of `npm run build`, as it prints them (the search index runs beside the pages). */
interface StepSeconds {
  content: number
  search: number
  pages: number
}

interface BuildFigures {
  articlesRead: number
  published: number
  skipped: number
  repairWarnings: number
  errors: number
  wallSeconds: number
  cpuSeconds: number | null
  peakRssMiB: number
  peakPssMiB: number
  pagesPrerendered: number
  nextDirMiB: number
  steps: StepSeconds
  /** CPU seconds inside the content build, as it reports them. */
  contentCpu: { contentlayer: number; normalisation: number; merge: number } | null
  /** Seconds Next reports for compiling and for generating the static pages. */
  nextCompileSeconds: number | null
  nextStaticSeconds: number | null
}

/**
 * `npm run build` of `dir` on `contentDir`, with the figures the table reports: wall, CPU and peak
 * of the whole command (its steps overlap: the search index is built beside the pages), and each
 * step's wall time as it prints it.
 */
async function build(dir: string, contentDir: string, label: string): Promise<BuildFigures> {
  log(`${label}: npm run build on ${contentDir} (in ${dir})…`)
  const env = { SITE_URL: 'http://localhost:3000', ...process.env, CONTENT_DIR: contentDir, NEXT_TELEMETRY_DISABLED: '1' }
  const run = await measure('npm', ['run', 'build'], { cwd: dir, env })
  const output = run.output
  writeFileSync(path.join(projectDir, 'bench', 'results', `${label}.log`), output)
  if (run.code !== 0) throw new Error(`${label}: npm run build failed (exit ${run.code}); see bench/results/${label}.log`)
  // A full build: "… search index X s beside their generation, pages Y s"; a rebuild: "… search index X s beside pages Y s".
  const steps = /build: content ([\d.]+) s, then search index ([\d.]+) s (?:beside their generation,|before them,|beside) pages ([\d.]+) s/.exec(output)
  const step = (i: number) => Number(steps?.[i] ?? NaN)
  const report = readJson<ContentReport>(path.join(dir, '.contentlayer', 'report.json'))
  const prerender = readJson<PrerenderManifest>(path.join(dir, '.next', 'prerender-manifest.json'))
  const cpuLine = /content build CPU: Contentlayer ([\d.]+) s, normalisation ([\d.]+) s, merge and report ([\d.]+) s/.exec(output)
  const seconds = (pattern: RegExp) => {
    const match = pattern.exec(output)
    return match ? Number(match[1]) * (match[2] === 'ms' ? 0.001 : 1) : null
  }
  return {
    articlesRead: report.read,
    published: report.published,
    skipped: report.skipped,
    repairWarnings: report.warnings.length,
    errors: report.errors.length,
    wallSeconds: round(run.wall, 1),
    cpuSeconds: run.cpu === null ? null : round(run.cpu, 1),
    peakRssMiB: Math.round(run.peakMiB),
    peakPssMiB: Math.round(run.peakPssMiB),
    pagesPrerendered: Object.keys(prerender.routes).length,
    nextDirMiB: round(dirSize(path.join(dir, '.next')) / 2 ** 20, 1),
    steps: { content: step(1), search: step(2), pages: step(3) },
    contentCpu: cpuLine ? { contentlayer: Number(cpuLine[1]), normalisation: Number(cpuLine[2]), merge: Number(cpuLine[3]) } : null,
    nextCompileSeconds: seconds(/Compiled successfully in ([\d.]+)(m?s)/),
    nextStaticSeconds: seconds(/Generating static pages[^\n]*\(\d+\/\d+\) in ([\d.]+)(m?s)/),
  }
}

/** What one `run.sh` of Hugo + Mainroad printed. */
interface HugoFigures {
  cpuSeconds: number
  wallSeconds: number
  /** Hugo's own peak RSS, as run.sh reports it (GNU time). */
  peakRssMiB: number
  /** The peak of run.sh's process tree's summed PSS, sampled as ours is (measure). */
  peakPssMiB: number
  pages: number
}

const HUGO_RUN = path.resolve(projectDir, '../shared/anchors/hugo-mainroad/run.sh')

/** Hugo + Mainroad over `contentDir` into `outDir`, cold (run.sh copies the content into a new site); null when Hugo cannot run here. */
async function hugo(contentDir: string, outDir: string, baseUrl = 'http://127.0.0.1/'): Promise<HugoFigures | null> {
  if (!existsSync(HUGO_RUN)) {
    log(`hugo: ${HUGO_RUN} is absent; no side-by-side figures`)
    return null
  }
  log(`hugo: run.sh on ${contentDir}…`)
  // HUGO_BASEURL: the pages link their assets under the local server Lighthouse reads them from.
  const run = await measure('bash', [HUGO_RUN, contentDir, outDir], { cwd: work, env: { ...process.env, HUGO_BASEURL: baseUrl } })
  const line = /hugo: ([\d.]+) CPU-s, ([\d.]+) s wall, (\d+) MiB peak, (\d+) HTML pages/.exec(run.output)
  if (run.code !== 0 || !line) {
    log(`hugo: run.sh failed (exit ${run.code}): ${run.output.trim().split('\n').pop() ?? ''}`)
    return null
  }
  return { cpuSeconds: Number(line[1]), wallSeconds: Number(line[2]), peakRssMiB: Number(line[3]), peakPssMiB: Math.round(run.peakPssMiB), pages: Number(line[4]) }
}

function buildRows(label: string, b: BuildFigures): Row[] {
  return [
    [`${label}: articles read / published / skipped`, `${b.articlesRead} / ${b.published} / ${b.skipped}`, ''],
    [`${label}: wall s / CPU s`, `${b.wallSeconds} / ${b.cpuSeconds}`, ''],
    [`${label}: peak RSS MiB (process tree, summed)`, b.peakRssMiB, check('buildPeakRssMiB', b.peakRssMiB)],
    [`${label}: peak PSS MiB (process tree, summed: a shared page counted once)`, b.peakPssMiB, ''],
    [`${label}: pages pre-rendered / .next MiB`, `${b.pagesPrerendered} / ${b.nextDirMiB}`, ''],
    [`${label}: steps, wall s: content; then search index, beside the pages`, `${b.steps.content}; ${b.steps.search}, ${b.steps.pages}`, ''],
    [
      `${label}:   content CPU s: Contentlayer / normalisation / merge and report`,
      b.contentCpu ? `${b.contentCpu.contentlayer} / ${b.contentCpu.normalisation} / ${b.contentCpu.merge}` : 'not reported',
      '',
    ],
    [`${label}:   pages: compile s / static generation s`, `${b.nextCompileSeconds} / ${b.nextStaticSeconds}`, ''],
  ]
}

/** Our build beside Hugo's on the same content: the three ratios and their targets. */
function hugoRows(label: string, ours: BuildFigures, theirs: HugoFigures | null): Row[] {
  if (!theirs) return [[`${label}: Hugo + Mainroad`, 'not run (see the log)', '']]
  const ratio = (a: number | null, b: number) => (a === null ? NaN : round(a / b))
  const cpu = ratio(ours.cpuSeconds, theirs.cpuSeconds)
  const wall = ratio(ours.wallSeconds, theirs.wallSeconds)
  const peak = ratio(ours.peakPssMiB, theirs.peakPssMiB)
  const peakRss = ratio(ours.peakRssMiB, theirs.peakRssMiB)
  return [
    [
      `${label}: Hugo + Mainroad, same content, same run: wall s / CPU s / peak RSS (its own) / peak PSS (its tree) MiB / HTML pages`,
      `${theirs.wallSeconds} / ${theirs.cpuSeconds} / ${theirs.peakRssMiB} / ${theirs.peakPssMiB} / ${theirs.pages}`,
      '',
    ],
    [`${label}: ours / Hugo, CPU`, `×${cpu}`, check('buildCpuToHugo', cpu)],
    [`${label}: ours / Hugo, wall`, `×${wall}`, check('buildWallToHugo', wall)],
    [`${label}: ours / Hugo, peak memory (summed PSS of each process tree, sampled alike)`, `×${peak}`, check('buildPeakToHugo', peak)],
    [`${label}: ours / Hugo, peak memory (our summed RSS / Hugo's own RSS: counts each shared page once per process)`, `×${peakRss}`, ''],
  ]
}

/** A writable copy of the corpus with the original mtimes (Contentlayer's cache keys on them). */
function contentCopy(name: string, from: string): string {
  const dir = path.join(work, name)
  rmSync(dir, { recursive: true, force: true })
  execFileSync('cp', ['-a', from, dir])
  return dir
}

// ---------------------------------------------------------------------------------------------
// Serving

async function waitForServer(url: string, timeoutMs = 60_000): Promise<void> {
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
async function withServer<T>(dir: string, fn: (base: string, pid: number, inspector: string | null) => Promise<T>, { inspect = false } = {}): Promise<T> {
  const port = Number(args.port)
  const server = spawn(path.join(dir, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...(inspect ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:0`.trim() } : {}) },
    stdio: ['ignore', inspect ? 'pipe' : 'ignore', 'ignore'],
  })
  let inspector: string | null = null
  server.stdout?.on('data', (chunk) => {
    inspector ??= /Debugger port: (\d+)/.exec(String(chunk))?.[1] ?? null
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForServer(`${base}/`)
    if (server.pid === undefined) throw new Error(`next start in ${dir} did not start`)
    return await fn(base, server.pid, inspector)
  } finally {
    server.kill('SIGTERM')
    await sleep(500)
  }
}

interface LoadFigures {
  requestsPerSecond: number
  p50ms: number
  p99ms: number
  errors: number
}

const loadFigures = (result: autocannon.Result): LoadFigures => ({
  requestsPerSecond: round(result.requests.average, 0),
  p50ms: result.latency.p50,
  p99ms: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx,
})

async function load(url: string, seconds = 20): Promise<LoadFigures> {
  const { default: autocannon } = await import('autocannon')
  return loadFigures(await autocannon({ url, connections: 50, duration: seconds }))
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

/** Articles a reader can reach: published, not a menu page. */
/** The folder of the articles the rebuild and refresh sections add to the content. */
const BENCH_SOURCE = 'bench'

/** The content's published articles, newest first; not those the bench added (Hugo's build, made before, has none of them). */
function servedArticles(dir: string): ArticleMeta[] {
  return readJson<ArticleMeta[]>(path.join(dir, '.contentlayer', 'catalog.json')).filter((a) => !a.draft && a.time <= Date.now() && a.menu !== 'main' && a.source !== BENCH_SOURCE)
}

const url = (a: ArticleMeta) => editionHref(a.edition, a.path)

function first<T>(list: readonly T[], what: string): T {
  const item = list[0]
  if (item === undefined) throw new Error(`no ${what} in the catalog`)
  return item
}

interface ServeFigures {
  isrFirstRenderMs: { p50: number; p95: number; count: number }
  home: LoadFigures & { path: string }
  prerenderedArticle: LoadFigures & { path: string }
  isrArticleCached: LoadFigures & { path: string }
  isrFirstUnderLoad: LoadFigures
  missingArticleStatus: number
}

async function benchServe(dir: string): Promise<ServeFigures> {
  const catalog = servedArticles(dir)
  const newest = catalog.find((a) => a.edition === 'zh-CN') ?? first(catalog, 'article')
  const longTail = catalog.filter((a) => a.edition === 'en').slice(-60)
  return withServer(dir, async (base) => {
    log('serve: first render of 40 long-tail (ISR) articles…')
    const firstRenders: number[] = []
    for (const article of longTail.slice(0, 40)) {
      const started = performance.now()
      const response = await fetch(`${base}${url(article)}`)
      await response.text()
      if (response.status !== 200) throw new Error(`${url(article)} answered ${response.status}`)
      firstRenders.push(performance.now() - started)
    }
    const isr = first(longTail, 'en article')
    const isrFirstRenderMs = { p50: round(percentile(firstRenders, 50), 1), p95: round(percentile(firstRenders, 95), 1), count: firstRenders.length }
    const loadPage = async (target: string) => {
      log(`serve: autocannon -c 50 -d 20 ${target}…`)
      return { path: target, ...(await load(`${base}${target}`)) }
    }
    const home = await loadPage('/')
    const prerenderedArticle = await loadPage(url(newest))
    const isrArticleCached = await loadPage(url(isr))
    log('serve: autocannon -c 50 -d 20 on never-requested long-tail articles (ISR first requests under load)…')
    const cold = cycle(longTail.slice(40))
    const { default: autocannon } = await import('autocannon')
    const coldResult = await autocannon({
      url: base,
      connections: 50,
      duration: 20,
      requests: [{ setupRequest: (request) => ({ ...request, path: url(cold()) }) }],
    })
    const missing = await fetch(`${base}/news/qq/does-not-exist`)
    return { isrFirstRenderMs, home, prerenderedArticle, isrArticleCached, isrFirstUnderLoad: loadFigures(coldResult), missingArticleStatus: missing.status }
  })
}

/** Forces a full garbage collection in the server through its inspector; returns V8's heap in use, bytes. */
async function heapAfterGc(inspectorPort: string): Promise<number> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[]
  if (!target) throw new Error('the inspector lists no target')
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve)
    socket.addEventListener('error', reject)
  })
  let id = 0
  const call = <T>(method: string) =>
    new Promise<T>((resolve) => {
      const mine = ++id
      const onMessage = (event: MessageEvent) => {
        const message = JSON.parse(String(event.data)) as { id: number; result: T }
        if (message.id !== mine) return
        socket.removeEventListener('message', onMessage)
        resolve(message.result)
      }
      socket.addEventListener('message', onMessage)
      socket.send(JSON.stringify({ id: mine, method }))
    })
  await call('HeapProfiler.collectGarbage')
  await call('HeapProfiler.collectGarbage')
  const { usedSize } = await call<{ usedSize: number }>('Runtime.getHeapUsage')
  socket.close()
  return usedSize
}

interface MemoryFigures {
  heapMiB: number
  rssMiB: number
}

interface LoadSpikeFigures {
  paths: number
  spike: { requestsPerSecond: number; p50ms: number; p99ms: number; maxMs: number; errors: number; timeouts: number; non2xx: number }
  memory: { start: MemoryFigures; after10k: MemoryFigures; after100k: MemoryFigures; totalRequests: number; heapGrowth: number; rssGrowth: number }
  failuresOutsideSpike: number
}

/**
 * A news spike: 50 connections for 60 s over a mix of pages (home, list pages, tag pages,
 * prerendered and long-tail articles, search page, feeds, sitemap), and the server's memory after
 * 10,000 and after 100,000 requests: V8 heap in use after a forced full GC (the leak test) and
 * RSS of the process tree.
 */
async function benchLoad(dir: string): Promise<LoadSpikeFigures> {
  const catalog = servedArticles(dir)
  const paths = [
    '/',
    '/page/2',
    '/page/5',
    '/en',
    '/en/page/3',
    '/zh-tw',
    '/zh-hk',
    '/tags',
    '/categories',
    ...catalog.slice(0, 40).map(url),
    ...catalog.filter((_, i) => i % 97 === 0).map(url),
    '/search',
    '/search?q=%E8%8A%AF%E7%89%87',
    '/index.xml',
    '/en/feed.json',
    '/sitemap.xml',
    '/robots.txt',
  ]
  const { default: autocannon } = await import('autocannon')
  const run = (base: string, limit: { amount: number } | { duration: number }) => {
    const next = cycle(paths)
    return autocannon({ url: base, connections: 50, ...limit, requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }] })
  }
  return withServer(
    dir,
    async (base, pid, inspector) => {
      if (!inspector) throw new Error('load: the server did not report its inspector port')
      // Twenty tag pages, as the tag index links them.
      const tagIndex = await (await fetch(`${base}/tags`)).text()
      paths.push(...[...new Set([...tagIndex.matchAll(/href="(\/tags\/[^"#?]+)"/g)].map((m) => m[1] ?? ''))].slice(0, 20))
      // Every path once, so ISR first renders are not part of the figures.
      for (const p of paths) {
        const response = await fetch(`${base}${p}`)
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`load mix: ${p} answered ${response.status}`)
      }
      const memory = async (): Promise<MemoryFigures> => {
        await sleep(2000)
        const heap = await heapAfterGc(inspector)
        return { heapMiB: round(heap / 1024 / 1024, 1), rssMiB: round(memoryKiB(treePids(pid)).rss / 1024, 0) }
      }
      const start = await memory()
      log('load: 10,000 requests…')
      const firstRun = await run(base, { amount: 10_000 })
      const after10k = await memory()
      log(`load: autocannon -c 50 -d 60 over ${paths.length} paths…`)
      const spike = await run(base, { duration: 60 })
      const sent = firstRun.requests.total + spike.requests.total
      log(`load: ${sent} requests so far; continuing to 100,000…`)
      const rest = sent < 100_000 ? await run(base, { amount: 100_000 - sent }) : null
      const total = sent + (rest?.requests.total ?? 0)
      const after100k = await memory()
      const failures = (r: autocannon.Result | null) => (r ? r.errors + r.timeouts + r.non2xx : 0)
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
        failuresOutsideSpike: failures(firstRun) + failures(rest),
      }
    },
    { inspect: true },
  )
}

// ---------------------------------------------------------------------------------------------
// Several instances: one `next start` alone against two behind Debian's nginx sharing one Redis

function startProcess(command: string, commandArgs: string[], options: SpawnOptions = {}) {
  const child = spawn(command, commandArgs, { stdio: 'ignore', ...options })
  return {
    child,
    stop: async () => {
      child.kill('SIGTERM')
      await sleep(500)
    },
  }
}

interface ClusterLoad {
  requestsPerSecond: number
  p50ms: number
  p99ms: number
  failures: number
}

interface ClusterFigures {
  paths: number
  alone: ClusterLoad
  pair: ClusterLoad
  crossInstanceHitRate: number
  probed: number
}

async function benchCluster(dir: string): Promise<ClusterFigures> {
  const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => existsSync(f))
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((f) => existsSync(f))
  if (!redisServer || !nginx) throw new Error("cluster: needs Debian's redis-server and nginx (apt-get install redis-server nginx-light)")
  const port = Number(args.port)
  const [redisPort, one, a, b, proxyPort] = [port + 30, port + 31, port + 32, port + 33, port + 34]
  const catalog = servedArticles(dir)
  const mix = ['/', '/page/2', '/en', '/zh-tw', '/tags', '/index.xml', ...catalog.slice(0, 40).map(url), ...catalog.filter((_, i) => i % 97 === 0).map(url)]
  // Long-tail articles nobody has asked for yet: rendered by one instance, then asked of the other.
  const probe = catalog
    .filter((_, i) => i % 89 === 5)
    .slice(0, 40)
    .map(url)
  const next = path.join(dir, 'node_modules', '.bin', 'next')
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  const shared = { ...env, REDIS_URL: `redis://127.0.0.1:${redisPort}` }
  const running: ReturnType<typeof startProcess>[] = []
  const { default: autocannon } = await import('autocannon')
  const hammer = async (base: string): Promise<ClusterLoad> => {
    for (const p of mix) await (await fetch(`${base}${p}`)).arrayBuffer()
    const nextPath = cycle(mix)
    const r = await autocannon({ url: base, connections: 50, duration: 20, requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }] })
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

interface FeedFigures {
  path: string
  contentType: string | null
  bytes: number
  gzipBytes: number
  firstRequestMs: number
  firstRequestCache: string
  generationMs: number
  entries: number
}

/**
 * Size (raw, gzip) and generation time of the feeds and sitemaps on the corpus build. The edition
 * feeds and sitemaps are prerendered at build, so the first request is a cache hit: each file is
 * then regenerated once on demand (Next's `x-prerender-revalidate` header with the build's
 * preview id, as `revalidatePath` does), which is the uncached generation time.
 */
async function benchFeeds(dir: string): Promise<FeedFigures[]> {
  const previewId = readJson<PrerenderManifest>(path.join(dir, '.next', 'prerender-manifest.json')).preview?.previewModeId
  return withServer(dir, async (base) => {
    const get = async (target: string, headers: Record<string, string> = {}) => {
      const started = performance.now()
      const response = await fetch(`${base}${target}`, { headers })
      const body = Buffer.from(await response.arrayBuffer())
      return { response, body, ms: round(performance.now() - started, 1) }
    }
    const measureFile = async (target: string) => {
      log(`feeds: ${target}…`)
      const firstGet = await get(target)
      if (firstGet.response.status !== 200) throw new Error(`${target} answered ${firstGet.response.status}`)
      const regenerated = previewId ? await get(target, { 'x-prerender-revalidate': previewId }) : null
      return {
        path: target,
        contentType: firstGet.response.headers.get('content-type'),
        bytes: firstGet.body.length,
        gzipBytes: gzipSync(firstGet.body).length,
        firstRequestMs: firstGet.ms,
        firstRequestCache: firstGet.response.headers.get('x-nextjs-cache') ?? 'none',
        generationMs: regenerated?.ms ?? firstGet.ms,
        body: firstGet.body.toString('utf8'),
      }
    }
    const out = []
    for (const target of ['/index.xml', '/feed.json', '/atom.xml', '/en/index.xml', '/sitemap.xml']) out.push(await measureFile(target))
    const sitemap = out.at(-1)?.body ?? ''
    if (sitemap.includes('<sitemapindex')) {
      for (const [, loc = ''] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) out.push(await measureFile(new URL(loc).pathname))
    }
    out.push(await measureFile('/news-sitemap.xml'))
    return out.map(({ body, ...file }) => ({
      ...file,
      entries: (body.match(/<item>|<entry|<url>|<sitemap>/g) ?? []).length || (file.path.endsWith('.json') ? (JSON.parse(body) as { items: unknown[] }).items.length : 0),
    }))
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

interface PageWeight {
  path: string
  htmlGzip: number
  cssGzip: number
  /** Scripts a current browser fetches (`<script src>` without `noModule`). */
  jsGzip: number
  jsFiles: number
  totalGzip: number
  /** `noModule` scripts (Next's legacy polyfills): only browsers without ES modules fetch them, so they are not in the total. */
  legacyJsGzip: number
  /** Stylesheets and scripts from other origins (web fonts, CDNs): not fetched here, not in the total. */
  externalRequests: number
}

async function pageWeight(base: string, pathname: string): Promise<PageWeight> {
  const response = await fetch(`${base}${pathname}`)
  if (!response.ok) throw new Error(`weight: ${base}${pathname} answered ${response.status}`)
  const html = await response.text()
  const gz = (text: string) => gzipSync(Buffer.from(text)).length
  const page = new URL(pathname, base)
  let external = 0
  const assets = async (pattern: RegExp) => {
    const urls = [...new Set([...html.matchAll(pattern)].map((m) => new URL(m[1] ?? '', page)))]
    let total = 0
    let files = 0
    for (const asset of urls) {
      // Another origin (Mainroad's Google Fonts stylesheet): unreachable offline, counted apart.
      if (asset.origin !== page.origin) {
        external += 1
        continue
      }
      total += gz(await (await fetch(asset)).text())
      files += 1
    }
    return { files, gzipBytes: total }
  }
  const css = await assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)
  const js = await assets(/<script(?![^>]*\bnoModule)[^>]+src="([^"]+)"/gi)
  const legacy = await assets(/<script(?=[^>]*\bnoModule)[^>]+src="([^"]+)"/gi)
  const htmlBytes = gz(html)
  return {
    path: pathname,
    htmlGzip: htmlBytes,
    cssGzip: css.gzipBytes,
    jsGzip: js.gzipBytes,
    jsFiles: js.files,
    totalGzip: htmlBytes + css.gzipBytes + js.gzipBytes,
    legacyJsGzip: legacy.gzipBytes,
    externalRequests: external,
  }
}

interface WeightFigures {
  home: PageWeight
  article: PageWeight
  floor: PageWeight
  articleToFloor: number
  homeToFloor: number
  /** The same article as Hugo + Mainroad renders it (served from its output of this run). */
  hugoArticle: PageWeight | null
}

async function benchWeight(dir: string, hugoOut: string | null): Promise<WeightFigures> {
  const article = first(
    servedArticles(dir).filter((a) => a.edition === 'zh-CN'),
    'zh-CN article',
  )
  const ours = await withServer(dir, async (base) => {
    const home = await pageWeight(base, '/')
    const page = await pageWeight(base, article.path)
    const floor = await pageWeight(base, '/bench-floor')
    return { home, article: page, floor, articleToFloor: round(page.totalGzip / floor.totalGzip), homeToFloor: round(home.totalGzip / floor.totalGzip) }
  })
  const hugoArticle = hugoOut ? await withStaticServer(hugoOut, hugoPort, () => pageWeight(hugoBase, hugoArticlePath(article))) : null
  return { ...ours, hugoArticle }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

/** The categories asked of Lighthouse, 0–100, and the two metrics that decide most of the performance score, in ms. */
type LighthouseScores = Record<'performance' | 'accessibility' | 'best-practices' | 'seo' | 'tbtMs' | 'lcpMs', number>

async function lighthouseRun(pageUrl: string): Promise<LighthouseScores> {
  const out = path.join(work, 'lighthouse.json')
  const chrome = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  // Other origins fail at once through a proxy that refuses (this machine is offline; loopback is
  // never proxied): Mainroad's Google Fonts request would otherwise hang until Lighthouse gives up.
  // Our pages make no such request.
  const flags =
    '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic --proxy-server=http://127.0.0.1:9'
  // Not execFileSync: the static server of Hugo's pages runs in this process and must keep answering.
  await promisify(execFile)(
    path.join(projectDir, 'node_modules', '.bin', 'lighthouse'),
    [pageUrl, '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${flags}`, '--quiet'],
    { env: { ...process.env, CHROME_PATH: chrome }, timeout: 180_000, maxBuffer: 64 * 2 ** 20 },
  )
  const report = readJson<{ categories: Record<string, { score: number | null }>; audits: Record<string, { numericValue?: number }> }>(out)
  const metric = (audit: string) => Math.round(report.audits[audit]?.numericValue ?? Number.NaN)
  return {
    ...(Object.fromEntries(Object.entries(report.categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)])) as LighthouseScores),
    tbtMs: metric('total-blocking-time'),
    lcpMs: metric('largest-contentful-paint'),
  }
}

type LighthousePage = LighthouseScores & { runs: LighthouseScores[] }

/** Median of three runs; a run that fails is logged and left out, and a page with no run is null. */
async function lighthouseMedian(name: string, pageUrl: string): Promise<LighthousePage | null> {
  const runs: LighthouseScores[] = []
  for (let i = 0; i < 3; i++) {
    log(`lighthouse: ${name} run ${i + 1}/3…`)
    try {
      runs.push(await lighthouseRun(pageUrl))
    } catch (error) {
      log(`lighthouse: ${name} run ${i + 1} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  if (runs.length === 0) return null
  const categories = Object.keys(first(runs, 'Lighthouse run')) as (keyof LighthouseScores)[]
  const medians = Object.fromEntries(
    categories.map((key) => [
      key,
      percentile(
        runs.map((r) => r[key]),
        50,
      ),
    ]),
  ) as LighthouseScores
  return { ...medians, runs }
}

/** Lighthouse on our home and an article, then on the same two pages of Hugo + Mainroad's output of this run. */
async function benchLighthouse(dir: string, hugoOut: string | null): Promise<NonNullable<Results['lighthouse']>> {
  const article = first(
    servedArticles(dir).filter((a) => a.edition === 'zh-CN'),
    'zh-CN article',
  )
  const ours = await withServer(dir, async (base) => ({
    home: await lighthouseMedian('home', `${base}/`),
    article: await lighthouseMedian('article', `${base}${article.path}`),
    floor: await lighthouseMedian('floor', `${base}/bench-floor`),
  }))
  const hugoPages = hugoOut
    ? await withStaticServer(hugoOut, hugoPort, async () => ({
        home: await lighthouseMedian('Hugo home', `${hugoBase}/`),
        article: await lighthouseMedian('Hugo article', `${hugoBase}${hugoArticlePath(article)}`),
      }))
    : null
  return { ...ours, hugo: hugoPages }
}

// ---------------------------------------------------------------------------------------------

interface Results {
  date: string
  content: string
  node: string
  cpus: number
  build?: BuildFigures
  search?: SearchMeasurement
  searchBrowser?: BrowserSearchMeasurement
  rebuild?: { wallSeconds: number; cpuSeconds: number | null; ratioToFull: number }
  refresh?: { contentWallSeconds: number; servedAfterSeconds: number; status: number }
  serve?: ServeFigures
  load?: LoadSpikeFigures
  cluster?: ClusterFigures
  feeds?: FeedFigures[]
  weight?: WeightFigures
  lighthouse?: {
    home: LighthousePage | null
    article: LighthousePage | null
    floor: LighthousePage | null
    hugo: { home: LighthousePage | null; article: LighthousePage | null } | null
  }
  scale?: Record<string, BuildFigures & { hugo: HugoFigures | null }>
  hugo?: HugoFigures | null
  compileFloor?: BuildFigures
}

const results: Results = { date: new Date().toISOString(), content: args.content, node: process.version, cpus: os.cpus().length }
const rows: Row[] = []

mkdirSync(path.join(projectDir, 'bench', 'results'), { recursive: true })
mkdirSync(work, { recursive: true })
if (!existsSync(args.content)) {
  console.log(`bench: content directory ${args.content} is absent; nothing to measure (set --content)`)
  process.exit(0)
}

const needsMainBuild = ['build', 'rebuild', 'serve', 'load', 'cluster', 'feeds', 'weight', 'lighthouse'].some((s) => sections.has(s))

const hugoPort = Number(args.port) + 5
const hugoBase = `http://127.0.0.1:${hugoPort}`

/**
 * The real-corpus build every section but `search` and `scale` measures: its project copy, its
 * content copy, its figures; beside it, Hugo + Mainroad on the same content (its output is what
 * `weight` and `lighthouse` serve as the anchor) and, for `build`, the sample content's build (the
 * compile floor: what the build costs with next to no content).
 */
async function mainBuild() {
  const content = contentCopy('corpus-content', args.content)
  const dir = benchCopy('corpus-site')
  mkdirSync(path.join(dir, 'app', 'bench-floor'), { recursive: true })
  writeFileSync(path.join(dir, 'app', 'bench-floor', 'layout.tsx'), FLOOR_LAYOUT)
  writeFileSync(path.join(dir, 'app', 'bench-floor', 'page.tsx'), FLOOR_PAGE)
  const b = (results.build = await build(dir, content, 'build-4675'))
  const hugoOut = path.join(work, 'hugo-4675')
  const h = (results.hugo = await hugo(content, hugoOut, `${hugoBase}/`))
  rows.push(...buildRows('build 4,675 (real corpus)', b), ...hugoRows('build 4,675', b, h), [
    'build 4,675: repair warnings / errors reported',
    `${b.repairWarnings} / ${b.errors}`,
    '',
  ])
  if (sections.has('build')) {
    const sampleDir = benchCopy('sample-site')
    const f = (results.compileFloor = await build(sampleDir, path.join(sampleDir, 'content'), 'build-sample'))
    rows.push(
      [
        `compile floor: build of the sample content (${f.published} articles): wall s / CPU s`,
        `${f.wallSeconds} / ${f.cpuSeconds}`,
        h && f.cpuSeconds !== null ? `×${round(f.cpuSeconds / h.cpuSeconds)} of Hugo's CPU on the corpus` : '',
      ],
      [
        'Contentlayer floor: CPU s Contentlayer itself spends reading the corpus (content build report)',
        b.contentCpu ? `${b.contentCpu.contentlayer}` : 'not reported',
        h && b.contentCpu ? `×${round(b.contentCpu.contentlayer / h.cpuSeconds)} of Hugo's CPU` : '',
      ],
    )
    rmSync(sampleDir, { recursive: true, force: true })
  }
  return { dir, content, build: b, hugo: h, hugoOut: h ? hugoOut : null }
}

/** Hugo's page for an article: `<source>/<id>.<lang>/` under its edition, lower-cased. */
function hugoArticlePath(article: ArticleMeta): string {
  const [lang = '', , source = '', file = ''] = article.file.split('/')
  const prefix = lang === 'zh-CN' ? '' : `/${lang.toLowerCase()}`
  return `${prefix}/news/${source.toLowerCase()}/${file.replace(/\.md$/, '').toLowerCase()}/`
}

/** Writes the table and the figures so far to bench/results/ (after every section: a failure later keeps them); returns the table. */
function saveResults(): string {
  const table = ['| figure | value | target / reference |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
  writeFileSync(path.join(projectDir, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(path.join(projectDir, 'bench', 'results', 'latest.md'), `# Benchmark ${results.date}\n\n${table}\n`)
  return table
}

const main = needsMainBuild ? await mainBuild() : null
saveResults()

if (sections.has('search')) {
  // On the main build's copy when there is one (its content build is the corpus), else on a copy of its own.
  const dir = main ? main.dir : benchCopy('search-site')
  const r = (results.search = await measureSearch({ contentDir: main ? null : contentCopy('search-content', args.content), dir, log }))
  rows.push(...searchRows(r).map(([name, value, target]): Row => [`search: ${name.trim()}`, value, target]))
  const b = (results.searchBrowser = await measureSearchBrowser({ indexDir: path.join(dir, 'public', 'search'), port: Number(args.port) + 1 }))
  rows.push([
    `search: Chromium latency warm p50 / p95, ms (cold p50 / p95, ${b.queries} queries)`,
    `${b.warmMs.p50} / ${b.warmMs.p95} (${b.coldMs.p50} / ${b.coldMs.p95})`,
    check('searchBrowserWarmMs', b.warmMs.p95),
  ])
}

saveResults()
if (sections.has('rebuild') && main) {
  const file = path.join(main.content, 'zh-CN', 'news', BENCH_SOURCE, 'BENCH00000000001.zh-CN.md')
  mkdirSync(path.dirname(file), { recursive: true })
  // Published a minute ago, as an editor's new article is: newer than every article of the corpus.
  const published = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z')
  writeFileSync(file, `---\ntitle: "基准测试：新增的一篇文章"\ndate: "${published}"\ntags:\n  - "基准"\n---\n\n新增文章的正文。\n`)
  const run = await build(main.dir, main.content, 'rebuild-4676')
  const rebuild = (results.rebuild = { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, ratioToFull: round(run.wallSeconds / main.build.wallSeconds) })
  rows.push(
    ['rebuild (npm run build) after adding 1 article: wall s', `${run.wallSeconds} (×${rebuild.ratioToFull} of full)`, check('rebuildWallRatio', rebuild.ratioToFull)],
    [
      'rebuild: wall s content; search index, after it; pages, from the start beside both (static generation s); CPU s in all',
      `${run.steps.content}, ${run.steps.search} beside ${run.steps.pages} (${run.nextStaticSeconds ?? '–'}); ${run.cpuSeconds}`,
      '',
    ],
  )

  // The running server reads the catalog and bodies at run time: a content build alone
  // publishes a new article (it renders on first request; lists at their next revalidation).
  const r = (results.refresh = await withServer(main.dir, async (base) => {
    const second = path.join(main.content, 'zh-CN', 'news', BENCH_SOURCE, 'BENCH00000000002.zh-CN.md')
    writeFileSync(second, `---\ntitle: "基准测试：第二篇新增文章"\ndate: "2026-01-02 08:00:00"\n---\n\n正文。\n`)
    const content = await measure('npm', ['run', 'content'], { cwd: main.dir, env: { ...process.env, CONTENT_DIR: main.content } })
    const started = performance.now()
    let status = 0
    while (performance.now() - started < 15_000) {
      status = (await fetch(`${base}/news/bench/bench00000000002`)).status
      if (status === 200) break
      await sleep(250)
    }
    return { contentWallSeconds: round(content.wall, 1), servedAfterSeconds: round((performance.now() - started) / 1000, 1), status }
  }))
  rows.push([
    'refresh (npm run content, server running): wall s, new article served after s',
    `${r.contentWallSeconds} (×${round(r.contentWallSeconds / main.build.wallSeconds)} of full), ${r.servedAfterSeconds} (HTTP ${r.status})`,
    `${targetText('refreshWallRatio')} ${mark(meets('refreshWallRatio', r.contentWallSeconds / main.build.wallSeconds) && meets('refreshServedStatus', r.status))}`,
  ])
}

saveResults()
if (sections.has('serve') && main) {
  const s = (results.serve = await benchServe(main.dir))
  for (const key of ['home', 'prerenderedArticle', 'isrArticleCached'] as const) {
    const r = s[key]
    rows.push([`serve ${key} (-c 50 -d 20): req/s, p50/p99 ms, errors`, `${r.requestsPerSecond}, ${r.p50ms}/${r.p99ms}, ${r.errors}`, check('serveErrors', r.errors)])
  }
  const c = s.isrFirstUnderLoad
  rows.push(
    ['serve ISR first requests under load: req/s, p50/p99 ms, errors', `${c.requestsPerSecond}, ${c.p50ms}/${c.p99ms}, ${c.errors}`, check('serveErrors', c.errors)],
    ['serve ISR first render (sequential): p50 / p95 ms', `${s.isrFirstRenderMs.p50} / ${s.isrFirstRenderMs.p95}`, check('isrFirstRenderMs', s.isrFirstRenderMs.p95)],
    ['serve non-existent article: status', s.missingArticleStatus, check('missingArticleStatus', s.missingArticleStatus)],
  )
}

saveResults()
if (sections.has('load') && main) {
  const l = (results.load = await benchLoad(main.dir))
  const s = l.spike
  rows.push(
    [`load -c 50 -d 60 over ${l.paths} pages: req/s, p50/p99/max ms`, `${s.requestsPerSecond}, ${s.p50ms}/${s.p99ms}/${s.maxMs}`, ''],
    [
      'load: errors / timeouts / non-2xx',
      `${s.errors} / ${s.timeouts} / ${s.non2xx} (+${l.failuresOutsideSpike} outside the 60 s)`,
      check('loadFailures', s.errors + s.timeouts + s.non2xx + l.failuresOutsideSpike),
    ],
    [
      'load: server heap MiB after full GC at start / after 10k / after 100k requests',
      `${l.memory.start.heapMiB} / ${l.memory.after10k.heapMiB} / ${l.memory.after100k.heapMiB} (${l.memory.totalRequests} requests, ${percent(l.memory.heapGrowth)})`,
      check('loadHeapGrowth', l.memory.heapGrowth),
    ],
    [
      'load: server RSS MiB at start / after 10k / after 100k requests',
      `${l.memory.start.rssMiB} / ${l.memory.after10k.rssMiB} / ${l.memory.after100k.rssMiB} (${percent(l.memory.rssGrowth)})`,
      '',
    ],
  )
}

saveResults()
if (sections.has('cluster') && main) {
  const c = (results.cluster = await benchCluster(main.dir))
  rows.push(
    [
      `cluster: one instance, -c 50 -d 20 over ${c.paths} pages: req/s, p50/p99 ms`,
      `${c.alone.requestsPerSecond}, ${c.alone.p50ms}/${c.alone.p99ms} (${c.alone.failures} failed)`,
      '',
    ],
    [
      'cluster: two instances behind nginx, one Redis: req/s, p50/p99 ms',
      `${c.pair.requestsPerSecond}, ${c.pair.p50ms}/${c.pair.p99ms} (${c.pair.failures} failed)`,
      `×${round(c.pair.requestsPerSecond / c.alone.requestsPerSecond)} of one (2 cores: both instances and nginx share them)`,
    ],
    [
      'cluster: pages rendered by one instance served from cache by the other',
      `${round(c.crossInstanceHitRate * 100, 1)} % of ${c.probed}`,
      check('clusterCrossInstanceHitRate', c.crossInstanceHitRate),
    ],
  )
}

saveResults()
if (sections.has('feeds') && main) {
  const feeds = (results.feeds = await benchFeeds(main.dir))
  for (const f of feeds) {
    rows.push([
      `feed ${f.path} (${f.entries} entries): KiB raw / gzip, generation ms (first request ms, cache)`,
      `${round(f.bytes / 1024, 1)} / ${round(f.gzipBytes / 1024, 1)}, ${f.generationMs} (${f.firstRequestMs}, ${f.firstRequestCache})`,
      f.path.startsWith('/sitemap') ? `${targetText('sitemapUrls')}, ${targetText('sitemapBytes')} ${mark(meets('sitemapUrls', f.entries) && meets('sitemapBytes', f.bytes))}` : '',
    ])
  }
}

saveResults()
if (sections.has('weight') && main) {
  const w = (results.weight = await benchWeight(main.dir, main.hugoOut))
  for (const key of ['floor', 'home', 'article', 'hugoArticle'] as const) {
    const p = w[key]
    if (p)
      rows.push([
        `weight ${key === 'hugoArticle' ? 'Hugo + Mainroad article' : key} gzip B: HTML + CSS + JS = total (+ noModule JS, legacy browsers only)`,
        `${p.htmlGzip} + ${p.cssGzip} + ${p.jsGzip} = ${p.totalGzip} (+ ${p.legacyJsGzip})`,
        p.externalRequests > 0 ? `+ ${p.externalRequests} stylesheet(s)/script(s) from other origins (web fonts), not counted` : '',
      ])
  }
  rows.push(['weight article / floor', `×${w.articleToFloor}`, check('articleWeightToFloor', w.articleToFloor)], ['weight home / floor', `×${w.homeToFloor}`, ''])
  if (w.hugoArticle) rows.push(['weight article / Hugo + Mainroad article', `×${round(w.article.totalGzip / w.hugoArticle.totalGzip)}`, ''])
}

saveResults()
if (sections.has('lighthouse') && main) {
  const l = (results.lighthouse = await benchLighthouse(main.dir, main.hugoOut))
  for (const key of ['home', 'article'] as const) {
    const r = l[key]
    if (!r) {
      rows.push([`lighthouse mobile ${key}`, 'every run failed (see the log)', '✗'])
      continue
    }
    const others = [r.accessibility, r['best-practices'], r.seo]
    rows.push([
      `lighthouse mobile ${key} (median of 3): perf / a11y / best / SEO (TBT, LCP ms)`,
      `${[r.performance, ...others].join(' / ')} (${r.tbtMs}, ${r.lcpMs})`,
      `a11y, best, SEO ${targetText('lighthouseScore')} ${mark(others.every((v) => meets('lighthouseScore', v)))}`,
    ])
    const h = l.hugo?.[key]
    if (h) {
      rows.push([
        `lighthouse mobile ${key}, Hugo + Mainroad (median of 3): perf / a11y / best / SEO (TBT, LCP ms)`,
        `${[h.performance, h.accessibility, h['best-practices'], h.seo].join(' / ')} (${h.tbtMs}, ${h.lcpMs})`,
        `ours − Hugo, performance: ${r.performance - h.performance} (${check('lighthousePerfVsHugo', r.performance - h.performance)})`,
      ])
    }
  }
  // What any App Router page scores here: the framework's own share of the performance figure.
  const f = l.floor
  rows.push([
    'lighthouse mobile performance of the floor, an empty App Router page (median of 3; TBT, LCP ms)',
    f ? `${f.performance} (${f.tbtMs}, ${f.lcpMs})` : 'every run failed (see the log)',
    '',
  ])
}

saveResults()
if (sections.has('scale')) {
  const scale: NonNullable<Results['scale']> = (results.scale = {})
  for (const n of args.articles.split(',').map(Number)) {
    const content = path.join(work, `corpus-${n}`)
    execFileSync(
      path.join(projectDir, 'node_modules', '.bin', 'tsx'),
      [path.join(projectDir, 'scripts', 'synth-corpus.ts'), '--from', args.content, '--out', content, '--articles', String(n)],
      { stdio: 'ignore' },
    )
    const dir = benchCopy(`scale-${n}`)
    const b = await build(dir, content, `build-${n}`)
    const h = await hugo(content, path.join(work, `hugo-${n}`))
    scale[n] = { ...b, hugo: h }
    const label = `build ${n.toLocaleString('en')}`
    rows.push(...buildRows(label, b), ...hugoRows(label, b, h))
    // Our CPU over Hugo's at this size, against the same ratio on the real corpus: it must not grow.
    if (h && results.hugo && b.cpuSeconds !== null && results.build?.cpuSeconds) {
      const growth = round(b.cpuSeconds / h.cpuSeconds / (results.build.cpuSeconds / results.hugo.cpuSeconds))
      rows.push([`${label}: (ours / Hugo CPU) over the same ratio on the real corpus`, `×${growth}`, check('scaleRatioToHugoGrowth', growth)])
    }
    rmSync(dir, { recursive: true, force: true })
    rmSync(content, { recursive: true, force: true })
    rmSync(path.join(work, `hugo-${n}`), { recursive: true, force: true })
  }
}

console.log(saveResults())
