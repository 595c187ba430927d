import { explainUnparsed, listContentFiles, mergeCatalog, normalizeDocuments, type SourceDocument } from '@/lib/content/catalog'
import { parseDocument, sources, topics } from './helpers'

export const TZ = 'Asia/Shanghai'

/** Loads a content root exactly as the content build does: parse, normalise, merge. */
export async function loadContent(root: string) {
  const files = await listContentFiles(root)
  const documents = files.map((f) => parseDocument(root, f)).filter((d): d is SourceDocument => d !== null)
  const parsed = new Set(documents.map((d) => d._raw.sourceFilePath))
  const unparsed = await Promise.all(files.filter((f) => !parsed.has(f)).map((f) => explainUnparsed(root, f)))
  const shard = normalizeDocuments(documents, TZ, (file) => file, topics)
  return { files, ...mergeCatalog([shard], unparsed, Date.UTC(2030, 0, 1), sources) }
}
