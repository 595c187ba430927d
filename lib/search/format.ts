/**
 * The on-disk shape of the search index under public/search/: one manifest, postings shards
 * chosen by token hash, metadata in chunks of consecutive ids, and one plain-text file per
 * article for snippets. Ids are ranks by recency (0 = newest), so id order is date order.
 */
import type { Locale } from '@/i18n/routing'

export const INDEX_VERSION = 1

export interface Manifest {
  version: number
  /** Hash of every file's content: changes whenever the index does (cache busting). */
  hash: string
  shards: number
  chunkSize: number
  count: number
  editionList: Locale[]
  /** One character per id: the index into editionList, so editions filter before any fetch. */
  editions: string
  built: string
}

/** token → [ids containing it anywhere, ids containing it in the title]; both delta-encoded. */
export type Shard = Record<string, [number[], number[]]>

/** Why an indexed article is not public yet: only a preview build indexes such articles. */
export type IndexStatus = 'draft' | 'scheduled'

/**
 * One article's metadata: url (edition prefix included), title, date, source, edition, script,
 * and, for a draft or scheduled article (preview builds only), its status.
 */
export type MetaRow = [url: string, title: string, date: string, source: string, edition: Locale, script: string, status?: IndexStatus]

export const manifestFile = 'manifest.json'
export const shardFile = (shard: number) => `shards/${shard}.json`
export const metaFile = (chunk: number) => `meta/${chunk}.json`
export const textFile = (id: number) => `text/${id}.txt`
