import { devices } from '@playwright/test'
import { articles, expect, test } from './fixtures'

// The phone layout at the Pixel 7 size, whatever the project's device: run once (@once).
const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['Pixel 7']

test.describe('phone layout', { tag: '@once' }, () => {
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch })

  const pages = [
    { name: 'home', path: '/' },
    { name: 'article with a table (sidebar: left)', path: articles.table },
    { name: 'long article with images', path: articles.seed },
    { name: 'article with a code block and TOC', path: articles.toc },
    { name: 'tag page', path: `/tags/${encodeURIComponent('人工智能')}` },
  ]

  test('no horizontal scrolling and the sidebar below the content', async ({ page }) => {
    for (const { name, path } of pages) {
      await test.step(`${name} (${path})`, async () => {
        await page.goto(path)
        await expect(page.locator('main h1').first()).toBeVisible()
        await expect.poll(() => page.evaluate(() => window.innerWidth), { message: 'layout viewport is the phone width' }).toBe(viewport.width)
        await expect
          .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${path}: page wider than the screen by (px)` })
          .toBeLessThanOrEqual(0)

        const main = page.locator('main')
        const aside = page.getByRole('complementary', { name: '侧边栏' })
        await expect(aside).toBeAttached()
        await expect
          .poll(
            async () => {
              const [content, sidebar] = await Promise.all([main.boundingBox(), aside.boundingBox()])
              return content && sidebar ? sidebar.y - (content.y + content.height) : Number.NaN
            },
            { message: `${path}: sidebar top minus content bottom` },
          )
          .toBeGreaterThanOrEqual(0)
      })
    }
  })

  test('the main menu is collapsed behind 菜单 and opens on tap', async ({ page }) => {
    await page.goto('/')
    const menu = page.locator('header details')
    const summary = menu.locator('summary')
    await expect(summary).toBeVisible()
    await expect(summary).toHaveText(/菜单/)
    await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0)
    await expect(page.locator('header nav a').first()).toBeAttached()
    await expect(page.locator('header nav a').filter({ visible: true })).toHaveCount(0)

    await summary.tap()
    await expect(menu).toHaveAttribute('open', '')
    const nav = page.getByRole('navigation', { name: '主导航' })
    await expect(nav).toBeVisible()
    await expect(nav.getByRole('link')).toContainText(['首页', '分类', '标签'])

    await nav.getByRole('link', { name: '标签', exact: true }).tap()
    await expect(page).toHaveURL('/tags')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部标签')
  })
})
