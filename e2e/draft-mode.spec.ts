import { E2E_PREVIEW_SECRET } from '../playwright.config'
import { articles, expect, locationPath, test } from './fixtures'

/** Each test is its own client for the route's rate limit. */
const client = (name: string) => ({ 'x-forwarded-for': `draft-mode-${name}-${test.info().project.name}` })

test.describe('draft mode on the production build', () => {
  test('refuses a missing or wrong secret with 401 and sets no cookie', { tag: '@http' }, async ({ request }) => {
    for (const query of ['', '?secret=', '?secret=wrong', `?secret=${E2E_PREVIEW_SECRET}x`]) {
      const response = await request.get(`/api/draft${query}`, { maxRedirects: 0, headers: client('wrong') })
      expect(response.status(), query).toBe(401)
      expect(response.headers()['set-cookie'] ?? '', query).not.toContain('__prerender_bypass')
    }
  })

  test('the right secret sets the draft cookie and redirects to a same-site path only', { tag: '@http' }, async ({ request }) => {
    const ok = await request.get(`/api/draft?secret=${E2E_PREVIEW_SECRET}&redirect=${encodeURIComponent(articles.draft)}`, { maxRedirects: 0, headers: client('ok') })
    expect(ok.status()).toBe(307)
    expect(ok.headers()['set-cookie']).toContain('__prerender_bypass')
    expect(locationPath(ok.headers().location, ok.url())).toBe(articles.draft)
    expect(ok.headers()['x-robots-tag']).toBe('noindex')

    for (const evil of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await request.get(`/api/draft?secret=${E2E_PREVIEW_SECRET}&redirect=${encodeURIComponent(evil)}`, { maxRedirects: 0, headers: client('evil') })
      expect(response.status(), evil).toBe(400)
      expect(response.headers().location, evil).toBeUndefined()
    }
  })

  test('is rate-limited per client', { tag: '@http' }, async ({ request }) => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await request.get('/api/draft?secret=guess', { maxRedirects: 0, headers: client('rate') })).status())
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  test('is not bypassed by forged X-Forwarded-For entries, and keeps clients behind one proxy apart', { tag: '@http' }, async ({ request }) => {
    // The e2e server trusts one proxy (TRUSTED_PROXIES=1): the test runner plays it, so the last
    // entry it sends is the client; anything left of it is what that client forged.
    const proxied = client('forger')['x-forwarded-for']
    const statuses: number[] = []
    for (let i = 0; i < 50; i++) {
      statuses.push((await request.get('/api/draft?secret=guess', { maxRedirects: 0, headers: { 'x-forwarded-for': `198.51.100.${i}, ${proxied}` } })).status())
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10)
    expect(statuses.slice(10)).toEqual(Array(40).fill(429))
    // Another editor behind the same proxy is not locked out.
    const other = await request.get('/api/draft?secret=guess', { maxRedirects: 0, headers: client('bystander') })
    expect(other.status()).toBe(401)
  })

  test('shows drafts with the banner and badges to that browser only, and exits', async ({ page, browser, baseURL }) => {
    await page.setExtraHTTPHeaders(client('browser'))
    await page.goto(`/api/draft?secret=${E2E_PREVIEW_SECRET}&redirect=/`)
    await expect(page).toHaveURL(`${baseURL}/`)
    await expect(page.locator('[data-preview-banner]')).toContainText('预览环境')
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    const draftItem = page.locator('main [data-article]', { hasText: 'DRAFTMARKER' })
    await expect(draftItem.locator('[data-badge="draft"]')).toHaveText('草稿')
    await expect(page.locator('main [data-article]', { hasText: 'FUTUREMARKER' }).locator('[data-badge="scheduled"]')).toHaveText('定时')

    const draftPage = await page.goto(articles.draft)
    expect(draftPage?.status()).toBe(200)
    expect(draftPage?.headers()['x-robots-tag']).toBe('noindex')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('DRAFTMARKER')

    // Other readers still get the published site: draft mode never reaches the shared cache.
    const other = await browser.newContext()
    const otherPage = await other.newPage()
    await otherPage.goto(new URL('/', baseURL).href)
    await expect(otherPage.locator('main li[data-article]').first()).toBeVisible()
    await expect(otherPage.locator('body')).not.toContainText('DRAFTMARKER')
    await expect(otherPage.locator('[data-preview-banner]')).toHaveCount(0)
    expect((await otherPage.goto(new URL(articles.draft, baseURL).href))?.status()).toBe(404)
    await other.close()

    await page.goto('/')
    await page.locator('[data-preview-banner]').getByRole('link').click()
    await expect(page).toHaveURL(`${baseURL}/`)
    await expect(page.locator('[data-preview-banner]')).toHaveCount(0)
    await expect(page.locator('body')).not.toContainText('DRAFTMARKER')
  })

  test('production pages carry no noindex', { tag: '@http' }, async ({ request }) => {
    const response = await request.get('/')
    expect(response.headers()['x-robots-tag']).toBeUndefined()
    expect(await response.text()).not.toContain('noindex')
  })
})
