import { articles, expect, hydrated, test } from './fixtures'

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
}

function directives(csp: string | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  )
}

test.describe('security headers', () => {
  test('every kind of response carries them', { tag: '@http' }, async ({ request }) => {
    for (const path of [
      '/',
      articles.seed,
      '/en',
      '/tags',
      '/index.xml',
      '/sitemap.xml',
      '/robots.txt',
      '/favicon.ico',
      '/search/manifest.json',
      '/no-such-page',
      '/news/qq/%',
      '/News/qq/20250212A03TSR00',
      '/api/draft?secret=wrong',
    ]) {
      const response = await request.get(path, { maxRedirects: 0 })
      const headers = response.headers()
      expect(response.status(), path).toBeLessThan(500)
      for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], `${name} on ${path}`).toBe(value)
      expect(headers['permissions-policy'], path).toContain('camera=()')
      expect(headers['strict-transport-security'], path).toMatch(/max-age=\d{7,}/)
      const csp = directives(headers['content-security-policy'])
      expect(csp.get('object-src'), path).toEqual(["'none'"])
      expect(csp.get('base-uri'), path).toEqual(["'self'"])
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"])
      expect(csp.get('form-action'), path).toEqual(["'self'"])
      // Our own scripts only: no host, no scheme, no eval in production.
      expect(csp.get('script-src'), path).toEqual(["'self'", "'unsafe-inline'"])
      expect(csp.get('img-src'), path).toContain('https:')
    }
  })

  test('the policy blocks nothing the site itself needs', async ({ page }) => {
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        ;(window as unknown as { __cspViolations: string[] }).__cspViolations ??= []
        ;(window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    for (const path of ['/', articles.math, articles.table, '/en']) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []), path).toEqual([])
    }
    // Search loads its engine chunk and index files under the policy.
    await page.goto('/search')
    const input = page.locator('main').getByRole('combobox')
    await hydrated(input)
    await input.fill('芯片')
    await expect(page.locator('main [data-search-result]').first()).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual([])
    expect(violations).toEqual([])

    // The control: a plain-http image is refused and reported, so the listener above works.
    await page.evaluate(() => {
      const image = document.createElement('img')
      image.src = 'http://blocked.invalid/pixel.png'
      document.body.append(image)
    })
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual(['img-src http://blocked.invalid/pixel.png'])
  })
})
