import { serializeJsonLd } from '@/lib/seo'

/** schema.org data for search engines; `<` is escaped, so no text can end the script early. */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
