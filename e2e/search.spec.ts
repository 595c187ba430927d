import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, hydrated, test } from './fixtures'

/** Index files live under /search/ (the /search page itself has no trailing segment). */
function indexRequests(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/search/')) seen.push(pathname)
  })
  return seen
}

function widget(page: Page) {
  const section = page.locator('aside section[data-widget="search"]')
  return { input: section.getByRole('combobox'), list: section.getByRole('listbox'), options: section.getByRole('option') }
}

/** What an input method does: composition events around input events that carry partial text. */
async function compose(input: Locator, steps: string[], committed: string) {
  await input.evaluate(
    (element, { steps, committed }) => {
      const field = element as HTMLInputElement
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
      const type = (value: string) => {
        setValue?.call(field, value)
        field.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertCompositionText', isComposing: true }))
      }
      field.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }))
      steps.forEach(type)
      ;(window as unknown as { __commit: () => void }).__commit = () => {
        type(committed)
        field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: committed }))
      }
    },
    { steps, committed },
  )
}

async function commit(page: Page) {
  await page.evaluate(() => (window as unknown as { __commit: () => void }).__commit())
}

test.describe('instant search', () => {
  test('no index file is fetched before the first interaction', async ({ page }) => {
    const requests = indexRequests(page)
    await page.goto('/')
    const { input, options } = widget(page)
    await hydrated(input)
    await page.waitForLoadState('networkidle')
    expect(requests).toEqual([])

    await input.fill('芯片')
    await expect(options.first()).toBeVisible()
    expect(requests).toContain('/search/manifest.json')
  })

  test('drafts and scheduled articles are not in the production index', async ({ page }) => {
    await page.goto('/search')
    const input = page.locator('main').getByRole('combobox')
    await hydrated(input)
    for (const query of ['DRAFTMARKER', 'FUTUREMARKER', '备案新要求']) {
      await input.fill(query)
      await expect(page.locator('main p[aria-live]'), query).toContainText(/没有|0/)
      await expect(page.locator('main [data-search-result]')).toHaveCount(0)
    }
    // The control: a published article's title words are found.
    await input.fill('芯片')
    await expect(page.locator('main [data-search-result]').first()).toBeVisible()
  })

  test('a Chinese query typed through an input method searches only when committed', async ({ page }) => {
    const requests = indexRequests(page)
    await page.clock.install()
    await page.goto('/')
    const { input, list, options } = widget(page)
    await hydrated(input)
    await input.focus()
    await compose(input, ['r', 'ren', 'rengong', 'rengongzhineng'], '人工智能')
    await expect(input).toHaveValue('rengongzhineng')
    // Longer than the debounce: half-composed pinyin must not search.
    await page.clock.runFor(600)
    await expect(list).toBeHidden()
    expect(requests).toEqual([])

    await commit(page)
    await expect(input).toHaveValue('人工智能')
    await expect(options.first()).toBeVisible()
    await expect(input).toHaveAttribute('aria-expanded', 'true')
    const marks = await list.locator('mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    for (const mark of marks) expect('人工智能人工智慧').toContain(mark)
    await expect(page.locator('aside [aria-live="polite"]')).toHaveText(/^找到 \d+ 条结果$/)
    // The site's one date style (lib/date-format.ts), as in lists and on articles.
    await expect(options.first().locator('time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 北京时间$/)
  })

  test('an English query in the en edition highlights the word', async ({ page }) => {
    await page.goto('/en')
    const { input, options } = widget(page)
    await hydrated(input)
    await input.fill('chip')
    await expect(options.filter({ hasText: 'Global chipmakers lift capital spending' })).toHaveCount(1)
    await expect(options.first().locator('mark').first()).toHaveText(/^chips?$/i)
    await expect(page.locator('aside [aria-live="polite"]')).toHaveText(/^\d+ results?$/)
  })

  test('the keyboard moves through results, Esc closes, Enter opens one', async ({ page }) => {
    await page.goto('/en')
    const { input, list, options } = widget(page)
    await hydrated(input)
    await input.fill('chip')
    await expect(options.first()).toBeVisible()

    await input.press('ArrowDown')
    const first = options.first()
    await expect(first).toHaveAttribute('aria-selected', 'true')
    await expect(input).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? 'missing')
    await input.press('ArrowUp')
    await expect(input).not.toHaveAttribute('aria-activedescendant')

    await input.press('Escape')
    await expect(list).toBeHidden()
    await expect(input).toHaveAttribute('aria-expanded', 'false')

    await input.press('ArrowDown')
    await expect(first).toHaveAttribute('aria-selected', 'true')
    const href = await first.getAttribute('href')
    expect(href).toMatch(/^\/en\/news\//)
    await input.press('Enter')
    await expect(page).toHaveURL((url) => url.pathname === href)
  })

  test('the search page keeps ?q= in the URL and shows results after a reload', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('人工智能')}`)
    const main = page.locator('main')
    await expect(main.getByRole('combobox')).toHaveValue('人工智能')
    await expect(main.getByRole('option').first()).toBeVisible()
    await expect(main.getByRole('option').first().locator('mark').first()).toBeVisible()

    const input = main.getByRole('combobox')
    await hydrated(input)
    await input.fill('芯片')
    await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '芯片')
    await page.reload()
    await expect(main.getByRole('combobox')).toHaveValue('芯片')
    await expect(main.getByRole('option').first()).toBeVisible()
  })

  test('a Chinese word matches as a phrase, never as its characters far apart', async ({ page }) => {
    await page.goto(`/zh-hk/search?q=${encodeURIComponent('數據中心')}`)
    const results = page.locator('main [data-search-result]')
    await expect(results.filter({ hasText: '電訊商加快建設綠色數據中心' })).toHaveCount(1)
    // 數據 and 中心 both occur in this one, but apart.
    await expect(page.locator('main p[aria-live]')).toHaveText(/^找到 \d+ 項結果$/)
    await expect(results.filter({ hasText: '統計處公布季度數據' })).toHaveCount(0)
    // The control: each word alone finds it.
    await page.goto(`/zh-hk/search?q=${encodeURIComponent('數據 中心')}`)
    await expect(results.filter({ hasText: '統計處公布季度數據' })).toHaveCount(1)
  })

  test('one result per story: copies of it are counted, not listed', async ({ page }) => {
    await page.goto('/zh-hk')
    const { input, options } = widget(page)
    await hydrated(input)
    await input.fill('綠色數據中心')
    const story = options.filter({ hasText: '電訊商加快建設綠色數據中心' })
    await expect(story).toHaveCount(1)
    await expect(story.locator('[data-duplicates]')).toHaveText('· 另有 1 篇相同報道')
  })

  test('the current edition comes first, the other editions follow in their own group', async ({ page }) => {
    await page.goto('/en')
    const { input, options } = widget(page)
    await hydrated(input)
    await input.fill('AI')
    await expect(options.first()).toBeVisible()
    const hrefs = await options.evaluateAll((links) => links.map((link) => [link.getAttribute('href') ?? '', link.closest('[data-other-editions]') !== null] as const))
    const own = hrefs.filter(([, other]) => !other)
    const others = hrefs.filter(([, other]) => other)
    expect(own.length).toBeGreaterThan(0)
    expect(others.length).toBeGreaterThan(0)
    for (const [href] of own) expect(href).toMatch(/^\/en\//)
    for (const [href] of others) expect(href).not.toMatch(/^\/en\//)
    // Own results first: no own result after the first other one.
    expect(hrefs.findIndex(([, other]) => other)).toBe(own.length)
    await expect(page.locator('aside [data-other-editions]').getByText('Other editions', { exact: true })).toBeVisible()
    await expect(page.locator('aside').getByRole('checkbox')).toHaveCount(0)
  })

  test('the dropdown is compact and ends with a link to every result', async ({ page }) => {
    await page.goto('/')
    const { input, options } = widget(page)
    await hydrated(input)
    await input.fill('表示')
    await expect(options).toHaveCount(8)
    const heights = await options.evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height))
    for (const height of heights) expect(height).toBeLessThan(110)
    const all = page.locator('aside [data-view-all]')
    await expect(all).toHaveText(/^查看全部 \d+ 条结果$/)
    const total = Number(/\d+/.exec(await all.innerText())?.[0])
    expect(total).toBeGreaterThan(8)
    await all.click()
    await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '表示')
    await expect(page.locator('main p[aria-live]')).toHaveText(`找到 ${total} 条结果`)
  })

  test('the search page pages through every result to the last one', async ({ page }) => {
    await page.goto('/search')
    const main = page.locator('main')
    await expect(main.getByText('输入关键词，搜索本站新闻。')).toBeVisible()
    const input = main.getByRole('combobox')
    await hydrated(input)
    await input.fill('表示')
    const results = main.locator('[data-search-result]')
    await expect(results.first()).toBeVisible()
    // The prompt is gone once there are results.
    await expect(main.getByText('输入关键词，搜索本站新闻。')).toHaveCount(0)
    const total = Number(/\d+/.exec(await main.locator('p[aria-live]').innerText())?.[0])
    const pages = Math.ceil(total / 10)
    expect(pages).toBeGreaterThan(1)
    const seen = new Set<string>()
    for (let n = 1; n <= pages; n++) {
      await expect(main.locator('[data-page-of]')).toHaveText(`第 ${n} / ${pages} 页`)
      await expect(results).toHaveCount(n < pages ? 10 : total - (pages - 1) * 10)
      for (const href of await results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) seen.add(href)
      if (n < pages) await main.getByRole('button', { name: '下一页' }).click()
    }
    await expect(main.getByRole('button', { name: '下一页' })).toBeDisabled()
    expect(seen.size).toBe(total)
    await expect(page).toHaveURL((url) => url.searchParams.get('page') === String(pages))
    await page.reload()
    await expect(main.locator('[data-page-of]')).toHaveText(`第 ${pages} / ${pages} 页`)
  })

  test('every match is marked, each one whole', async ({ page }) => {
    await page.goto(`/zh-hk/search?q=${encodeURIComponent('數據中心')}`)
    const story = page.locator('main [data-search-result]', { hasText: '電訊商加快建設綠色數據中心' })
    await expect(story).toBeVisible()
    // In the title and in the snippet, always the whole word.
    expect((await story.locator('mark').allInnerTexts()).length).toBeGreaterThanOrEqual(2)
    for (const mark of await story.locator('mark').allInnerTexts()) expect(mark).toBe('數據中心')
    await page.goto(`/en/search?q=${encodeURIComponent('chip demand')}`)
    const english = page.locator('main [data-search-result]', { hasText: 'Global chipmakers lift capital spending' })
    await expect(english).toBeVisible()
    for (const mark of await english.locator('mark').allInnerTexts()) expect(mark.toLowerCase()).toMatch(/^(chips?|demand)$/)
  })

  test('an unreachable index shows a clear message', async ({ page }) => {
    await page.route('**/search/manifest.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }))
    await page.goto('/')
    const { input } = widget(page)
    await hydrated(input)
    await input.fill('芯片')
    await expect(page.locator('aside').getByRole('alert')).toHaveText('搜索暂时不可用：无法加载搜索索引，请稍后再试。')
  })

  test('the search page with results has no axe violations', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('人工智能')}`)
    await expect(page.locator('main').getByRole('option').first()).toBeVisible()
    await expectNoAxeViolations(page)
  })
})
