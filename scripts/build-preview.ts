/**
 * `npm run build:preview`: a preview deployment (VERCEL_ENV=preview) built next to the production
 * build, so that the tests can serve both at once, as Vercel would from two deployments.
 *
 * A deployment is a build plus its own public/ folder, and the search index lives in public/: a
 * preview's index holds drafts and scheduled articles, so it must not land in the production
 * public/search/. The build goes to .next-preview and the deployment is staged as a folder of its
 * own, .preview-deployment/, served with `next start .preview-deployment`:
 *
 *   .next            → ../.next-preview        node_modules, package.json, next.config.mjs → ../
 *   public/<entry>   → ../../public/<entry>    (everything but search/)
 *   public/search/     the preview's own index (drafts and scheduled articles included)
 *
 * The preview differs from production in what its pages show (VERCEL_ENV is read when rendering,
 * not when compiling), never in what is compiled: when the production build's compile is current
 * (scripts/next-build.ts), the preview's pages are generated on a copy of it instead of compiling
 * again. Its pages came out the same as a compiled preview's, byte for byte but the build id.
 *
 * On Vercel none of this is needed: a preview deployment runs `npm run build` with
 * VERCEL_ENV=preview, and its public/search/ is its own.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { fingerprintFile, generatePages, planPages, removeGeneratedPages, tsxScript } from './next-build'

const projectDir = path.resolve(import.meta.dirname, '..')
const PREVIEW_DIST_DIR = '.next-preview'
const PREVIEW_DEPLOYMENT_DIR = '.preview-deployment'
const env = { ...process.env, VERCEL_ENV: 'preview' }

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: projectDir, stdio: 'inherit', env: { ...env, ...extraEnv } })
  if (result.status !== 0) {
    console.error(`build:preview: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
}

/** The preview's pages on a copy of the production build's compile; false when there is none to use or generating failed. */
async function generateOnProductionCompile(): Promise<boolean> {
  const production = planPages()
  if (!production.generateOnly) return false
  const distDir = path.join(projectDir, PREVIEW_DIST_DIR)
  rmSync(distDir, { recursive: true, force: true })
  cpSync(production.distDir, distDir, { recursive: true })
  // Its fingerprint is production's: a build in .next-preview itself compiles again.
  rmSync(fingerprintFile(distDir), { force: true })
  removeGeneratedPages({ ...production, distDir })
  console.log(`build:preview: the production build's compile is current: the preview's pages are generated on a copy of it`)
  return generatePages({ VERCEL_ENV: 'preview', NEXT_DIST_DIR: PREVIEW_DIST_DIR })
}

if (!(await generateOnProductionCompile())) run(...tsxScript('scripts/build.ts', '--pages'), { NEXT_DIST_DIR: PREVIEW_DIST_DIR })

const deployment = path.join(projectDir, PREVIEW_DEPLOYMENT_DIR)
rmSync(deployment, { recursive: true, force: true })
mkdirSync(path.join(deployment, 'public'), { recursive: true })
symlinkSync(path.join('..', PREVIEW_DIST_DIR), path.join(deployment, '.next'))
for (const shared of ['node_modules', 'package.json', 'next.config.mjs']) {
  symlinkSync(path.join('..', shared), path.join(deployment, shared))
}
for (const entry of readdirSync(path.join(projectDir, 'public'))) {
  if (entry === 'search' || entry.startsWith('search.')) continue
  symlinkSync(path.join('..', '..', 'public', entry), path.join(deployment, 'public', entry))
}
run(...tsxScript('scripts/build-search.ts', '--out', path.join(PREVIEW_DEPLOYMENT_DIR, 'public', 'search')))
console.log(`build:preview: serve with \`VERCEL_ENV=preview NEXT_DIST_DIR=.next npx next start ${PREVIEW_DEPLOYMENT_DIR}\``)
