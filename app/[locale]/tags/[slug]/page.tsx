import { termListRoute } from '@/components/taxonomy/term-routes'
import { termParams } from '@/lib/routes'

const route = termListRoute('tags')

export const revalidate = 600
export const generateStaticParams = termParams('tags')
export const generateMetadata = route.generateMetadata
export default route.Page
