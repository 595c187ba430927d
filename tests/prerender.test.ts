import { execFile } from 'node:child_process'
import { cpSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { scratchCopy, scratchRoot } from '@/scripts/scratch-copy'
import { tempDir } from './helpers'

/**
 * A real `npm run build` over the sample content with one edition (zh-HK) emptied, in a copy of
 * the project: Next used to drop the prerendering of every article and tag page, in every
 * edition, when one edition's params were empty (vercel/next.js#95166).
 */
const here = process.cwd()
afterAll(() => rmSync(scratchRoot('prerender'), { recursive: true, force: true }), 120_000)

describe('prerendering with an empty edition', () => {
  it('still prerenders the other editions’ article, tag and list pages', async () => {
    const content = path.join(tempDir('prerender'), 'content')
    cpSync(path.join(here, 'content'), content, { recursive: true, filter: (source) => !source.includes(`${path.sep}zh-HK`) })
    const project = scratchCopy('prerender', 'project')
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
