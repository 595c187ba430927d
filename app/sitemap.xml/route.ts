import { sitemapRoute } from '@/lib/route-handlers'

export const revalidate = 600
export const GET = sitemapRoute
