import { termIndexRoute } from '@/components/taxonomy/term-routes'
import { editionParams } from '@/lib/routes'

const route = termIndexRoute('categories')

export const revalidate = 600
export const generateStaticParams = editionParams
export const generateMetadata = route.generateMetadata
export default route.Page
