import type { Page } from '@playwright/test'
import { articles, expect, expectNoAxeViolations, test } from './fixtures'

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path)
  await expect(page.locator('main h1').first()).toBeVisible()
  await expectNoAxeViolations(page, path)
}

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const [name, path] of [
    ['home', '/'],
    ['seed article', articles.seed],
    ['tag page', `/tags/${encodeURIComponent('人工智能')}`],
    ['tags index', '/tags'],
    ['en home', '/en'],
  ] as const) {
    test(`${name} (${path}) has no violations`, async ({ page }) => {
      await expectNoViolations(page, path)
    })
  }

  test.describe('dark mode', () => {
    test.use({ colorScheme: 'dark' })

    test('home has no violations in dark mode', async ({ page }) => {
      await page.goto('/')
      await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
      await expectNoViolations(page, '/')
    })
  })
})
