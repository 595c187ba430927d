import { termFeedRoute } from '@/lib/route-handlers'
import { noStaticParams } from '@/lib/routes'

export const revalidate = 600
// None at build (a corpus has thousands of tags): each renders on first request, then is cached.
export const generateStaticParams = noStaticParams
export const GET = termFeedRoute('categories', 'atom')
