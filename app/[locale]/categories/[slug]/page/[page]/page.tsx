import { termListRoute } from '@/components/taxonomy/term-routes'
import { noStaticParams } from '@/lib/routes'

const route = termListRoute('categories')

export const revalidate = 600
export const generateStaticParams = noStaticParams
export const generateMetadata = route.generateMetadata
export default route.Page
