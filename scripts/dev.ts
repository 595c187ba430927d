// `npm run dev`: the content build and the search index, `next dev`, and both again whenever a
// file under CONTENT_DIR changes (each Contentlayer shard keeps its cache, so that takes a few
// seconds). The index is built as `next dev` shows content: drafts and scheduled articles included.
import { spawn, spawnSync } from 'node:child_process'
import { watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import { tsxScript } from './next-build'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const contentDir = path.resolve(root, process.env.CONTENT_DIR?.trim() || 'content')
const run = (script: string, env: Record<string, string> = {}) =>
  spawnSync(...tsxScript(path.join(root, 'scripts', script)), { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status
const buildContent = () => run('content-build.ts') === 0 && run('build-search.ts', { NODE_ENV: 'development' }) === 0

if (!buildContent()) process.exit(1)

const next = spawn(bin('next'), ['dev', ...process.argv.slice(2)], { stdio: 'inherit' })
let timer: NodeJS.Timeout | undefined
let watcher: FSWatcher | null = null
// A folder the watcher cannot open (or the content root going away) must not take `next dev`
// down with it: say so, and keep serving what the last content build produced.
const watchFailed = (error: NodeJS.ErrnoException) => {
  console.error(`content watcher: ${error.code ?? ''} ${error.message}; changes under ${contentDir} are no longer rebuilt (restart npm run dev)`)
  watcher?.close()
}
try {
  watcher = watch(contentDir, { recursive: true }, (_event, file) => {
    if (!String(file).endsWith('.md')) return
    clearTimeout(timer)
    timer = setTimeout(buildContent, 300)
  })
  watcher.on('error', watchFailed)
} catch (error) {
  // fs.watch throws system errors only.
  watchFailed(error as NodeJS.ErrnoException)
}
const stop = (code: number) => {
  watcher?.close()
  next.kill('SIGTERM')
  process.exit(code)
}
next.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
