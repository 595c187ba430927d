import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { expect, runContentBuild, test, testSourceFolder, writeTestArticle } from './fixtures'

/**
 * A content build beside the running production server (`npm run content`, as cron runs it):
 * nothing cached before it may hide what it adds. Runs after every other project (it changes the
 * catalog they read) and removes its articles again.
 */
test.describe.configure({ mode: 'serial' })
test.setTimeout(120_000)

const SOURCE = 'e2e-refresh'
const folder = testSourceFolder(SOURCE)
const writeArticle = (id: string, title: string, time: number) => writeTestArticle(SOURCE, id, title, time)

/** How long the last content build took on this machine (a first guess until one has run). */
let lastBuildMs = 7_000
function contentBuild() {
  const started = Date.now()
  runContentBuild()
  lastBuildMs = Date.now() - started
}

test.afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
  runContentBuild()
})

test('an article requested before it existed is served once a content build adds it', async ({ request }) => {
  const url = `/news/${SOURCE}/refresh01`
  expect((await request.get(url)).status()).toBe(404)
  // The 404 is now in the cache.
  expect((await request.get(url)).status()).toBe(404)
  writeArticle('refresh01', '刷新测试：新到的文章', Date.now() - 60_000)
  contentBuild()
  // Within the server's catalog check (5 s), with no restart and no wait for revalidation.
  await expect.poll(async () => (await request.get(url)).status(), { timeout: 15_000, intervals: [500] }).toBe(200)
  // Its category, unknown (404) a moment ago, exists too.
  await expect.poll(async () => (await request.get(`/categories/${SOURCE}`)).status(), { timeout: 15_000, intervals: [500] }).toBe(200)
})

test('a scheduled article answers 404 until its time, then is served on the next request', async ({ request }) => {
  const url = `/news/${SOURCE}/refresh02`
  // Time for the content build and the first request, three times over, before it is due.
  const publishAt = Date.now() + Math.max(10_000, 3 * lastBuildMs + 4_000)
  writeArticle('refresh02', '刷新测试：定时发布', publishAt)
  contentBuild()
  expect((await request.get(url)).status()).toBe(404)
  expect(Date.now(), 'the 404 was asked for before the article was due').toBeLessThan(publishAt)
  let servedAt = 0
  await expect
    .poll(
      async () => {
        const status = (await request.get(url)).status()
        if (status === 200) servedAt = Date.now()
        return status
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(200)
  // Site dates have whole seconds: never before the minute's second it was scheduled for.
  expect(servedAt).toBeGreaterThanOrEqual(Math.floor(publishAt / 1000) * 1000)
})

test('a page that fails to render shows the edition’s error page, inside the site’s layout', async ({ page }) => {
  const url = `/news/${SOURCE}/refresh03`
  writeArticle('refresh03', '刷新测试：正文丢失', Date.now() - 60_000)
  contentBuild()
  // Lose the body Contentlayer wrote for it: rendering the page now throws.
  const catalog = JSON.parse(readFileSync(path.join(process.cwd(), '.contentlayer', 'catalog.json'), 'utf8')) as { slug: string; source: string; bodyFile: string }[]
  const article = catalog.find((a) => a.source === SOURCE && a.slug === 'refresh03')
  expect(article).toBeTruthy()
  rmSync(path.join(process.cwd(), article!.bodyFile))
  await expect.poll(async () => (await page.request.get(url)).status(), { timeout: 15_000, intervals: [500] }).toBe(500)
  const response = await page.goto(url)
  expect(response?.status()).toBe(500)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面出错了')
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
  await expect(page.locator('main').getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/')
})
