/**
 * The pages step of the build (scripts/build.ts): `next build`, or only its page generation when
 * nothing it compiles has changed since the last full build.
 *
 * Publishing articles changes the content build and the pages rendered from it, never the
 * compiled code. So a full build leaves a fingerprint of everything the compiler reads (the
 * project's files but the content, the tests, the docs and build output; the settings that
 * change the output) in the build folder, and a build with the same fingerprint skips the
 * compile: the build output's pages are removed and generated again on the earlier compile
 * (`next build --experimental-build-mode generate`), with the same build id and the same client
 * files. Should that fail, a full build follows.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { env } from '../lib/env'
import { BODY_CACHE_SWITCH } from '../lib/content/output'
import { hashSources } from './source-hash'

const projectDir = path.resolve(import.meta.dirname, '..')

/** Top-level entries the compiler never reads: output, content, and what only tests, docs and scripts use. */
const NOT_COMPILED = new Set([
  'node_modules',
  '.git',
  '.next',
  '.next-preview',
  '.preview-deployment',
  '.contentlayer',
  '.e2e-content',
  'content',
  'public',
  'e2e',
  'tests',
  'docs',
  'bench',
  'scripts',
  'deploy',
  'test-results',
  'playwright-report',
  'next-env.d.ts',
])

/** Settings read when compiling: next.config.mjs reads these, and NEXT_PUBLIC_* is inlined into client code. */
const COMPILE_SETTINGS = ['NODE_ENV', 'NEXT_DIST_DIR', 'NEXT_OUTPUT', 'BUILD_ID', 'REDIS_URL']

function compileFingerprint(): string {
  const contentDir = path.resolve(projectDir, env.contentDir)
  const entries = readdirSync(projectDir).filter((entry) => !NOT_COMPILED.has(entry) && path.join(projectDir, entry) !== contentDir && !entry.endsWith('.tsbuildinfo'))
  const settings = Object.entries(process.env)
    .filter(([name]) => COMPILE_SETTINGS.includes(name) || name.startsWith('NEXT_PUBLIC_'))
    .sort(([a], [b]) => a.localeCompare(b))
  const hash = createHash('sha256').update(JSON.stringify({ settings, node: process.version }))
  return hashSources(hash, projectDir, entries).digest('hex')
}

/** What generating the pages writes: every page's HTML, RSC payloads, route bodies and metadata. */
function removePages(dir: string): void {
  if (!existsSync(dir)) return
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name.endsWith('.segments')) rmSync(full, { recursive: true, force: true })
      else removePages(full)
    } else if (/\.(html|rsc|meta|body)$/.test(entry.name)) {
      rmSync(full, { force: true })
    }
  }
}

export interface PagesPlan {
  /** The build folder (NEXT_DIST_DIR, default .next). */
  distDir: string
  fingerprint: string
  /** Only generate the pages, on the last full build's compile. */
  generateOnly: boolean
  /** The build's output is packed by its file traces (Vercel, NEXT_OUTPUT=standalone): never generated apart from its compile. */
  packedByTraces: boolean
}

/** The build folder of a `next build` run with `env` added to this process's environment. */
const buildFolder = (env?: Record<string, string>) => path.resolve(projectDir, (env?.NEXT_DIST_DIR ?? process.env.NEXT_DIST_DIR)?.trim() || '.next')

/** Where a full build leaves its compile's fingerprint: only a build folder with one holds a compile to generate on. */
export const fingerprintFile = (distDir: string) => path.join(distDir, 'compile-fingerprint')

/** What `npm run build -- --plan` says of a build. */
export const PLAN_GENERATE = 'would generate the pages on the last compile (nothing compiled has changed)'
export const PLAN_COMPILE = 'would compile and generate the pages'

/** Whether the pages step can skip the compile (`full`: never). */
export function planPages(full = false): PagesPlan {
  const distDir = buildFolder()
  const fingerprint = compileFingerprint()
  const previous = existsSync(fingerprintFile(distDir)) ? readFileSync(fingerprintFile(distDir), 'utf8') : null
  // Generating leaves the compile's file traces (*.nft.json), which list the content files: builds
  // whose output is packed by them (Vercel, NEXT_OUTPUT=standalone for the image) always compile.
  const packedByTraces = Boolean(process.env.VERCEL || process.env.NEXT_OUTPUT)
  const generateOnly = !full && !packedByTraces && previous === fingerprint && existsSync(path.join(distDir, 'BUILD_ID'))
  return { distDir, fingerprint, generateOnly, packedByTraces }
}

/** Next's own command, run by this Node directly: `npx` would hold another Node process in memory for the whole build. */
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

/**
 * A TypeScript script run as `npm run <script>` runs it (package.json): this Node with tsx's
 * loader, one process (the `tsx` command would start a second Node).
 */
export const tsxScript = (file: string, ...args: string[]): [string, string[]] => [process.execPath, ['--import', 'tsx', file, ...args]]

/** Runs a command in the project with this process's output (and `env` added to its environment); true when it succeeded. */
export function runStep(command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code) => resolve(code === 0))
  })
}

const nextBuild = (args: string[], env?: Record<string, string>) => runStep(process.execPath, [nextBin, 'build', ...args], env)

/** Where page generations keep rendered article bodies for the next one on the same compile (lib/content/body-cache.ts). */
const bodyCache = (distDir: string) => path.join(distDir, 'cache', 'article-bodies')

/** A page generation on the last compile: it keeps the article bodies it renders for the next one. */
const generate = (env?: Record<string, string>) => nextBuild(['--experimental-build-mode', 'generate'], { ...env, [BODY_CACHE_SWITCH]: bodyCache(buildFolder(env)) })

/** Removes the pages the last build generated (generatePages writes them again). */
export function removeGeneratedPages(plan: PagesPlan): void {
  removePages(path.join(plan.distDir, 'server', 'app'))
  removePages(path.join(plan.distDir, 'server', 'pages'))
}

/** Generates the pages on the last full build's compile (plan.generateOnly); false when that failed. */
export function generatePages(env?: Record<string, string>): Promise<boolean> {
  console.log('build: nothing compiled has changed since the last full build: generating the pages again on its compile')
  return generate(env)
}

/**
 * Compiles and generates the pages, and leaves the compile's fingerprint for the next build.
 *
 * Two processes, one after the other: `next build --experimental-build-mode compile`, then the
 * generation on that compile. In one `next build` the compiler's memory stays held while the pages
 * are generated beside it; apart, the build's peak is the larger of the two, not their sum (real
 * corpus: 1,474 → 1,061 MiB summed RSS, for 1.7 s more: docs/architecture.md, Peak memory).
 * Builds packed by their file traces (Vercel, NEXT_OUTPUT=standalone) run `next build` whole.
 *
 * `beside`, when given, runs beside the generation, which keeps one core busy (a full build's
 * search index: scripts/build.ts), or before `next build` when that runs whole; its failure fails
 * the step once the generation has ended.
 */
export async function compilePages(plan: PagesPlan, beside?: () => Promise<void>): Promise<boolean> {
  rmSync(fingerprintFile(plan.distDir), { force: true })
  // Bodies rendered by the last compile's code are not this one's.
  rmSync(bodyCache(plan.distDir), { recursive: true, force: true })
  if (plan.packedByTraces) {
    await beside?.()
    if (!(await nextBuild([]))) return false
  } else {
    if (!(await nextBuild(['--experimental-build-mode', 'compile']))) return false
    console.log('build: compiled; generating the pages on this compile')
    const [generated, besideDone] = await Promise.allSettled([generate(), beside?.()])
    if (besideDone.status === 'rejected') throw besideDone.reason
    if (generated.status === 'rejected') throw generated.reason
    if (!generated.value) return false
  }
  writeFileSync(fingerprintFile(plan.distDir), plan.fingerprint)
  return true
}

export const GENERATE_FAILED = 'build: generating the pages on the earlier compile failed: a full build follows'

/** Runs the pages step as planned; false when `next build` failed. */
export async function buildPages(plan: PagesPlan): Promise<boolean> {
  if (plan.generateOnly) {
    removeGeneratedPages(plan)
    if (await generatePages()) return true
    console.error(GENERATE_FAILED)
  }
  return compilePages(plan)
}
