import { termIndexRoute } from '@/components/taxonomy/term-routes'

const route = termIndexRoute('tags')

export const revalidate = 600
export const generateMetadata = route.generateMetadata
export default route.Page
