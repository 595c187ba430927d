import { hasLocale } from 'next-intl'
import { getRequestConfig } from 'next-intl/server'
import { siteConfig } from '@/lib/config'
import { routing } from './routing'

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale
  return {
    locale,
    timeZone: siteConfig.timeZone,
    // Relative dates ("3小时前") are as of render time; pages re-render every `revalidate` seconds.
    now: new Date(),
    messages: (await import(`../messages/${locale}.json`)).default,
  }
})
