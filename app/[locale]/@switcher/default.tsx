import { EditionSwitcher } from '@/components/layout/edition-switcher'
import { resolveEdition } from '@/lib/edition'

/** Every page but an article: each edition's link goes to its home. */
export default async function DefaultSwitcher({ params }: { params: Promise<{ locale: string }> }) {
  return <EditionSwitcher locale={await resolveEdition(params)} />
}
