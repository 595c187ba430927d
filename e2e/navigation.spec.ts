import { articles, breadcrumbJsonLd, expect, hydrated, openMenuIfCollapsed, test } from './fixtures'

test.describe('edition switcher in the header', () => {
  test('keeps the reader on the same article when a translation exists', async ({ page }) => {
    await page.goto(articles.translatedZh)
    await openMenuIfCollapsed(page)
    const switcher = page.getByRole('navigation', { name: '版本切换', exact: true })
    await expect(switcher).toBeVisible()
    await expect(switcher.locator('[aria-current="true"]')).toHaveText('简体')
    await expect(switcher.getByRole('link')).toHaveText(['English', '繁體（台灣）', '繁體（香港）'])
    const english = switcher.getByRole('link', { name: 'English' })
    await expect(english).toHaveAttribute('href', articles.translatedEn)
    await english.click()

    await expect(page).toHaveURL(articles.translatedEn)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Global chipmakers lift capital spending as they bet on AI data-center demand')

    await openMenuIfCollapsed(page)
    const back = page.getByRole('navigation', { name: 'Editions', exact: true }).getByRole('link', { name: '简体', exact: true })
    await expect(back).toHaveAttribute('href', articles.translatedZh)
    await back.click()
    await expect(page).toHaveURL(articles.translatedZh)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全球芯片制造商上调资本开支，押注AI数据中心需求')
  })

  test("falls back to the edition's home when the article has no translation there", async ({ page }) => {
    await page.goto(articles.translatedZh)
    await openMenuIfCollapsed(page)
    const fromTranslated = page.getByRole('navigation', { name: '版本切换', exact: true })
    // The translated pair exists in zh-CN and en only: the Traditional editions lead home.
    await expect(fromTranslated.getByRole('link', { name: '繁體（台灣）' })).toHaveAttribute('href', '/zh-tw')

    await page.goto(articles.seed)
    await openMenuIfCollapsed(page)
    const switcher = page.getByRole('navigation', { name: '版本切换', exact: true })
    await expect(switcher.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en')
    await switcher.getByRole('link', { name: '繁體（香港）' }).click()
    await expect(page).toHaveURL('/zh-hk')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK')
  })

  test('leads to edition homes again once the reader follows a link away from the article', async ({ page }) => {
    await page.goto(articles.translatedZh)
    await hydrated(page.locator('header button[data-hydrated]'))
    // A client-side navigation: the header stays, its switcher must not keep the article's translations.
    await page.locator('main a[href^="/tags/"]').first().click()
    await expect(page).toHaveURL(/\/tags\//)
    await openMenuIfCollapsed(page)
    await expect(page.getByRole('navigation', { name: '版本切换', exact: true }).getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en')
  })

  test('is on every page: lists, search and the 404 page', async ({ page }) => {
    for (const path of ['/', `/tags/${encodeURIComponent('芯片')}`, '/search', '/page/99']) {
      await page.goto(path)
      await openMenuIfCollapsed(page)
      await expect(page.getByRole('navigation', { name: '版本切换', exact: true }).getByRole('link', { name: 'English' }), path).toHaveAttribute('href', '/en')
    }
  })
})

test.describe('header on a phone', { tag: '@once' }, () => {
  test.use({ viewport: { width: 412, height: 839 }, isMobile: true, hasTouch: true })

  test('search is in the bar, without opening the menu', async ({ page }) => {
    await page.goto(articles.seed)
    const search = page.locator('header').getByRole('link', { name: '搜索' })
    await expect(search).toBeVisible()
    await expect(search).toBeInViewport()
    await expect(page.locator('header details')).not.toHaveAttribute('open', '')
    await search.tap()
    await expect(page).toHaveURL('/search')
    await expect(page.locator('main').getByRole('combobox', { name: '搜索关键词' })).toBeVisible()
  })

  test('the menu lists the top topics beside 首页/分类/标签, and the theme toggle stays in the bar', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('button', { name: '切换深色模式' })).toBeVisible()
    await page.locator('header details > summary').tap()
    const nav = page.getByRole('navigation', { name: '主导航' })
    await expect(nav).toBeVisible()
    const topics = nav.locator('a[href^="/tags/"]')
    await expect.poll(() => topics.count()).toBeGreaterThanOrEqual(3)
    await expect(page.getByRole('button', { name: '切换深色模式' })).toBeVisible()
    await topics.first().tap()
    await expect(page).toHaveURL(/\/tags\/[^/]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^标签：/)
  })
})

test.describe('breadcrumbs', () => {
  const trail = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: '面包屑导航' }).getByRole('listitem')

  test('an article: 首页 › source › title, as in its BreadcrumbList', async ({ page }) => {
    await page.goto(articles.translatedZh)
    const steps = trail(page)
    await expect(steps).toHaveCount(3)
    await expect(steps.first().getByRole('link')).toHaveAttribute('href', '/')
    await expect(steps.nth(1).getByRole('link')).toHaveAttribute('href', '/categories/reuters')
    await expect(steps.last().locator('[aria-current="page"]')).toHaveText(await page.getByRole('heading', { level: 1 }).innerText())
    const names = (await steps.allInnerTexts()).map((text) => text.replace(/^›\s*/, '').trim())
    expect((await breadcrumbJsonLd(page)).map((step) => step.name)).toEqual(names)
  })

  for (const { taxonomy, label, slug } of [
    { taxonomy: 'tags', label: '标签', slug: '人工智能' },
    { taxonomy: 'categories', label: '分类', slug: 'reuters' },
  ]) {
    test(`a ${taxonomy} page: 首页 › ${label} › term, as in its BreadcrumbList`, async ({ page }) => {
      await page.goto(`/${taxonomy}/${encodeURIComponent(slug)}`)
      const steps = trail(page)
      await expect(steps).toHaveCount(3)
      await expect(steps.nth(1).getByRole('link', { name: label })).toHaveAttribute('href', `/${taxonomy}`)
      await expect(steps.last().locator('[aria-current="page"]')).not.toBeEmpty()
      expect(await breadcrumbJsonLd(page)).toEqual([
        { name: '首页', path: '/' },
        { name: label, path: `/${taxonomy}` },
        { name: (await steps.last().innerText()).replace(/^›\s*/, '').trim(), path: `/${taxonomy}/${slug}` },
      ])
    })
  }
})

test.describe('footer', { tag: '@once' }, () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false })

  test('sits at the bottom of the screen on a short page, with editions, feeds, about and contact', async ({ page }) => {
    await page.goto('/page/99')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在')
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), 'the page is shorter than the screen').toBe(true)
    const footer = page.getByRole('contentinfo')
    await expect
      .poll(async () => {
        const box = await footer.boundingBox()
        return box ? Math.round(box.y + box.height) : 0
      })
      .toBe(900)

    const nav = footer.getByRole('navigation', { name: '页脚导航' })
    await expect(nav.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en')
    await expect(nav.getByRole('link', { name: '繁體（台灣）' })).toHaveAttribute('href', '/zh-tw')
    await expect(nav.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/index.xml')
    await expect(nav.getByRole('link', { name: 'Atom' })).toHaveAttribute('href', '/atom.xml')
    await expect(nav.getByRole('link', { name: 'JSON Feed' })).toHaveAttribute('href', '/feed.json')
    await expect(nav.getByRole('link', { name: '联系我们' })).toHaveAttribute('href', /^mailto:\S+@\S+$/)
    const about = nav.locator('[data-footer-about]')
    await expect(about).toHaveCount(1)
    await about.click()
    await expect(page).toHaveURL('/news/site/about')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于本站')
  })

  test('the feeds it links answer', async ({ page, request }) => {
    await page.goto('/en')
    const hrefs = await page
      .getByRole('contentinfo')
      .locator('a[type]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs).toEqual(['/en/index.xml', '/en/atom.xml', '/en/feed.json'])
    for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200)
  })
})

test.describe('sticky sidebar on a desktop screen', { tag: '@once' }, () => {
  test.use({ viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false })

  test('the widgets stay in view while a long article scrolls', async ({ page }) => {
    await page.goto(articles.seed)
    const main = page.locator('main')
    const widgets = page.locator('aside [data-sticky-widgets]')
    await expect(widgets).toBeVisible()
    const before = (await widgets.boundingBox())!
    const mainBox = (await main.boundingBox())!
    expect(mainBox.height, 'the article is more than two screens long').toBeGreaterThan(2 * 900)

    // Scroll until the article's end is just below the screen: the column beside it would be empty without sticking.
    const target = Math.round(mainBox.y + mainBox.height - 900 - 20)
    await page.evaluate((y) => window.scrollTo(0, y), target)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(target)
    await expect(widgets).toBeInViewport()
    await expect(widgets.locator('section[data-widget]').first()).toBeInViewport()
    const box = (await widgets.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + target, 'the widgets moved down the page with the reader').toBeGreaterThan(before.y + 900)
    expect(box.y + box.height).toBeLessThanOrEqual(900)
  })
})
