import { newsSitemapRoute } from '@/lib/discovery'

export const revalidate = 600
export const GET = newsSitemapRoute
