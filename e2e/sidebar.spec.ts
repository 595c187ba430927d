import { articles, expect, test, widgetNames } from './fixtures'

test.describe('sidebar widgets', () => {
  for (const { name, path, widgets } of [
    { name: 'the seed article (front matter: search, recent, taglist)', path: articles.seed, widgets: ['search', 'recent', 'tags'] },
    {
      name: 'the custom-order article',
      path: articles.customWidgets,
      widgets: ['tags', 'recent', 'languages', 'social', 'categories', 'search'],
    },
    { name: 'the home page (site default)', path: '/', widgets: ['search', 'recent', 'categories', 'tags'] },
  ]) {
    test(`${name} shows exactly its widgets, in order`, async ({ page }) => {
      await page.goto(path)
      const sidebar = page.getByRole('complementary', { name: '侧边栏' })
      await expect(sidebar).toBeAttached()
      await expect(sidebar.locator('section[data-widget]')).toHaveCount(widgets.length)
      await expect.poll(() => widgetNames(page)).toEqual(widgets)
      for (const widget of widgets) {
        await expect(sidebar.locator(`section[data-widget="${widget}"] h2`)).not.toBeEmpty()
      }
    })
  }

  test('the widgets have content: recent articles, tag and category counts, social links', async ({ page }) => {
    await page.goto(articles.customWidgets)
    const sidebar = page.getByRole('complementary', { name: '侧边栏' })
    await expect(sidebar.locator('[data-widget="recent"] li')).toHaveCount(6)
    await expect(sidebar.locator('[data-widget="recent"] a').first()).toHaveText('卫星互联网手机直连测试完成，偏远地区可收发短消息')
    await expect(sidebar.locator('[data-widget="tags"] a').first()).toHaveText(/^\S.*（\d+ 篇）$/)
    await expect(sidebar.locator('[data-widget="categories"] a').first()).toHaveText(/^\S.*（\d+ 篇）$/)
    await expect(sidebar.locator('[data-widget="social"] a')).toHaveText(['RSS', 'GitHub'])
  })

  test('the search widget submits to a shareable /search?q= URL', async ({ page }) => {
    await page.goto(articles.seed)
    const search = page.locator('aside section[data-widget="search"]')
    await search.getByRole('combobox', { name: '搜索关键词' }).fill('芯片 AI')
    await search.getByRole('button', { name: '搜索' }).click()

    await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '芯片 AI')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('搜索：芯片 AI')
    await expect(page.locator('main').getByRole('combobox')).toHaveValue('芯片 AI')
  })

  test('sidebar: false leaves the sidebar out', async ({ page }) => {
    await page.goto(articles.noSidebar)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.locator('aside')).toHaveCount(0)
  })
})

test.describe('sidebar position on a desktop screen', { tag: '@once' }, () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })

  test('sidebar: left puts the sidebar left of the content, the default puts it right', async ({ page }) => {
    const gap = async () => {
      const [main, aside] = await Promise.all([page.locator('main').boundingBox(), page.locator('aside').boundingBox()])
      return main && aside ? { left: main.x - (aside.x + aside.width), right: aside.x - (main.x + main.width) } : null
    }

    await page.goto(articles.sidebarLeft)
    await expect(page.locator('aside')).toBeVisible()
    await expect.poll(async () => (await gap())?.left ?? -1, { message: 'content left edge minus sidebar right edge' }).toBeGreaterThanOrEqual(0)

    await page.goto(articles.seed)
    await expect(page.locator('aside')).toBeVisible()
    await expect.poll(async () => (await gap())?.right ?? -1, { message: 'sidebar left edge minus content right edge' }).toBeGreaterThanOrEqual(0)
  })
})
