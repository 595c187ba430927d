/**
 * The real corpus in ../shared (next to the checkout on developer machines and in CI, never in
 * the repository): articles and the raw feeds they were imported from.
 *
 * Tests over it run wherever it is present. Where it is absent they skip with a printed reason,
 * except in CI (`CI` set), where a missing corpus is an error: CI must prove them. A CI without
 * ../shared opts out explicitly with SKIP_SHARED_CORPUS=1.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { projectDir, scratchRoot } from './scratch-copy'

export const CORPUS_DIR = path.resolve(projectDir, process.env.CORPUS_DIR ?? '../shared/corpus/articles')
export const FEEDS_DIR = path.resolve(projectDir, process.env.FEEDS_DIR ?? '../shared/corpus/feeds')

/**
 * Whether the tests of `what` over `dir` run. Prints why when they do not; throws in CI unless
 * SKIP_SHARED_CORPUS=1.
 */
export function sharedCorpusPresent(dir: string, what: string): boolean {
  if (existsSync(dir)) return true
  const reason = `${what} skipped: ${dir} is absent (set CORPUS_DIR / FEEDS_DIR to point at it)`
  if (process.env.CI && process.env.SKIP_SHARED_CORPUS !== '1') {
    throw new Error(`${reason}. In CI the shared corpus must be present; set SKIP_SHARED_CORPUS=1 to opt out.`)
  }
  console.warn(reason)
  return false
}

/** The scratch copy `npm run build:corpus` builds over the corpus, and the e2e tests serve. */
export const CORPUS_SITE = { purpose: 'e2e', name: 'corpus-site' } as const
export const CORPUS_SITE_DIR = path.join(scratchRoot(CORPUS_SITE.purpose), CORPUS_SITE.name)
