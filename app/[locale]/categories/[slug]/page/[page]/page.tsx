import { termListRoute } from '@/components/taxonomy/term-routes'
import { termPageParams } from '@/lib/routes'

const route = termListRoute('categories')

export const revalidate = 600
export const generateStaticParams = termPageParams('categories')
export const generateMetadata = route.generateMetadata
export default route.Page
