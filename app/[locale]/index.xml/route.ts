import { editionFeedParams, editionFeedRoute } from '@/lib/discovery'

export const revalidate = 600
export const generateStaticParams = editionFeedParams
export const GET = editionFeedRoute('rss')
