import { termListRoute } from '@/components/taxonomy/term-routes'
import { termParams } from '@/lib/routes'

const route = termListRoute('categories')

export const revalidate = 600
export const generateStaticParams = termParams('categories')
export const generateMetadata = route.generateMetadata
export default route.Page
