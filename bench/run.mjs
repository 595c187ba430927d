#!/usr/bin/env node
/**
 * `npm run bench [-- --content DIR] [-- --only build]`: measures the production build on the
 * real corpus (../shared/corpus/articles by default) in a scratch copy of the project, so the
 * working tree's own build is untouched. Prints a table and writes bench/results/latest.{json,md}.
 *
 * Reference figures for the original Hugo + Mainroad site on the same corpus (measured by the
 * project, not rerunnable here: Hugo is not installable offline) are printed beside ours.
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const root = path.resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: path.resolve(root, '../shared/corpus/articles') },
    only: { type: 'string' },
  },
})
const HUGO = { cpuSeconds: 119, peakGiB: 1.06 }

function log(message) {
  process.stderr.write(`${message}\n`)
}

/**
 * A copy of the project without build output, outside the checkout: nested inside it, Next
 * takes the outer lockfile's folder as its root and the build needs twice the memory.
 */
function scratchCopy(name) {
  const dir = path.join(os.tmpdir(), 'news-site-bench', name)
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

function treeRssKiB(pid) {
  let total = 0
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
  const stack = [pid]
  while (stack.length) {
    const current = stack.pop()
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    } catch {
      // ended
    }
    stack.push(...(children.get(current) ?? []))
  }
  return total
}

/** Runs a command, returning wall and CPU seconds (all descendants) and peak RSS of the tree. */
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
    const poll = setInterval(() => (peak = Math.max(peak, treeRssKiB(child.pid))), 250)
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

async function benchBuild() {
  if (!existsSync(args.content)) {
    log(`build: skipped, content directory ${args.content} is absent`)
    return null
  }
  const dir = scratchCopy('build')
  log(`build: CONTENT_DIR=${args.content} npm run build (in ${dir})…`)
  const run = await measure('npm', ['run', 'build'], {
    cwd: dir,
    env: { ...process.env, CONTENT_DIR: args.content, NEXT_TELEMETRY_DISABLED: '1' },
  })
  writeFileSync(path.join(root, 'bench', 'results', 'build.log'), run.output)
  if (run.code !== 0) throw new Error(`build failed (exit ${run.code}); see bench/results/build.log`)
  const report = JSON.parse(readFileSync(path.join(dir, '.contentlayer', 'generated', 'report.json'), 'utf8'))
  const prerender = JSON.parse(readFileSync(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8'))
  return {
    articlesRead: report.read,
    published: report.published,
    skipped: report.skipped,
    repairWarnings: report.warnings.length,
    errors: report.errors.length,
    wallSeconds: round(run.wall),
    cpuSeconds: run.cpu === null ? null : round(run.cpu),
    peakRssMiB: Math.round(run.peakMiB),
    pagesPrerendered: Object.keys(prerender.routes).length,
    nextDirMiB: round(dirSize(path.join(dir, '.next')) / 2 ** 20),
    hugoCpuRatio: run.cpu === null ? null : round(run.cpu / HUGO.cpuSeconds),
    hugoPeakRatio: round(run.peakMiB / 1024 / HUGO.peakGiB),
  }
}

function round(n) {
  return Math.round(n * 100) / 100
}

mkdirSync(path.join(root, 'bench', 'results'), { recursive: true })
const results = { date: new Date().toISOString(), content: args.content, node: process.version }
if (!args.only || args.only === 'build') results.build = await benchBuild()

const rows = []
if (results.build) {
  const b = results.build
  rows.push(
    ['build: articles read / published / skipped', `${b.articlesRead} / ${b.published} / ${b.skipped}`, ''],
    ['build: repair warnings / errors', `${b.repairWarnings} / ${b.errors}`, ''],
    ['build: wall seconds', b.wallSeconds, ''],
    ['build: CPU seconds', b.cpuSeconds, `Hugo 119 → ×${b.hugoCpuRatio}`],
    ['build: peak RSS (MiB, whole process tree)', b.peakRssMiB, `Hugo 1085 → ×${b.hugoPeakRatio}`],
    ['build: pages pre-rendered', b.pagesPrerendered, ''],
    ['build: .next size (MiB)', b.nextDirMiB, ''],
  )
}
const table = ['| figure | value | reference |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
console.log(table)
writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(path.join(root, 'bench', 'results', 'latest.md'), `# Benchmark ${results.date}\n\n${table}\n`)
