import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, hydrated, test } from './fixtures'

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
    await page.goto('/')
    const { input, list, options } = widget(page)
    await hydrated(input)
    await input.focus()
    await compose(input, ['r', 'ren', 'rengong', 'rengongzhineng'], '人工智能')
    await expect(input).toHaveValue('rengongzhineng')
    // Longer than the debounce: half-composed pinyin must not search.
    await page.waitForTimeout(600)
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
    await expect(options.first().locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2}$/)
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

  test('all editions widens the search beyond the current edition', async ({ page }) => {
    await page.goto('/en')
    const { input, options } = widget(page)
    await hydrated(input)
    await input.fill('AI')
    await expect(options.first()).toBeVisible()
    for (const href of await options.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) expect(href).toMatch(/^\/en\//)

    await page.locator('aside section[data-widget="search"]').getByRole('checkbox').check()
    await expect.poll(() => options.evaluateAll((links) => links.some((link) => !(link.getAttribute('href') ?? '').startsWith('/en/')))).toBe(true)
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
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
})
