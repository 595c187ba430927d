import { afterEach, describe, expect, it, vi } from 'vitest'

async function loadEnv() {
  vi.resetModules()
  return (await import('@/lib/env')).env
}

afterEach(() => vi.unstubAllEnvs())

describe('SITE_URL', () => {
  it('fails a production build that does not name the site, naming the variable', async () => {
    vi.stubEnv('SITE_URL', '')
    vi.stubEnv('VERCEL_URL', '')
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    await expect(loadEnv()).rejects.toThrow(/SITE_URL is not set/)
  })

  it('takes SITE_URL, or VERCEL_URL on Vercel, in a production build', async () => {
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    vi.stubEnv('SITE_URL', 'https://news.example.com/some/path')
    expect((await loadEnv()).siteUrl).toBe('https://news.example.com')
    vi.stubEnv('SITE_URL', '')
    vi.stubEnv('VERCEL_URL', 'news-git-x.vercel.app')
    expect((await loadEnv()).siteUrl).toBe('https://news-git-x.vercel.app')
  })

  it('falls back to localhost outside a production build (next dev, scripts)', async () => {
    vi.stubEnv('SITE_URL', '')
    vi.stubEnv('VERCEL_URL', '')
    vi.stubEnv('NEXT_PHASE', '')
    expect((await loadEnv()).siteUrl).toBe('http://localhost:3000')
  })
})

describe('TRUSTED_PROXIES', () => {
  it('defaults to trusting no proxy and refuses a value that is not a count', async () => {
    vi.stubEnv('TRUSTED_PROXIES', '')
    expect((await loadEnv()).trustedProxies).toBe(0)
    vi.stubEnv('TRUSTED_PROXIES', 'yes')
    await expect(loadEnv()).rejects.toThrow(/TRUSTED_PROXIES/)
  })
})
