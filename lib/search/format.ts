/**
 * The on-disk shape of the search index under public/search/: one manifest, FlexSearch's index
 * split into shards by token hash, metadata in chunks of consecutive ids, and one plain-text file
 * per article for snippets. Ids count articles from the oldest (0 = oldest), so id order is date
 * order and a newly published article takes the next id: nothing indexed moves.
 */
import type { Locale } from '@/i18n/routing'
import { Index, type IndexOptions } from 'flexsearch'
import { hashToken, pairKey } from './encoder'

export const INDEX_VERSION = 4

export interface Manifest {
  version: number
  /** Shards of single tokens (FlexSearch's `map`). */
  shards: number
  /** Shards of neighbouring-token pairs (FlexSearch's `ctx`, the phrase index). */
  pairShards: number
  chunkSize: number
  count: number
  editionList: Locale[]
  /** One character per id: the index into editionList, so editions filter before any fetch. */
  editions: string
  /**
   * Per id, how far forward its story's newest copy is: 0 for a story's newest copy, n when
   * article id + n has the same folded title within 48 hours. Lets results collapse before any fetch.
   */
  stories: number[]
  built: string
}

/** Slot 0: ids with the token in the title; slot 1: in the body only. Both delta-encoded, ascending. */
export type Slots = [title: number[], body: number[]]
/** Ascending ids as stored: the first id, then the distance from each id to the one before. */
export function encodeIds(ids: readonly number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - (ids[i - 1] as number)))
}

/** The ids a stored list holds. */
export function decodeIds(deltas: readonly number[]): number[] {
  let id = 0
  return deltas.map((delta) => (id += delta))
}

/** FlexSearch `map` entries: `[token, slots]`. */
export type TokenShard = [token: string, slots: Slots][]
/** FlexSearch `ctx` entries: `[keyword, [[next token, slots], …]]`. */
export type PairShard = [keyword: string, entries: [token: string, slots: Slots][]][]

/** Why an indexed article is not public yet: only a preview build indexes such articles. */
export type IndexStatus = 'draft' | 'scheduled'

/**
 * One article's metadata: url (edition prefix included), title, date, source, edition and, for a
 * draft or scheduled article (preview builds only), its status.
 */
export type MetaRow = [url: string, title: string, date: string, source: string, edition: Locale, status?: IndexStatus]

export const manifestFile = 'manifest.json'
export const shardFile = (shard: number) => `shards/${shard}.json`
export const pairFile = (shard: number) => `pairs/${shard}.json`
export const metaFile = (chunk: number) => `meta/${chunk}.json`
export const textFile = (id: number) => `text/${id}.txt`

export const tokenShard = (token: string, shards: number) => hashToken(token) % shards
export const pairShard = (keyword: string, token: string, shards: number) => hashToken(pairKey(keyword, token)) % shards

/**
 * The FlexSearch index, the same on both sides. Tokens come from our encoder (the `encode`
 * function hands FlexSearch's tokens back unchanged), so FlexSearch adds no normalisation of its
 * own; `strict` indexes each token whole; two slots rank title hits first; context depth 1 stores
 * each pair of neighbouring tokens, in order, which is what makes a Han word match as a phrase.
 * `context: false` builds the token part alone (the build feeds Latin words to that one only).
 */
export function createIndex(score?: IndexOptions['score'], context = true): Index {
  return new Index({
    encode: (tokens: string | string[]) => (Array.isArray(tokens) ? tokens : [tokens]),
    tokenize: 'strict',
    resolution: 2,
    ...(context ? { context: { depth: 1, bidirectional: false, resolution: 2 } } : {}),
    fastupdate: false,
    cache: false,
    ...(score ? { score } : {}),
  } as IndexOptions)
}
