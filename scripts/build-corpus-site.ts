/**
 * `npm run build:corpus`: the production build over the real corpus (../shared/corpus/articles),
 * for the end-to-end tests that read the site as a reader of real feed data would
 * (e2e/real-corpus.spec.ts). It builds in a scratch copy of the project, so the working tree's
 * own build (the sample content) is untouched, and prints the folder to serve.
 *
 * The long tail of articles renders on first request, as in production: only a few are
 * prerendered here (PRERENDER_ARTICLES), which keeps the build short and the tests on both paths.
 *
 * The working tree's own production build (`npm run build:e2e`, just before this in `npm test`)
 * goes into the copy first: when nothing it compiled differs, the build only generates the pages
 * on its compile, as a rebuild after new articles does (scripts/next-build.ts decides, and
 * compiles otherwise).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync } from 'node:fs'
import path from 'node:path'
import { fingerprintFile } from './next-build'
import { CORPUS_DIR, CORPUS_SITE, sharedCorpusPresent } from './shared-corpus'
import { projectDir, scratchCopy } from './scratch-copy'

if (sharedCorpusPresent(CORPUS_DIR, 'the real-corpus build')) {
  const dir = scratchCopy(CORPUS_SITE.purpose, CORPUS_SITE.name)
  const compiled = path.join(projectDir, '.next')
  if (existsSync(fingerprintFile(compiled))) cpSync(compiled, path.join(dir, '.next'), { recursive: true })
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: dir,
    stdio: 'inherit',
    env: { SITE_URL: 'http://localhost:3000', PRERENDER_ARTICLES: '10', ...process.env, CONTENT_DIR: CORPUS_DIR, NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (result.status !== 0) {
    console.error(`build:corpus: npm run build over ${CORPUS_DIR} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
  console.log(`build:corpus: built ${CORPUS_DIR} in ${dir}`)
}
