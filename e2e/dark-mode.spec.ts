import { expect, hydrated, test } from './fixtures'
import type { Page } from '@playwright/test'

declare global {
  interface Window {
    /** Whether `<html>` had the `dark` class when `<body>` was first inserted (before any paint). */
    __darkBeforeBody?: boolean
    /** The same at DOMContentLoaded. */
    __darkAtDomContentLoaded?: boolean
  }
}

/** Records the theme the page would first paint with, before React or any async script runs. */
async function recordFirstPaintTheme(page: Page) {
  await page.addInitScript(() => {
    const dark = () => document.documentElement.classList.contains('dark')
    new MutationObserver((_, observer) => {
      if (document.body) {
        window.__darkBeforeBody ??= dark()
        observer.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
    document.addEventListener('DOMContentLoaded', () => {
      window.__darkAtDomContentLoaded = dark()
    })
  })
}

async function firstPaintTheme(page: Page) {
  return page.evaluate(() => ({ beforeBody: window.__darkBeforeBody, atDomContentLoaded: window.__darkAtDomContentLoaded }))
}

const toggleName = '切换深色模式'

test.describe('dark mode with a dark system theme', () => {
  test.use({ colorScheme: 'dark' })

  test('follows the system, toggles to light and back, and remembers the choice without a flash', async ({ page }) => {
    await recordFirstPaintTheme(page)
    const html = page.locator('html')
    const toggle = page.getByRole('button', { name: toggleName })

    await page.goto('/', { waitUntil: 'domcontentloaded' })
    await expect.poll(() => firstPaintTheme(page)).toEqual({ beforeBody: true, atDomContentLoaded: true })
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)

    await hydrated(toggle)
    await toggle.click()
    await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/)
    await expect.poll(() => page.evaluate(() => localStorage.getItem('theme'))).toBe('light')

    await page.reload({ waitUntil: 'domcontentloaded' })
    await expect.poll(() => firstPaintTheme(page)).toEqual({ beforeBody: false, atDomContentLoaded: false })
    await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/)

    // The choice holds on other pages of the site too.
    await page.goto('/tags', { waitUntil: 'domcontentloaded' })
    await expect.poll(() => firstPaintTheme(page)).toEqual({ beforeBody: false, atDomContentLoaded: false })

    await hydrated(toggle)
    await toggle.click()
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)
    await expect.poll(() => page.evaluate(() => localStorage.getItem('theme'))).toBe('dark')

    await page.reload({ waitUntil: 'domcontentloaded' })
    await expect.poll(() => firstPaintTheme(page)).toEqual({ beforeBody: true, atDomContentLoaded: true })
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)
  })
})

test.describe('dark mode with a light system theme', () => {
  test.use({ colorScheme: 'light' })

  test('starts light and a dark choice survives a reload without a flash', async ({ page }) => {
    await recordFirstPaintTheme(page)
    const html = page.locator('html')
    const toggle = page.getByRole('button', { name: toggleName })

    await page.goto('/', { waitUntil: 'domcontentloaded' })
    await expect.poll(() => firstPaintTheme(page)).toEqual({ beforeBody: false, atDomContentLoaded: false })

    const body = page.locator('body')
    const lightBackground = await body.evaluate((element) => getComputedStyle(element).backgroundColor)
    await hydrated(toggle)
    await toggle.click()
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)
    await expect(body).not.toHaveCSS('background-color', lightBackground)

    await page.reload({ waitUntil: 'domcontentloaded' })
    await expect.poll(() => firstPaintTheme(page)).toEqual({ beforeBody: true, atDomContentLoaded: true })
  })
})
