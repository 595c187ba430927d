/**
 * `npm run content`: the content build. Runs Contentlayer once per shard of the content folders
 * (at most two at a time), then merges the shards into `.contentlayer/catalog.json` and prints
 * the report. Contentlayer's cost grows faster than its document count (one run over 20,000
 * articles exhausts a 4 GB heap), so shards keep each run small; each shard keeps its own
 * Contentlayer cache and result, and one whose files have not changed is not run again.
 *
 * Shards are whole source folders (`<lang>/news/<source>`), one per core once each would hold 500
 * files (CONTENT_SHARD_MIN_FILES), and so many that shards average ≤ 1,500 articles. Folders are
 * dealt biggest first to the shard with the fewest articles so far, so that the shards (and the
 * cores running them) finish together. The deal is kept (`.contentlayer/shards/plan.json`): a new
 * folder joins the smallest shard, and folders are dealt afresh only when the number of shards
 * changes or one shard grows to twice the average.
 *
 * Publishing adds files far more often than it edits them. A shard whose only change is new files
 * keeps its result, and the new files are read in a shard of their own (`shards/new`: Contentlayer
 * on copies of just those files), so one new article costs one small Contentlayer run, not a
 * run over its folder's shard. A shard with an edited or removed file runs again whole, and takes
 * its new files back; so do all of them once over NEW_FILES_MAX files are new.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, rmSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findUnreadable, finishContentBuild, scanContent, SHARD_EXCLUDE_FILE, SHARD_RESULT_FILE, type ShardResult } from '../lib/content/build'
import { env } from '../lib/env'
import { hashSources } from './source-hash'

const SHARD_TARGET = 1500
/**
 * A shard costs a Contentlayer start (about 2.5 CPU-s, most of a small build's), so a second core
 * gets a shard of its own only when each shard would hold this many files: the sample content's
 * 38 files take 2.5 s and 3.3 CPU-s in one shard, 3.6 s and 6.6 CPU-s in two.
 */
const SHARD_MIN_FILES = Math.max(1, env.contentShardMinFiles)
/** New files read in a shard of their own; beyond this, their shards run again whole. */
const NEW_FILES_MAX = 200
const NEW_SHARD = 'new'
const projectDir = path.resolve(import.meta.dirname, '..')
const contentDir = path.resolve(projectDir, env.contentDir)
const shardsDir = path.join(projectDir, '.contentlayer', 'shards')
const planFile = path.join(shardsDir, 'plan.json')
const contentlayerShard = path.join(projectDir, 'scripts', 'contentlayer-shard.mjs')
const concurrency = Math.max(1, Math.min(2, os.availableParallelism()))

const sizeOf = (folders: Map<string, number>, list: string[]) => list.reduce((n, folder) => n + (folders.get(folder) ?? 0), 0)

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

function readPlan(): { count: number; shards: string[][] } | null {
  try {
    return JSON.parse(readFileSync(planFile, 'utf8')) as { count: number; shards: string[][] }
  } catch {
    return null // no plan yet (or an unreadable one): deal afresh
  }
}

/** The last build's deal, with vanished folders dropped and new ones given to the smallest shard; a fresh deal when that no longer fits. */
function planShards(folders: Map<string, number>, count: number): string[][] {
  const previous = readPlan()
  if (previous?.count !== count || !Array.isArray(previous.shards) || previous.shards.length !== count) return dealFolders(folders, count)
  const known = new Set(previous.shards.flat())
  const shards = previous.shards.map((list) => list.filter((folder) => folders.has(folder)))
  for (const folder of [...folders.keys()].filter((f) => !known.has(f)).sort()) {
    const sizes = shards.map((list) => sizeOf(folders, list))
    shards[sizes.indexOf(Math.min(...sizes))]?.push(folder)
  }
  const average = sizeOf(folders, [...folders.keys()]) / count
  if (Math.max(...shards.map((list) => sizeOf(folders, list))) > 2 * average) return dealFolders(folders, count)
  return shards.map((list) => list.sort())
}

function runShard(name: string, folders: string[], excluded: string[], root = contentDir): Promise<{ output: string; code: number | null }> {
  const cwd = path.join(shardsDir, name)
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
        CONTENT_DIR: root,
        CONTENT_PROJECT_DIR: projectDir,
        CONTENT_SHARD_DIRS: JSON.stringify(folders),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ output, code }))
  })
}

/** Everything that builds a shard's result besides its files: the code, the topic list, the settings. */
function buildInputsHash(): string {
  const hash = createHash('sha1').update(JSON.stringify({ contentDir, timeZone: env.timeZone, node: process.version }))
  hashSources(hash, projectDir, ['contentlayer.config.ts', 'package-lock.json', 'scripts/contentlayer-shard.mjs', 'lib', 'i18n', 'data'])
  return hash.digest('hex')
}

/**
 * What a shard's last successful run read: the build inputs, what was excluded, and each file's
 * size and modification time. Kept beside its result (`files.json`).
 */
interface ShardRecord {
  inputs: string
  excluded: string[]
  files: Record<string, string>
}

const recordFile = (name: string) => path.join(shardsDir, name, 'files.json')
const resultFile = (name: string) => path.join(shardsDir, name, '.contentlayer', 'generated', SHARD_RESULT_FILE)
/** Whether a shard's Contentlayer run succeeded: exit 0 and a result left. */
const succeeded = (name: string, code: number | null) => code === 0 && existsSync(resultFile(name))

function signatures(files: string[]): Record<string, string> {
  const signed: Record<string, string> = {}
  for (const file of files) {
    const stat = statSync(path.join(contentDir, file), { throwIfNoEntry: false })
    signed[file] = `${stat?.size}:${stat?.mtimeMs}`
  }
  return signed
}

/** The last run's record, when its result is still there and it was built from the same inputs. */
function lastRecord(name: string, inputs: string, excluded: string[]): ShardRecord | null {
  try {
    const record = JSON.parse(readFileSync(recordFile(name), 'utf8')) as ShardRecord
    const same = record.inputs === inputs && JSON.stringify(record.excluded) === JSON.stringify(excluded)
    return same && existsSync(resultFile(name)) ? record : null
  } catch {
    return null
  }
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
  const count = Math.max(1, Math.min(concurrency, Math.floor(files.length / SHARD_MIN_FILES)), Math.ceil(files.length / SHARD_TARGET))
  const shards = planShards(folders, count)

  // Shards from an earlier build with another shard count hold nothing current.
  if (existsSync(shardsDir)) {
    for (const entry of readdirSync(shardsDir)) {
      if (/^\d+$/.test(entry) && (Number(entry) >= count || !shards[Number(entry)]?.length)) rmSync(path.join(shardsDir, entry), { recursive: true, force: true })
    }
  }

  const inputs = buildInputsHash()
  // What the scan excluded (a run that finds unreadable files adds to scan.excluded as it goes).
  const excluded = [...scan.excluded]
  const inFolders = (folderList: string[]) => (file: string) => folderList.some((folder) => file.startsWith(`${folder}/`))
  /** Each shard with its files now; the shards that run whole; those whose result is kept, with their new files. */
  type Shard = { name: string; folderList: string[]; own: string[] }
  const planned: Shard[] = shards.flatMap((folderList, index) => (folderList.length > 0 ? [{ name: String(index), folderList, own: files.filter(inFolders(folderList)) }] : []))
  const whole: Shard[] = []
  const kept = new Map<Shard, string[]>()
  for (const shard of planned) {
    const last = lastRecord(shard.name, inputs, excluded)
    const now = signatures(shard.own)
    if (!last || Object.keys(last.files).some((file) => now[file] !== last.files[file])) {
      whole.push(shard)
    } else {
      const fresh = shard.own.filter((file) => !last.files[file])
      kept.set(shard, fresh)
    }
  }
  const runWhole = (shard: Shard) => {
    kept.delete(shard)
    whole.push(shard)
  }
  const newFilesOfKept = () => [...kept.values()].flat().sort()

  // New files are copied into the new-files shard's own content folder. Too many new files, or one
  // that cannot be copied, send their shards to run whole instead (which reports unreadable files).
  const newRoot = path.join(shardsDir, NEW_SHARD, 'content')
  if (newFilesOfKept().length > NEW_FILES_MAX) for (const [shard, fresh] of kept) if (fresh.length > 0) runWhole(shard)
  const lastNew = lastRecord(NEW_SHARD, inputs, [])
  const pending = newFilesOfKept()
  const newUnchanged = pending.length > 0 && lastNew !== null && JSON.stringify(lastNew.files) === JSON.stringify(signatures(pending))
  if (!newUnchanged) {
    rmSync(newRoot, { recursive: true, force: true })
    for (const [shard, fresh] of kept) {
      try {
        for (const file of fresh) {
          mkdirSync(path.dirname(path.join(newRoot, file)), { recursive: true })
          copyFileSync(path.join(contentDir, file), path.join(newRoot, file))
        }
      } catch {
        for (const file of fresh) rmSync(path.join(newRoot, file), { force: true })
        runWhole(shard)
      }
    }
  }
  const newFiles = newFilesOfKept()
  if (newFiles.length === 0) rmSync(path.join(shardsDir, NEW_SHARD), { recursive: true, force: true })

  const results: ShardResult[] = []
  const queue: (() => Promise<void>)[] = whole.map((shard) => async () => {
    rmSync(recordFile(shard.name), { force: true })
    let { output, code } = await runShard(shard.name, shard.folderList, scan.excluded)
    if (!succeeded(shard.name, code)) {
      // Contentlayer gives up on a whole shard for one file it cannot read (EACCES, EIO): find
      // such files, report them, and run the shard again without them.
      const unreadable = await findUnreadable(contentDir, shard.own)
      if (unreadable.length > 0) {
        scan.problems.push(...unreadable)
        scan.excluded.push(...unreadable.map((p) => p.file))
        ;({ output, code } = await runShard(shard.name, shard.folderList, scan.excluded))
      }
    }
    if (!succeeded(shard.name, code)) {
      process.stderr.write(output)
      throw new Error(`Contentlayer failed on shard ${shard.name} (${shard.folderList.length} folders), exit ${code}`)
    }
    finishShard(shard.name, output, { inputs, excluded, files: signatures(shard.own) })
  })
  if (newFiles.length > 0 && !newUnchanged) {
    queue.push(async () => {
      rmSync(recordFile(NEW_SHARD), { force: true })
      const { output, code } = await runShard(NEW_SHARD, [], [], newRoot)
      if (!succeeded(NEW_SHARD, code)) {
        process.stderr.write(output)
        throw new Error(`Contentlayer failed on the shard of new files (${newFiles.join(', ')}), exit ${code}`)
      }
      finishShard(NEW_SHARD, output, { inputs, excluded: [], files: signatures(newFiles) })
    })
  }
  function finishShard(name: string, output: string, record: ShardRecord): void {
    // Contentlayer's own complaints (files it could not parse) are worth showing.
    for (const line of output.split('\n')) if (/error|warn/i.test(line) && !/^Generated/.test(line)) process.stderr.write(`[shard ${name}] ${line}\n`)
    results.push(JSON.parse(readFileSync(resultFile(name), 'utf8')) as ShardResult)
    writeFileSync(recordFile(name), JSON.stringify(record))
  }
  const running = Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next()
    }),
  )
  // The results kept from earlier builds are read while Contentlayer runs (their CPU was spent then).
  for (const { name } of [...kept.keys(), ...(newUnchanged ? [{ name: NEW_SHARD }] : [])]) {
    results.push({ ...(JSON.parse(readFileSync(resultFile(name), 'utf8')) as ShardResult), cpu: undefined })
  }
  await running
  writeFileSync(planFile, JSON.stringify({ count, shards }))

  const allowShrink = env.contentAllowShrink || process.argv.includes('--allow-shrink')
  const { exitCode } = await finishContentBuild({ shards: results, contentDir, projectDir, strict: env.contentStrict, now: Date.now(), scan, allowShrink })
  const newNote = newFiles.length > 0 ? `; ${newFiles.length} new file(s) read in a shard of their own${newUnchanged ? ', unchanged' : ''}` : ''
  console.log(
    `content build: ${((performance.now() - started) / 1000).toFixed(1)} s, ${files.length} files in ${planned.length} Contentlayer shard(s)` +
      (kept.size || newNote ? ` (${kept.size} unchanged, not run again${newNote})` : ''),
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
