import { notFound } from 'next/navigation'

/** Unknown paths inside an edition get that edition's 404 page. */
export default function CatchAll() {
  notFound()
}
