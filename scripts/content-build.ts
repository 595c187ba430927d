/**
 * `npm run content`: the content build. Runs Contentlayer once per shard of the content folders
 * (at most two at a time), then merges the shards into `.contentlayer/catalog.json` and prints
 * the report. Contentlayer's cost grows faster than its document count (one run over 20,000
 * articles exhausts a 4 GB heap), so shards keep each run small; each shard keeps its own
 * Contentlayer cache, so a rebuild after adding one article re-reads one shard's new file only.
 *
 * Shards are whole source folders (`<lang>/news/<source>`), at least one per core and so many that
 * shards average ≤ 1,500 articles. Folders are dealt biggest first to the shard with the fewest
 * articles so far, so that the shards (and the cores running them) finish together; adding an
 * article seldom moves a folder, and a moved folder is only read afresh once.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findUnreadable, finishContentBuild, scanContent, SHARD_EXCLUDE_FILE, SHARD_RESULT_FILE, type ShardResult } from '../lib/content/build'
import { env } from '../lib/env'
import { hashSources } from './source-hash'

const SHARD_TARGET = 1500
const projectDir = path.resolve(import.meta.dirname, '..')
const contentDir = path.resolve(projectDir, env.contentDir)
const shardsDir = path.join(projectDir, '.contentlayer', 'shards')
const contentlayerShard = path.join(projectDir, 'scripts', 'contentlayer-shard.mjs')
const concurrency = Math.max(1, Math.min(2, os.availableParallelism()))

/** Folders (with their article counts) dealt into `count` shards of about equal size; stable for equal input. */
function dealFolders(folders: Map<string, number>, count: number): string[][] {
  const shards = Array.from({ length: count }, () => ({ size: 0, folders: [] as string[] }))
  const bySize = [...folders].sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
  for (const [folder, size] of bySize) {
    const smallest = shards.reduce((best, shard) => (shard.size < best.size ? shard : best))
    smallest.folders.push(folder)
    smallest.size += size
  }
  return shards.map((shard) => shard.folders.sort())
}

function runShard(index: number, folders: string[], excluded: string[]): Promise<{ index: number; output: string; code: number | null }> {
  const cwd = path.join(shardsDir, String(index))
  mkdirSync(cwd, { recursive: true })
  // contentlayer.config.ts reads the list; a result left by an earlier run must not pass for this one's.
  writeFileSync(path.join(cwd, SHARD_EXCLUDE_FILE), JSON.stringify(excluded))
  rmSync(path.join(cwd, '.contentlayer', 'generated', SHARD_RESULT_FILE), { force: true })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [contentlayerShard, path.join(projectDir, 'contentlayer.config.ts')], {
      cwd,
      env: {
        ...process.env,
        // Contentlayer takes its working folder from PWD.
        PWD: cwd,
        CONTENT_DIR: contentDir,
        CONTENT_PROJECT_DIR: projectDir,
        CONTENT_SHARD_DIRS: JSON.stringify(folders),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ index, output, code }))
  })
}

/** Everything that builds a shard's result besides its files: the code, the topic list, the settings. */
function buildInputsHash(): string {
  const hash = createHash('sha1').update(JSON.stringify({ contentDir, timeZone: env.timeZone, node: process.version }))
  hashSources(hash, projectDir, ['contentlayer.config.ts', 'package-lock.json', 'scripts/contentlayer-shard.mjs', 'lib', 'i18n', 'data'])
  return hash.digest('hex')
}

/**
 * A shard's fingerprint: its folders, its files (size and modification time), what is excluded and
 * the build inputs. A shard whose fingerprint is that of its last successful run is not run again:
 * its result is reused, so publishing one article re-runs one shard.
 */
function shardFingerprint(folderList: string[], files: string[], excluded: string[], inputs: string): string {
  const hash = createHash('sha1').update(inputs).update(JSON.stringify(folderList)).update(JSON.stringify(excluded))
  for (const file of files) {
    const stat = statSync(path.join(contentDir, file), { throwIfNoEntry: false })
    hash.update(`${file}\0${stat?.size}\0${stat?.mtimeMs}\0`)
  }
  return hash.digest('hex')
}

const LOCK_FILE = path.join(projectDir, '.contentlayer', 'build.lock')
const LOCK_WAIT_MS = 5 * 60_000

function lockHolder(): number | null {
  try {
    const pid = Number(readFileSync(LOCK_FILE, 'utf8'))
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

/**
 * One content build at a time: two at once (cron overlapping an editor's run) would overwrite each
 * other's shard results. A second build waits for the first; a lock left by a build that died is
 * taken over.
 */
async function withBuildLock<T>(run: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(LOCK_FILE), { recursive: true })
  const deadline = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' })
      break
    } catch {
      const holder = lockHolder()
      if (holder === null) rmSync(LOCK_FILE, { force: true })
      else if (Date.now() > deadline) throw new Error(`another content build (pid ${holder}) has been running for over 5 minutes; ${LOCK_FILE} holds its pid`)
      else await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    return await run()
  } finally {
    rmSync(LOCK_FILE, { force: true })
  }
}

async function main() {
  const started = performance.now()
  if (!existsSync(contentDir)) throw new Error(`CONTENT_DIR ${contentDir} does not exist`)
  const scan = await scanContent(contentDir)
  const { files } = scan
  if (files.length === 0) {
    // An empty folder is a mistake (a failed sync, a wrong CONTENT_DIR), never an empty site.
    throw new Error(`CONTENT_DIR ${contentDir} holds no article files (<lang>/…/*.md): nothing was built, the live catalog is unchanged`)
  }
  const folders = new Map<string, number>()
  for (const file of files) {
    const folder = file.split('/').slice(0, 3).join('/')
    folders.set(folder, (folders.get(folder) ?? 0) + 1)
  }
  const count = Math.max(concurrency, Math.ceil(files.length / SHARD_TARGET))
  const shards = dealFolders(folders, count)

  // Shards from an earlier build with another shard count hold nothing current.
  if (existsSync(shardsDir)) {
    for (const entry of readdirSync(shardsDir)) if (Number(entry) >= count || !shards[Number(entry)]?.length) rmSync(path.join(shardsDir, entry), { recursive: true, force: true })
  }

  const queue = shards.map((folderList, index) => ({ index, folderList })).filter((s) => s.folderList.length > 0)
  const results: ShardResult[] = []
  let reused = 0
  const inputs = buildInputsHash()
  const inFolders = (folderList: string[]) => (file: string) => folderList.some((folder) => file.startsWith(`${folder}/`))
  const workers = Array.from({ length: concurrency }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const resultFile = path.join(shardsDir, String(next.index), '.contentlayer', 'generated', SHARD_RESULT_FILE)
      const fingerprintFile = path.join(shardsDir, String(next.index), 'fingerprint')
      const fingerprint = shardFingerprint(next.folderList, files.filter(inFolders(next.folderList)), scan.excluded, inputs)
      if (existsSync(resultFile) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint) {
        // Its CPU was spent by an earlier build.
        results.push({ ...(JSON.parse(readFileSync(resultFile, 'utf8')) as ShardResult), cpu: undefined })
        reused += 1
        continue
      }
      rmSync(fingerprintFile, { force: true })
      let { index, output, code } = await runShard(next.index, next.folderList, scan.excluded)
      if (code !== 0 || !existsSync(resultFile)) {
        // Contentlayer gives up on a whole shard for one file it cannot read (EACCES, EIO): find
        // such files, report them, and run the shard again without them.
        const unreadable = await findUnreadable(contentDir, files.filter(inFolders(next.folderList)))
        if (unreadable.length > 0) {
          scan.problems.push(...unreadable)
          scan.excluded.push(...unreadable.map((p) => p.file))
          ;({ index, output, code } = await runShard(next.index, next.folderList, scan.excluded))
        }
      }
      if (code !== 0 || !existsSync(resultFile)) {
        process.stderr.write(output)
        throw new Error(`Contentlayer failed on shard ${index} (${next.folderList.length} folders), exit ${code}`)
      }
      // Contentlayer's own complaints (files it could not parse) are worth showing.
      for (const line of output.split('\n')) if (/error|warn/i.test(line) && !/^Generated/.test(line)) process.stderr.write(`[shard ${index}] ${line}\n`)
      results.push(JSON.parse(readFileSync(resultFile, 'utf8')) as ShardResult)
      writeFileSync(fingerprintFile, fingerprint)
    }
  })
  await Promise.all(workers)

  const allowShrink = env.contentAllowShrink || process.argv.includes('--allow-shrink')
  const { exitCode } = await finishContentBuild({ shards: results, contentDir, projectDir, strict: env.contentStrict, now: Date.now(), scan, allowShrink })
  console.log(
    `content build: ${((performance.now() - started) / 1000).toFixed(1)} s, ${files.length} files in ${results.length} Contentlayer shard(s)${reused ? ` (${reused} unchanged, not run again)` : ''}`,
  )
  // Where the CPU went (npm run bench reads this line): Contentlayer itself, our normalisation in its shards, and this process (scan, merge, report).
  const shardCpu = (key: 'contentlayerMs' | 'normalizeMs') => results.reduce((sum, r) => sum + (r.cpu?.[key] ?? 0), 0) / 1000
  const own = process.cpuUsage()
  console.log(
    `content build CPU: Contentlayer ${shardCpu('contentlayerMs').toFixed(1)} s, normalisation ${shardCpu('normalizeMs').toFixed(1)} s, merge and report ${((own.user + own.system) / 1e6).toFixed(1)} s`,
  )
  process.exitCode = exitCode
}

withBuildLock(main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
