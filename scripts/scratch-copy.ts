/**
 * A copy of the project without build output, in the system's temporary folder, for builds that
 * must not touch the working tree's own (the benchmark, the real-corpus end-to-end build).
 *
 * It lives outside the checkout: nested in it, Next.js takes the outer lockfile's folder as its
 * root and needs twice the memory. node_modules is hard-linked where the file system allows it
 * (Turbopack resolves packages inside its root only, so a symlink will not do).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const projectDir = path.resolve(import.meta.dirname, '..')

/** Build output and local state that a scratch copy never takes. */
const NOT_COPIED = new Set(['node_modules', '.next', '.next-preview', '.preview-deployment', '.contentlayer', '.e2e-content', '.git', 'bench', 'test-results', 'playwright-report'])
/** Build output inside a folder it does take: the search index (a copy's first build would extend the checkout's). */
const NOT_COPIED_INSIDE = new Set(['public/search', 'public/search.tmp', 'public/search.old'].map((file) => path.join(projectDir, file)))

/** The folder scratch copies and their content go to: `<tmp>/news-site-<purpose>/`. */
export function scratchRoot(purpose: string): string {
  return path.join(os.tmpdir(), `news-site-${purpose}`)
}

/** A fresh copy of the project at `<scratchRoot(purpose)>/<name>`, replacing any earlier one. */
export function scratchCopy(purpose: string, name: string): string {
  const dir = path.join(scratchRoot(purpose), name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const entry of readdirSync(projectDir)) {
    if (NOT_COPIED.has(entry)) continue
    cpSync(path.join(projectDir, entry), path.join(dir, entry), { recursive: true, filter: (source) => !NOT_COPIED_INSIDE.has(source) })
  }
  try {
    execFileSync('cp', ['-al', path.join(projectDir, 'node_modules'), path.join(dir, 'node_modules')])
  } catch {
    execFileSync('cp', ['-a', path.join(projectDir, 'node_modules'), path.join(dir, 'node_modules')])
  }
  return dir
}
