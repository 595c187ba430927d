/**
 * The content the e2e servers are built from: the sample site (`content/`) plus the test-only
 * articles in `e2e/content/` (the security-lab payloads, hostile HTML), staged together into one
 * git-ignored folder that `npm run build:e2e` passes as CONTENT_DIR. Specs that add articles
 * while the servers run write here too (e2e/fixtures.ts).
 */
import { cpSync, rmSync } from 'node:fs'
import path from 'node:path'

/** Relative to the project, as CONTENT_DIR takes it. */
export const E2E_CONTENT_DIR = '.e2e-content'

export function stageE2eContent(projectDir: string): string {
  const target = path.join(projectDir, E2E_CONTENT_DIR)
  rmSync(target, { recursive: true, force: true })
  cpSync(path.join(projectDir, 'content'), target, { recursive: true })
  // Fixture files never replace a sample article: a clash is a mistake in the fixtures.
  cpSync(path.join(projectDir, 'e2e', 'content'), target, { recursive: true, force: false, errorOnExist: true })
  return target
}
