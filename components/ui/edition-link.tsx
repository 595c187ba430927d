import NextLink from 'next/link'
import type { ComponentProps } from 'react'
import { editionHref, type Locale } from '@/i18n/routing'

type Props = Omit<ComponentProps<typeof NextLink>, 'href' | 'locale'> & { href: string; locale: Locale }

/**
 * A link to a path inside an edition (`/news/qq/x` → `/en/news/qq/x`; no prefix for zh-CN).
 * No prefetching by default: a news page carries dozens of links.
 */
export function EditionLink({ href, locale, prefetch = false, ...rest }: Props) {
  return <NextLink href={editionHref(locale, href)} prefetch={prefetch} {...rest} />
}
