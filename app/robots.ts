import { robots } from '@/lib/route-handlers'

export const revalidate = 600
export default robots
