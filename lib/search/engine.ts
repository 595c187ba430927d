/**
 * The search engine: runs a query over the index files, fetching only what the query needs
 * (the manifest, the shards of its tokens, the metadata chunks and texts of the results shown)
 * through an injected loader: the file system in Node, `fetch` in the browser.
 */
import type { Locale } from '@/i18n/routing'
import { encodeQuery, hashToken, normalize, queryTokens, type Clause } from './encoder'
import { INDEX_VERSION, manifestFile, metaFile, shardFile, textFile, type IndexStatus, type Manifest, type MetaRow, type Shard } from './format'

/** Reads one index file by its path relative to the index folder. */
export type IndexLoader = (file: string) => Promise<string>

export interface SearchOptions {
  /** One edition, or every edition. */
  edition?: Locale | 'all'
  limit?: number
  /** Load article texts for snippets (one small file per result). */
  snippets?: boolean
}

export interface SearchResult {
  url: string
  title: string
  date: string
  source: string
  edition: Locale
  /** Text around the first match, or the start of the article. */
  snippet: string
  /** Where the first match sits in the snippet, for highlighting. */
  match: [start: number, end: number] | null
  /** Number of query clauses found in the title: the first ranking key. */
  titleHits: number
  /** A draft or scheduled article (only a preview build's index has them). */
  status: IndexStatus | null
}

const SNIPPET_BEFORE = 30
const SNIPPET_LENGTH = 120

interface Postings {
  all: number[]
  title: number[]
}

function undelta(values: number[]): number[] {
  const out = new Array<number>(values.length)
  let previous = 0
  values.forEach((value, i) => {
    previous = i === 0 ? value : previous + value
    out[i] = previous
  })
  return out
}

function intersect(sets: Set<number>[]): Set<number> {
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size)
  if (!first) return new Set()
  return new Set([...first].filter((id) => rest.every((set) => set.has(id))))
}

function union(sets: Set<number>[]): Set<number> {
  const out = new Set<number>()
  for (const set of sets) for (const id of set) out.add(id)
  return out
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/** First occurrence of any token in folded text; Latin tokens only at a word start. */
function firstMatch(folded: string, tokens: string[]): [number, number] | null {
  let best: [number, number] | null = null
  for (const token of tokens) {
    const latin = !/\p{Script=Han}/u.test(token)
    let from = 0
    for (;;) {
      const at = folded.indexOf(token, from)
      if (at < 0 || (best && at >= best[0])) break
      let end = at + token.length
      if (latin) while (end < folded.length && WORD_CHAR.test(folded[end] as string)) end++
      // A Latin token is a whole word, or its plural: "chip" highlights "chips", not "chipset".
      const wholeWord = !latin || ((at === 0 || !WORD_CHAR.test(folded[at - 1] as string)) && ['', 's', 'es'].includes(folded.slice(at + token.length, end)))
      if (wholeWord) {
        best = [at, end]
        break
      }
      from = at + 1
    }
  }
  return best
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

export function makeSnippet(text: string, tokens: string[]): { snippet: string; match: [number, number] | null } {
  const hit = firstMatch(foldAligned(text), tokens)
  if (!hit) {
    const snippet = text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH).trimEnd()}…` : text
    return { snippet, match: null }
  }
  let start = Math.max(0, hit[0] - SNIPPET_BEFORE)
  // Start English snippets at a word: the next space, if it comes before the match.
  const space = text.indexOf(' ', start)
  if (start > 0 && WORD_CHAR.test(text[start - 1] as string) && space >= 0 && space < hit[0] && space - start < 15) start = space + 1
  const end = Math.min(text.length, start + SNIPPET_LENGTH)
  const prefix = start > 0 ? '…' : ''
  const snippet = `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`
  return { snippet, match: [hit[0] - start + prefix.length, Math.min(hit[1], end) - start + prefix.length] }
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
  if (!isCount(value.chunkSize) || value.chunkSize === 0) return 'has no valid chunk size'
  if (!isCount(value.count)) return 'has no valid article count'
  if (!Array.isArray(value.editionList) || !value.editionList.every((e) => typeof e === 'string')) return 'has no valid edition list'
  if (typeof value.editions !== 'string' || value.editions.length !== value.count) return `has ${typeof value.editions === 'string' ? value.editions.length : 'no'} edition codes for ${value.count} articles`
  return null
}

/** Internal paths only: a damaged index must not turn a result into a `javascript:` link. */
const SAFE_URL = /^\/(?!\/)[^\s\\]*$/

function checkRow(row: unknown, editions: readonly string[]): row is MetaRow {
  if (!Array.isArray(row) || row.length < 5) return false
  const [url, title, date, source, edition, , status] = row as unknown[]
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

export class SearchEngine {
  private manifest: Promise<Manifest> | null = null
  private readonly shards = new Map<number, Promise<Shard>>()
  private readonly meta = new Map<number, Promise<MetaRow[]>>()
  private readonly postings = new Map<string, Postings>()

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
  private cached<T>(cache: Map<number, Promise<T>>, key: number, make: () => Promise<T>): Promise<T> {
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

  private getShard(shard: number): Promise<Shard> {
    return this.cached(this.shards, shard, async () => {
      const value = await this.loadJson(shardFile(shard))
      if (!isObject(value)) throw new SearchIndexError(shardFile(shard), 'is not an object of postings')
      return value as Shard
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

  private async lookup(tokens: string[], manifest: Manifest): Promise<void> {
    const missing = tokens.filter((token) => !this.postings.has(token))
    const files = missing.map((token) => hashToken(token) % manifest.shards)
    const shards = await Promise.all(files.map((shard) => this.getShard(shard)))
    missing.forEach((token, i) => {
      const entry = Object.hasOwn(shards[i] as Shard, token) ? shards[i]?.[token] : undefined
      if (entry === undefined) {
        this.postings.set(token, { all: [], title: [] })
        return
      }
      const postings = Array.isArray(entry) && entry.length === 2 && isIdList(entry[0]) && isIdList(entry[1]) ? { all: undelta(entry[0]), title: undelta(entry[1]) } : null
      if (!postings || [...postings.all, ...postings.title].some((id) => id >= manifest.count)) {
        throw new SearchIndexError(shardFile(files[i] as number), `has invalid postings for "${token}"`)
      }
      this.postings.set(token, postings)
    })
  }

  private clauseSets(clause: Clause): { all: Set<number>; title: Set<number> } {
    const get = (token: string) => this.postings.get(token) ?? { all: [], title: [] }
    return {
      all: union(clause.map((alternative) => intersect(alternative.map((token) => new Set(get(token).all))))),
      title: union(clause.map((alternative) => intersect(alternative.map((token) => new Set(get(token).title))))),
    }
  }

  /**
   * Results for a query. Rejects with a `SearchIndexError` naming the file when the manifest, a
   * postings shard or a metadata chunk is missing or damaged; a missing text only costs its snippet.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    const { edition = 'all', limit = 20, snippets = true } = options
    const clauses = encodeQuery(query)
    if (clauses.length === 0 || limit <= 0) return []
    const manifest = await this.getManifest()
    const tokens = queryTokens(clauses)
    await this.lookup(tokens, manifest)
    const sets = clauses.map((clause) => this.clauseSets(clause))
    const editionCode = edition === 'all' ? null : String(manifest.editionList.indexOf(edition))
    const ranked = [...intersect(sets.map((set) => set.all))]
      .filter((id) => editionCode === null || manifest.editions[id] === editionCode)
      .map((id) => ({ id, titleHits: sets.reduce((n, set) => n + (set.title.has(id) ? 1 : 0), 0) }))
      .sort((a, b) => b.titleHits - a.titleHits || a.id - b.id)
      .slice(0, limit)
    return Promise.all(
      ranked.map(async ({ id, titleHits }) => {
        const chunk = Math.floor(id / manifest.chunkSize)
        const row = (await this.getMeta(chunk, manifest))[id % manifest.chunkSize]
        if (!row) throw new SearchIndexError(metaFile(chunk), `has no row for article ${id}`)
        const [url, title, date, source, rowEdition, , status] = row
        const text = snippets ? await this.getText(id) : ''
        return { url, title, date, source, edition: rowEdition, titleHits, status: status ?? null, ...makeSnippet(text, tokens) }
      }),
    )
  }
}
