import { editionFeedRoute } from '@/lib/route-handlers'
import { editionParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = editionParams
export const GET = editionFeedRoute('json')
