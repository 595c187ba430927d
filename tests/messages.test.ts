import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { locales } from '@/i18n/routing'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

describe('messages', () => {
  const byLocale = Object.fromEntries(locales.map((locale) => [locale, JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as unknown]))

  it.each(locales)('%s has exactly the keys of zh-CN, none empty', (locale) => {
    expect(keys(byLocale[locale]).sort()).toEqual(keys(byLocale['zh-CN']).sort())
    for (const key of keys(byLocale[locale])) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], byLocale[locale])
      expect(typeof value === 'string' && value.trim().length > 0, `${locale}: ${key}`).toBe(true)
    }
  })

  it('names every edition in every language', () => {
    for (const locale of locales) expect(Object.keys((byLocale[locale] as { languages: object }).languages).sort()).toEqual([...locales].sort())
  })
})
