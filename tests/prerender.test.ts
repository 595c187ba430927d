import { execFile, execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * A real `npm run build` over the sample content with one edition (zh-HK) emptied, in a copy of
 * the project: Next used to drop the prerendering of every article and tag page, in every
 * edition, when one edition's params were empty (vercel/next.js#95166).
 */
const here = process.cwd()
const scratch = mkdtempSync(path.join(tmpdir(), 'prerender-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000)

const SKIP = new Set(['node_modules', '.next', '.next-preview', '.preview-deployment', '.contentlayer', '.git', 'bench', 'test-results', 'playwright-report', 'content'])

function projectCopy(): string {
  const project = path.join(scratch, 'project')
  for (const entry of readdirSync(here)) if (!SKIP.has(entry)) cpSync(path.join(here, entry), path.join(project, entry), { recursive: true })
  // Hard links: Turbopack resolves packages inside the project only, never through a symlink.
  execFileSync('cp', ['-al', path.join(here, 'node_modules'), path.join(project, 'node_modules')])
  return project
}

describe('prerendering with an empty edition', () => {
  it('still prerenders the other editions’ article, tag and list pages', async () => {
    const content = path.join(scratch, 'content')
    cpSync(path.join(here, 'content'), content, { recursive: true, filter: (source) => !source.includes(`${path.sep}zh-HK`) })
    const project = projectCopy()
    await promisify(execFile)('npm', ['run', 'build'], {
      cwd: project,
      env: { ...process.env, CONTENT_DIR: content, SITE_URL: 'http://localhost:3000', NEXT_TELEMETRY_DISABLED: '1' },
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    })
    const routes = Object.keys((JSON.parse(readFileSync(path.join(project, '.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> }).routes)
    const count = (prefix: string) => routes.filter((r) => r.startsWith(prefix)).length
    expect(count('/zh-HK/news/')).toBe(0)
    expect(count('/zh-CN/news/')).toBeGreaterThan(5)
    expect(count('/en/news/')).toBeGreaterThan(1)
    expect(count('/zh-TW/news/')).toBeGreaterThan(1)
    expect(count('/zh-CN/tags/')).toBeGreaterThan(3)
    expect(routes).toEqual(expect.arrayContaining(['/zh-CN', '/zh-HK', '/en/tags', '/zh-TW/categories']))
  }, 600_000)
})
