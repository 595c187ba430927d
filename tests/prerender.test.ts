import { execFile } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { fingerprintFile, PLAN_COMPILE, PLAN_GENERATE } from '@/scripts/next-build'
import { scratchCopy, scratchRoot } from '@/scripts/scratch-copy'
import { tempDir } from './helpers'

/**
 * Real `npm run build`s over the sample content in a copy of the project.
 *
 * First with one edition (zh-HK) emptied: Next used to drop the prerendering of every article and
 * tag page, in every edition, when one edition's params were empty (vercel/next.js#95166). Then
 * the rebuild that follows in the same copy: new and removed articles only generate the pages
 * again on the first build's compile (scripts/next-build.ts). Last, a code change makes the next
 * build plan a compile (`npm run build -- --plan`).
 *
 * The copy starts with the checkout's compile when there is one (`npm test` builds the sample
 * site before the unit tests): the first build then generates its pages on it, as any build does
 * after its compile, instead of compiling the same code a second time. Without one, or when the
 * code has changed since, the first build compiles.
 */
const here = process.cwd()
afterAll(() => rmSync(scratchRoot('prerender'), { recursive: true, force: true }), 120_000)

const content = path.join(tempDir('prerender'), 'content')
const project = scratchCopy('prerender', 'project')
if (existsSync(fingerprintFile(path.join(here, '.next')))) cpSync(path.join(here, '.next'), path.join(project, '.next'), { recursive: true })

async function build(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', 'build', ...(args.length ? ['--', ...args] : [])], {
    cwd: project,
    // NODE_ENV unset, as `npm run build` runs from a shell (Vitest's NODE_ENV=test changes what the
    // build compiles); Next's types declare it always set.
    env: { ...process.env, NODE_ENV: undefined, CONTENT_DIR: content, SITE_URL: 'http://localhost:3000', NEXT_TELEMETRY_DISABLED: '1' } as unknown as NodeJS.ProcessEnv,
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}

const prerendered = () => Object.keys((JSON.parse(readFileSync(path.join(project, '.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> }).routes)
const pageFile = (route: string) => path.join(project, '.next', 'server', 'app', `${route}.html`)
const GENERATE_ONLY = 'generating the pages again on its compile'

describe('prerendering with an empty edition', () => {
  it('still prerenders the other editions’ article, tag and list pages', async () => {
    cpSync(path.join(here, 'content'), content, { recursive: true, filter: (source) => !source.includes(`${path.sep}zh-HK`) })
    await build()
    const routes = prerendered()
    const count = (prefix: string) => routes.filter((r) => r.startsWith(prefix)).length
    expect(count('/zh-HK/news/')).toBe(0)
    expect(count('/zh-CN/news/')).toBeGreaterThan(5)
    expect(count('/en/news/')).toBeGreaterThan(1)
    expect(count('/zh-TW/news/')).toBeGreaterThan(1)
    expect(count('/zh-CN/tags/')).toBeGreaterThan(3)
    expect(routes).toEqual(expect.arrayContaining(['/zh-CN', '/zh-HK', '/en/tags', '/zh-TW/categories']))
  }, 600_000)
})

describe('a rebuild', () => {
  const removed = '/zh-CN/news/c114/20261107c01ctx00'

  it('after articles are added and removed, generates the pages on the last compile: new pages in, removed ones gone', async () => {
    expect(existsSync(pageFile(removed))).toBe(true)
    cpSync(path.join(here, 'content', 'zh-HK'), path.join(content, 'zh-HK'), { recursive: true })
    rmSync(path.join(content, 'zh-CN', 'news', 'c114', '20261107C01CTX00.zh-CN.md'))
    const output = await build()
    expect(output).toContain(GENERATE_ONLY)
    expect(output).not.toContain('Compiled successfully')
    const routes = prerendered()
    expect(routes.filter((r) => r.startsWith('/zh-HK/news/')).length).toBeGreaterThan(1)
    expect(routes).not.toContain(removed)
    expect(existsSync(pageFile(removed))).toBe(false)
    for (const route of routes.filter((r) => r.startsWith('/zh-HK/news/'))) expect(existsSync(pageFile(route))).toBe(true)
  }, 600_000)

  it('after a code change, plans a compile again', async () => {
    expect(await build('--plan')).toContain(PLAN_GENERATE)
    const footer = path.join(project, 'components', 'layout', 'site-footer.tsx')
    appendFileSync(footer, '\n// a change\n')
    expect(await build('--plan')).toContain(PLAN_COMPILE)
  }, 600_000)
})
