import { articles, expect, listItems, test, titleLink } from './fixtures'

test.describe('switching editions', () => {
  test('the translations switcher moves between the zh-CN and en versions of an article', async ({ page }) => {
    await page.goto(articles.translatedZh)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    const switcher = page.locator('[data-translations]')
    await expect(switcher).toHaveAccessibleName('其他语言版本')
    await switcher.getByRole('link', { name: 'English' }).click()

    await expect(page).toHaveURL(articles.translatedEn)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Global chipmakers lift capital spending as they bet on AI data-center demand')
    await expect(page.locator('article[lang]')).toHaveAttribute('lang', 'en')
    await expect(page).toHaveTitle(/News Express/)
    await expect(page.getByRole('link', { name: 'News Express' })).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Sidebar' })).toBeAttached()
    await expect(page.locator('article header')).toContainText('min read')
    await expect(page.getByRole('button', { name: 'Toggle dark mode' })).toBeVisible()

    const back = page.locator('[data-translations]').getByRole('link', { name: '简体中文' })
    await expect(page.locator('[data-translations]')).toHaveAccessibleName('Other editions')
    await expect(back).toHaveAttribute('hreflang', 'zh-CN')
    await back.click()
    await expect(page).toHaveURL(articles.translatedZh)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全球芯片制造商上调资本开支，押注AI数据中心需求')
  })

  test('the link back to the default edition uses its canonical, unprefixed URL', async ({ page }) => {
    await page.goto(articles.translatedEn)
    expect(await page.locator('[data-translations]').getByRole('link', { name: '简体中文' }).getAttribute('href')).toBe(articles.translatedZh)
  })

  test('the languages widget reaches the Traditional Chinese editions', async ({ page }) => {
    await page.goto(articles.customWidgets)
    const widget = page.locator('aside section[data-widget="languages"]')
    await expect(widget.locator('[aria-current]')).toHaveText('简体中文')

    await widget.getByRole('link', { name: '繁體中文（台灣）' }).click()
    await expect(page).toHaveURL('/zh-tw')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW')
    await expect(page.getByRole('link', { name: '新聞速遞' })).toBeVisible()
    await expect(page.getByRole('complementary', { name: '側邊欄' })).toBeAttached()
    await expect(listItems(page).first().locator('article')).toHaveAttribute('lang', 'zh-TW')

    await page.goto(articles.customWidgets)
    await page.locator('aside section[data-widget="languages"]').getByRole('link', { name: '繁體中文（香港）' }).click()
    await expect(page).toHaveURL('/zh-hk')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK')
    await expect(page.getByRole('link', { name: '新聞速遞' })).toBeVisible()
    await expect(listItems(page).first().locator('article')).toHaveAttribute('lang', 'zh-HK')
  })

  test('the en home lists the en and en-US articles with English UI strings', async ({ page }) => {
    await page.goto('/en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front page')
    await expect(page.getByRole('complementary', { name: 'Sidebar' })).toBeAttached()

    const enUs = listItems(page).filter({ has: page.locator('article[lang="en-US"]') })
    await expect(titleLink(enUs)).toHaveText('Chiplet interconnect startup tapes out first test vehicle')
    await expect(titleLink(listItems(page))).toContainText(['Global chipmakers lift capital spending as they bet on AI data-center demand'])
    await titleLink(enUs).click()
    await expect(page).toHaveURL('/en/news/eetimes/7c1e4a9b2d6f83e05a4b1c9d2e7f6a38')
    await expect(page.locator('article[lang]')).toHaveAttribute('lang', 'en-US')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })
})
