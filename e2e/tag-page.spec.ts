import { expect, listItems, test, titleLink } from './fixtures'

const AI_TAG_PATH = `/tags/${encodeURIComponent('人工智能')}`

test.describe('tags and categories', () => {
  test('a tag on an article leads to a list of articles that all carry it', async ({ page }) => {
    await page.goto('/news/sina/20261028s02sna00')
    await page.locator('article footer').getByRole('link', { name: '#人工智能', exact: true }).click()

    await expect(page).toHaveURL(AI_TAG_PATH)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('人工智能')
    const items = listItems(page)
    await expect(items.first()).toBeVisible()
    const count = await items.count()
    expect(count).toBeGreaterThan(1)
    // Phones hide the topic chips of list items (compact lists); the link is still in every item.
    const chipsShown = await page.evaluate(() => window.innerWidth >= 640)
    for (let i = 0; i < count; i++) {
      await (chipsShown
        ? expect(items.nth(i).getByRole('link', { name: '#人工智能', exact: true })).toBeVisible()
        : expect(items.nth(i).locator(`a[href="${AI_TAG_PATH}"]`)).toBeAttached())
    }
    await expect(titleLink(items)).toContainText(['开源推理引擎发布3.0版本，C++内核重写后吞吐提升近一倍'])
  })

  test('the tag index lists every tag with its article count', async ({ page }) => {
    await page.goto('/tags')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部标签')
    const terms = page.locator('main').getByRole('link')
    await expect(terms.first()).toBeVisible()
    const labels = await terms.allInnerTexts()
    expect(labels.length).toBeGreaterThan(5)
    for (const label of labels) expect(label).toMatch(/^\S.*（\d+ 篇）$/)
    await expect(terms.filter({ hasText: /^C\+\+（/ })).toHaveAttribute('href', /\/tags\/c%2B%2B$/)

    const ai = terms.filter({ hasText: /^人工智能（/ })
    const aiCount = Number(/（(\d+) 篇）/.exec(await ai.innerText())?.[1])
    await ai.click()
    await expect(page).toHaveURL(AI_TAG_PATH)
    await expect(listItems(page)).toHaveCount(aiCount)
  })

  test('Unicode, C++ and slugified tag pages load', async ({ page, request }) => {
    for (const [path, name] of [
      [AI_TAG_PATH, '人工智能'],
      ['/tags/c%2B%2B', 'C++'],
      ['/tags/ai-ml', 'AI/ML'],
    ] as const) {
      const response = await request.get(path)
      expect(response.status(), path).toBe(200)
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`标签：${name}`)
      await expect(listItems(page).first()).toBeVisible()
    }
    // The unencoded form a reader may type works too.
    await page.goto('/tags/人工智能')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签：人工智能')
  })

  test('the category index leads to a category page listing only that source', async ({ page }) => {
    await page.goto('/categories')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部分类')
    const c114 = page
      .locator('main')
      .getByRole('link')
      .filter({ hasText: /^C114 通信网（/ })
    await expect(c114).toHaveText(/（\d+ 篇）/)
    const count = Number(/（(\d+) 篇）/.exec(await c114.innerText())?.[1])
    await c114.click()

    await expect(page).toHaveURL('/categories/c114')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('分类：C114 通信网')
    const items = listItems(page)
    await expect(items).toHaveCount(count)
    for (let i = 0; i < count; i++) {
      await expect(items.nth(i).locator('a[href$="/categories/c114"]')).toHaveText('C114 通信网')
    }
  })
})
