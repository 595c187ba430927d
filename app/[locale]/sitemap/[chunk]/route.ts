import { sitemapChunkParams, sitemapChunkRoute } from '@/lib/route-handlers'

// `/sitemap/<n>.xml` reaches the default edition through the rewrites in next.config.mjs.
export const revalidate = 600
export const generateStaticParams = sitemapChunkParams
export const GET = sitemapChunkRoute
