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

export class SearchEngine {
  private manifest: Promise<Manifest> | null = null
  private readonly shards = new Map<number, Promise<Shard>>()
  private readonly meta = new Map<number, Promise<MetaRow[]>>()
  private readonly postings = new Map<string, Postings>()

  constructor(private readonly load: IndexLoader) {}

  private getManifest(): Promise<Manifest> {
    this.manifest ??= this.load(manifestFile).then((text) => {
      const manifest = JSON.parse(text) as Manifest
      if (manifest.version !== INDEX_VERSION) throw new Error(`Search index version ${manifest.version}, expected ${INDEX_VERSION}: rebuild it`)
      return manifest
    })
    return this.manifest
  }

  private getShard(shard: number): Promise<Shard> {
    let promise = this.shards.get(shard)
    if (!promise) {
      promise = this.load(shardFile(shard)).then((text) => JSON.parse(text) as Shard)
      promise.catch(() => this.shards.delete(shard))
      this.shards.set(shard, promise)
    }
    return promise
  }

  private getMeta(chunk: number): Promise<MetaRow[]> {
    let promise = this.meta.get(chunk)
    if (!promise) {
      promise = this.load(metaFile(chunk)).then((text) => JSON.parse(text) as MetaRow[])
      promise.catch(() => this.meta.delete(chunk))
      this.meta.set(chunk, promise)
    }
    return promise
  }

  private async lookup(tokens: string[], manifest: Manifest): Promise<void> {
    const missing = tokens.filter((token) => !this.postings.has(token))
    const shards = await Promise.all(missing.map((token) => this.getShard(hashToken(token) % manifest.shards)))
    missing.forEach((token, i) => {
      const entry = shards[i]?.[token]
      this.postings.set(token, entry ? { all: undelta(entry[0]), title: undelta(entry[1]) } : { all: [], title: [] })
    })
  }

  private clauseSets(clause: Clause): { all: Set<number>; title: Set<number> } {
    const get = (token: string) => this.postings.get(token) ?? { all: [], title: [] }
    return {
      all: union(clause.map((alternative) => intersect(alternative.map((token) => new Set(get(token).all))))),
      title: union(clause.map((alternative) => intersect(alternative.map((token) => new Set(get(token).title))))),
    }
  }

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
        const chunk = await this.getMeta(Math.floor(id / manifest.chunkSize))
        const row = chunk[id % manifest.chunkSize]
        if (!row) throw new Error(`Search index is inconsistent: no metadata for ${id}`)
        const [url, title, date, source, rowEdition, , status] = row
        const text = snippets ? await this.load(textFile(id)) : ''
        return { url, title, date, source, edition: rowEdition, titleHits, status: status ?? null, ...makeSnippet(text, tokens) }
      }),
    )
  }
}
