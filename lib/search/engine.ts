/**
 * The search engine: FlexSearch answers the query over the index files, fetching only what the
 * query needs (the manifest, the shards of its tokens and phrase pairs, the metadata chunks and
 * texts of the results shown) through an injected loader: the file system in Node, `fetch` in
 * the browser. Around FlexSearch: regional synonyms, one result per story, the reader's edition
 * first, paging, and snippets with every match marked.
 */
import { Resolver, type Index } from 'flexsearch'
import type { Locale } from '@/i18n/routing'
import { encodeQuery, normalize, queryKeys, regionOf, type Alternative, type Clause, type QueryWord, type Region } from './encoder'
import {
  createIndex,
  decodeIds,
  INDEX_VERSION,
  manifestFile,
  metaFile,
  pairFile,
  pairShard,
  shardFile,
  textFile,
  tokenShard,
  type IndexStatus,
  type Manifest,
  type MetaRow,
} from './format'

/** Reads one index file by its path relative to the index folder. */
export type IndexLoader = (file: string) => Promise<string>

export interface SearchOptions {
  /** Only this edition's articles, or every edition's. */
  edition?: Locale | 'all'
  /** This edition's results come first; the others follow, marked `otherEdition`. */
  prefer?: Locale
  /** Paging over the whole result list (one entry per story). */
  offset?: number
  limit?: number
  /** Load article texts for snippets (one small file per result). */
  snippets?: boolean
}

/** A highlighted range: [start, end) in UTF-16 units. */
export type Range = [start: number, end: number]

export interface SearchResult {
  url: string
  title: string
  date: string
  source: string
  edition: Locale
  /** Text around the first match, or the start of the article. */
  snippet: string
  /** Every match in the snippet, whole words. */
  matches: Range[]
  /** Every match in the title. */
  titleMatches: Range[]
  /** Other copies of the same story (same title within 48 hours) that matched too. */
  duplicates: number
  /** Not in the preferred edition (only when `prefer` is set). */
  otherEdition: boolean
  /** A draft or scheduled article (only a preview build's index has them). */
  status: IndexStatus | null
}

export interface SearchPage {
  /** Results (stories) in all. */
  total: number
  /** Of which in the preferred edition (all of them without `prefer`). */
  preferred: number
  results: SearchResult[]
}

const EMPTY: SearchPage = { total: 0, preferred: 0, results: [] }
const SNIPPET_BEFORE = 30
const SNIPPET_LENGTH = 120
const WORD_CHAR = /[\p{L}\p{N}]/u
const HAN = /\p{Script=Han}/u

/** Every occurrence of the words in folded text, merged; Latin words whole (with their plural). */
export function findMatches(folded: string, words: readonly string[]): Range[] {
  const ranges: Range[] = []
  for (const word of new Set(words)) {
    if (!word) continue
    const latin = !HAN.test(word)
    const stems = latin && word.endsWith('y') ? [word, `${word.slice(0, -1)}ies`] : [word]
    for (const stem of stems) {
      for (let at = folded.indexOf(stem); at >= 0; at = folded.indexOf(stem, at + 1)) {
        let end = at + stem.length
        if (latin) {
          while (end < folded.length && WORD_CHAR.test(folded[end] as string)) end++
          // "chip" marks "chips", not "chipset"; nor the "chip" inside "microchip".
          if ((at > 0 && WORD_CHAR.test(folded[at - 1] as string)) || !['', 's', 'es'].includes(folded.slice(at + stem.length, end))) continue
        }
        ranges.push([at, end])
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** Folds a text one UTF-16 unit at a time so that offsets in the folded text are offsets in the original. */
function foldAligned(text: string): string {
  let out = ''
  for (const char of text) {
    const folded = normalize(char)
    out += folded.length === char.length ? folded : char.toLowerCase().length === char.length ? char.toLowerCase() : char
  }
  return out
}

export function markMatches(text: string, words: readonly string[]): Range[] {
  return findMatches(foldAligned(text), words)
}

export function makeSnippet(text: string, words: readonly string[]): { snippet: string; matches: Range[] } {
  const all = markMatches(text, words)
  const first = all[0]
  if (!first) {
    const snippet = text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH).trimEnd()}…` : text
    return { snippet, matches: [] }
  }
  let start = Math.max(0, first[0] - SNIPPET_BEFORE)
  // Start English snippets at a word: the next space, if it comes before the match.
  const space = text.indexOf(' ', start)
  if (start > 0 && WORD_CHAR.test(text[start - 1] as string) && space >= 0 && space < first[0] && space - start < 15) start = space + 1
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  // A match is never cut in two by the end of the snippet.
  for (const [s, e] of all) if (s < end && e > end) end = e
  const prefix = start > 0 ? '…' : ''
  const snippet = `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`
  const shift = prefix.length - start
  const matches = all.filter(([s]) => s < end).map(([s, e]): Range => [s + shift, e + shift])
  return { snippet, matches }
}

/**
 * A search index file that could not be loaded or is not what this engine wrote: always names
 * the file, so that a deployment with a missing or damaged index is found at once.
 */
export class SearchIndexError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`Search index file ${file} ${problem}`)
    this.name = 'SearchIndexError'
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0
const isIdList = (value: unknown): value is number[] => Array.isArray(value) && value.every(isCount)

function checkManifest(value: unknown): string | null {
  if (!isObject(value)) return 'is not an object'
  if (value.version !== INDEX_VERSION) return `has version ${JSON.stringify(value.version)}, expected ${INDEX_VERSION}: rebuild the index`
  if (!isCount(value.shards) || value.shards === 0) return 'has no valid shard count'
  if (!isCount(value.pairShards) || value.pairShards === 0) return 'has no valid pair shard count'
  if (!isCount(value.chunkSize) || value.chunkSize === 0) return 'has no valid chunk size'
  if (!isCount(value.count)) return 'has no valid article count'
  if (!Array.isArray(value.editionList) || !value.editionList.every((e) => typeof e === 'string')) return 'has no valid edition list'
  if (typeof value.editions !== 'string' || value.editions.length !== value.count)
    return `has ${typeof value.editions === 'string' ? value.editions.length : 'no'} edition codes for ${value.count} articles`
  const stories = value.stories
  if (!isIdList(stories) || stories.length !== value.count || stories.some((ahead, id) => id + ahead >= (value.count as number))) return 'has no valid story list'
  return null
}

/** Internal paths only: a damaged index must not turn a result into a `javascript:` link. */
const SAFE_URL = /^\/(?!\/)[^\s\\]*$/

function checkRow(row: unknown, editions: readonly string[]): row is MetaRow {
  if (!Array.isArray(row) || row.length < 5) return false
  const [url, title, date, source, edition, status] = row as unknown[]
  return (
    typeof url === 'string' &&
    SAFE_URL.test(url) &&
    typeof title === 'string' &&
    typeof date === 'string' &&
    typeof source === 'string' &&
    typeof edition === 'string' &&
    editions.includes(edition) &&
    (status === undefined || status === 'draft' || status === 'scheduled')
  )
}

/** FlexSearch's [title ids, body ids] from a shard entry, or null when it is not one. */
function readSlots(value: unknown, count: number): number[][] | null {
  if (!Array.isArray(value) || value.length !== 2 || !isIdList(value[0]) || !isIdList(value[1])) return null
  const out = value.map((deltas: number[]) => decodeIds(deltas))
  return out.every((ids) => ids.every((id) => id < count)) ? out : null
}

/** A result list of FlexSearch's as our own copy: its arrays can be the index's own. */
function copySlots(result: readonly (readonly unknown[] | undefined)[] | undefined): number[][] {
  return [0, 1].map((slot) => [...((result?.[slot] ?? []) as number[])])
}

type ShardKind = 'token' | 'pair'

export class SearchEngine {
  private manifest: Promise<Manifest> | null = null
  private readonly shards = new Map<string, Promise<void>>()
  private readonly meta = new Map<number, Promise<MetaRow[]>>()
  private readonly index: Index = createIndex()

  constructor(private readonly load: IndexLoader) {}

  /** Loads and parses one file; every failure names it. */
  private async loadJson(file: string): Promise<unknown> {
    let text: string
    try {
      text = await this.load(file)
    } catch (error) {
      throw new SearchIndexError(file, `could not be loaded: ${error instanceof Error ? error.message : String(error)}`)
    }
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new SearchIndexError(file, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
  }

  /** One promise per file while it loads; a failed load is forgotten, so the next query tries again. */
  private cached<K, T>(cache: Map<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
    let promise = cache.get(key)
    if (!promise) {
      promise = make()
      promise.catch(() => cache.delete(key))
      cache.set(key, promise)
    }
    return promise
  }

  private getManifest(): Promise<Manifest> {
    if (!this.manifest) {
      const promise = this.loadJson(manifestFile).then((value) => {
        const problem = checkManifest(value)
        if (problem) throw new SearchIndexError(manifestFile, problem)
        return value as Manifest
      })
      promise.catch(() => {
        if (this.manifest === promise) this.manifest = null
      })
      this.manifest = promise
    }
    return this.manifest
  }

  /**
   * Merges one shard into the FlexSearch index. Every entry is checked first, so a damaged shard
   * is refused whole (naming the file and the token) instead of answering wrong.
   */
  private loadShard(kind: ShardKind, shard: number, manifest: Manifest): Promise<void> {
    const file = kind === 'token' ? shardFile(shard) : pairFile(shard)
    return this.cached(this.shards, file, async () => {
      const value = await this.loadJson(file)
      if (!Array.isArray(value)) throw new SearchIndexError(file, 'is not a list of postings')
      const invalid = (token: unknown) => new SearchIndexError(file, `has invalid postings for "${String(token)}"`)
      const entries: [string, unknown][] = []
      for (const entry of value as unknown[]) {
        if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') throw invalid(Array.isArray(entry) ? entry[0] : entry)
        if (kind === 'token') {
          const slots = readSlots(entry[1], manifest.count)
          if (!slots) throw invalid(entry[0])
          entries.push([entry[0], slots])
        } else {
          if (!Array.isArray(entry[1])) throw invalid(entry[0])
          const next: [string, number[][]][] = []
          for (const pair of entry[1] as unknown[]) {
            const slots = Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' ? readSlots(pair[1], manifest.count) : null
            if (!slots) throw invalid(`${entry[0]} ${Array.isArray(pair) ? String(pair[0]) : ''}`)
            next.push([(pair as unknown[])[0] as string, slots])
          }
          entries.push([entry[0], next])
        }
      }
      // FlexSearch's own import: `map` entries are tokens, `ctx` entries pairs of neighbouring tokens.
      this.index.import(kind === 'token' ? 'map' : 'ctx', entries as unknown as string)
    })
  }

  private getMeta(chunk: number, manifest: Manifest): Promise<MetaRow[]> {
    return this.cached(this.meta, chunk, async () => {
      const value = await this.loadJson(metaFile(chunk))
      if (!Array.isArray(value)) throw new SearchIndexError(metaFile(chunk), 'is not a list of rows')
      const bad = value.findIndex((row) => !checkRow(row, manifest.editionList))
      if (bad >= 0) throw new SearchIndexError(metaFile(chunk), `has an invalid row ${bad}: ${JSON.stringify(value[bad])?.slice(0, 120)}`)
      return value as MetaRow[]
    })
  }

  /** An article's text for its snippet; without it the result is still shown, only without one. */
  private async getText(id: number): Promise<string> {
    try {
      return await this.load(textFile(id))
    } catch {
      return ''
    }
  }

  /** A word's [title ids, body ids]: FlexSearch looks the token up, or intersects a Han word's neighbouring pairs. */
  private word(word: QueryWord): number[][] {
    const found = this.index.search(word.tokens as unknown as string, { context: true, resolve: false }) as unknown as Resolver
    return copySlots(found.result)
  }

  /** Ids matching every clause, as [title tier, body tier]. */
  private match(clauses: Clause[], regions: (id: number) => Region): number[][] {
    const and = (lists: number[][][]): number[][] => {
      const [first, ...rest] = lists
      if (!first || rest.length === 0) return first ?? [[], []]
      // Complete lists, never limited: FlexSearch intersects them whole.
      const resolver = new Resolver(first) as unknown as { and: (...others: unknown[]) => { result: number[][] } }
      return copySlots(resolver.and(...rest.map((slots) => new Resolver(slots))).result)
    }
    const alternative = ({ words, region }: Alternative): number[][] => {
      const slots = and(words.map((word) => this.word(word)))
      return region ? slots.map((ids) => ids.filter((id) => regions(id) === region)) : slots
    }
    // The union of a clause's alternatives, by tier: FlexSearch's `or` scores a later list's body
    // hits into the first slot, which would rank body matches of a synonym above title matches.
    const clause = (alternatives: Clause): number[][] => {
      const lists = alternatives.map(alternative)
      const title = new Set(lists.flatMap((slots) => slots[0] ?? []))
      const body = new Set(lists.flatMap((slots) => slots[1] ?? []).filter((id) => !title.has(id)))
      return [[...title], [...body]]
    }
    return and(clauses.map(clause))
  }

  /**
   * A page of results for a query. Rejects with a `SearchIndexError` naming the file when the
   * manifest, a shard or a metadata chunk is missing or damaged; a missing text only costs its snippet.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchPage> {
    const { edition = 'all', prefer, offset = 0, limit = 20, snippets = true } = options
    const clauses = encodeQuery(query)
    if (clauses.length === 0 || limit <= 0) return EMPTY
    const manifest = await this.getManifest()
    const { tokens, pairs } = queryKeys(clauses)
    const files = new Map<string, [ShardKind, number]>()
    for (const token of tokens) files.set(`t${tokenShard(token, manifest.shards)}`, ['token', tokenShard(token, manifest.shards)])
    for (const [keyword, token] of pairs) files.set(`p${pairShard(keyword, token, manifest.pairShards)}`, ['pair', pairShard(keyword, token, manifest.pairShards)])
    await Promise.all([...files.values()].map(([kind, shard]) => this.loadShard(kind, shard, manifest)))

    const editionOf = (id: number) => manifest.editionList[Number(manifest.editions[id])] as Locale
    const tiers = this.match(clauses, (id) => regionOf(editionOf(id)))
    // Title hits first, then newest first (ids count from the oldest article).
    let ids = tiers.flatMap((tier) => tier.sort((a, b) => b - a))
    if (edition !== 'all') ids = ids.filter((id) => editionOf(id) === edition)
    if (prefer) ids = [...ids.filter((id) => editionOf(id) === prefer), ...ids.filter((id) => editionOf(id) !== prefer)]

    const stories = new Map<number, { id: number; duplicates: number }>()
    for (const id of ids) {
      const first = id + (manifest.stories[id] ?? 0)
      const story = stories.get(first)
      if (story) story.duplicates++
      else stories.set(first, { id, duplicates: 0 })
    }
    const ranked = [...stories.values()]
    const preferred = prefer ? ranked.filter(({ id }) => editionOf(id) === prefer).length : ranked.length
    const words = clauses.flatMap((clause) => clause.flatMap((alternative) => alternative.words.map((word) => word.text)))
    const results = await Promise.all(
      ranked.slice(Math.max(0, offset), Math.max(0, offset) + limit).map(async ({ id, duplicates }): Promise<SearchResult> => {
        const chunk = Math.floor(id / manifest.chunkSize)
        const row = (await this.getMeta(chunk, manifest))[id % manifest.chunkSize]
        if (!row) throw new SearchIndexError(metaFile(chunk), `has no row for article ${id}`)
        const [url, title, date, source, rowEdition, status] = row
        const text = snippets ? await this.getText(id) : ''
        return {
          url,
          title,
          date,
          source,
          edition: rowEdition,
          duplicates,
          otherEdition: prefer !== undefined && rowEdition !== prefer,
          status: status ?? null,
          titleMatches: markMatches(title, words),
          ...makeSnippet(text, words),
        }
      }),
    )
    return { total: ranked.length, preferred, results }
  }
}
