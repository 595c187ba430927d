import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { articles, expect, test } from './fixtures'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

/** One line per violation and node, so a failure says what to fix and where. */
function describe(violations: AxeResults['violations']): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replaceAll('\n', ' ')}` : ''}`)
      return `[${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`
    })
    .join('\n')
}

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path)
  await expect(page.locator('main h1').first()).toBeVisible()
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  expect(
    violations.map((v) => v.id),
    `axe violations on ${path}:\n${describe(violations)}`,
  ).toEqual([])
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
