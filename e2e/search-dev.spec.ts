import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tsxScript } from '@/scripts/next-build'
import { scratchCopy } from '@/scripts/scratch-copy'
import { expect, hydrated, test } from './fixtures'

/**
 * `npm run dev` as the README's first command gives it: the search index is built when dev
 * starts and rebuilt when content changes. Runs in a scratch copy of the project (its own
 * .contentlayer, public/search and .next), so the production build the other specs use is untouched.
 */
const port = Number(process.env.E2E_PORT ?? 3210) + 2
const base = `http://127.0.0.1:${port}`
let copy = ''
let dev: ChildProcess | null = null
let log = -1

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    if (dev?.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const output = readFileSync(path.join(copy, 'dev.log'), 'utf8').slice(-2000)
  throw new Error(`timed out waiting for ${what}; npm run dev said:\n${output}`)
}

const manifestCount = async () => {
  const response = await fetch(`${base}/search/manifest.json`, { cache: 'no-store' })
  return response.ok ? ((await response.json()) as { count: number }).count : -1
}

test.describe('search under npm run dev', { tag: '@once' }, () => {
  test.describe.configure({ mode: 'serial', timeout: 600_000 })

  test.beforeAll(async () => {
    // Copying, the first content build and the first `next dev` compile take minutes on a busy machine.
    test.setTimeout(300_000)
    copy = scratchCopy('e2e', 'dev-search')
    // The index is the one `npm run dev` builds.
    rmSync(path.join(copy, 'public', 'search'), { recursive: true, force: true })
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
    // The copy's own content/, whatever this run was given.
    delete env.CONTENT_DIR
    log = openSync(path.join(copy, 'dev.log'), 'w')
    dev = spawn(...tsxScript('scripts/dev.ts', '-H', '127.0.0.1', '-p', String(port)), {
      cwd: copy,
      env,
      stdio: ['ignore', log, log],
      detached: true,
    })
    await waitFor(async () => (await fetch(`${base}/`)).ok, 240_000, 'npm run dev')
  })

  test.afterAll(async () => {
    // The whole process group (tsx, scripts/dev.ts, next dev and its workers), until none is left.
    const group = dev?.pid
    if (group) {
      const alive = () => {
        try {
          process.kill(-group, 0)
          return true
        } catch {
          return false
        }
      }
      if (alive()) process.kill(-group, 'SIGTERM')
      for (let i = 0; i < 40 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 250))
      if (alive()) process.kill(-group, 'SIGKILL')
    }
    if (log >= 0) closeSync(log)
    if (copy) rmSync(copy, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
  })

  test('the index exists when dev starts, answers in the search box, and follows content changes', async ({ page }) => {
    expect(await manifestCount()).toBeGreaterThan(0)
    await page.goto(`${base}/`)
    const section = page.locator('aside section[data-widget="search"]')
    const input = section.getByRole('combobox')
    // `next dev` compiles the page's client code on first request: minutes on a busy machine.
    await hydrated(input, 120_000)
    await input.fill('芯片')
    await expect(section.getByRole('option').first()).toBeVisible({ timeout: 120_000 })

    const before = await manifestCount()
    const file = path.join(copy, 'content', 'zh-CN', 'news', 'devcheck', 'DEVSEARCH0000001.zh-CN.md')
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, '---\ntitle: "开发模式索引刷新测试"\ndate: "2025-01-01 08:00:00"\n---\n\n正文提到量子纠缠通信。\n')
    await waitFor(async () => (await manifestCount()) === before + 1, 120_000, 'the index to pick up the new article')
    await page.reload()
    await hydrated(input, 120_000)
    await input.fill('量子纠缠通信')
    await expect(section.getByRole('option', { name: /开发模式索引刷新测试/ })).toBeVisible({ timeout: 120_000 })
  })
})
