import { robots } from '@/lib/discovery'

export const revalidate = 600
export default robots
