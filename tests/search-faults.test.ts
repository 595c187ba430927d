import { describe, expect, it } from 'vitest'
import type { Locale } from '@/i18n/routing'
import { buildSearchIndex, type IndexInput } from '@/lib/search/build'
import { encodeQuery, queryKeys } from '@/lib/search/encoder'
import { SearchEngine, SearchIndexError } from '@/lib/search/engine'
import { manifestFile, metaFile, pairFile, pairShard, shardFile, textFile, tokenShard, type Manifest } from '@/lib/search/format'

/**
 * A damaged or half-deployed index: every missing or corrupt file gives an error that names it
 * (or, for a snippet text, a result without a snippet); nothing hangs, nothing is answered wrong,
 * and a failure is not remembered: the next query loads the file again.
 */
const SHARDS = 8
const CHUNK = 2

const doc = (url: string, edition: Locale, hoursAgo: number, title: string, text: string): IndexInput => ({
  url,
  edition,
  title,
  text,
  time: Date.UTC(2026, 10, 28) - hoursAgo * 3_600_000,
  date: new Date(Date.UTC(2026, 10, 28) - hoursAgo * 3_600_000).toISOString(),
  source: 'lab',
})

const files = buildSearchIndex(
  [
    doc('/news/lab/1', 'zh-CN', 1, '台积电扩产', '台积电宣布在美国扩产。'),
    doc('/news/lab/2', 'zh-CN', 2, '股市收盘', '大盘上涨，台积电概念股走强。'),
    doc('/en/news/lab/3', 'en', 3, 'Chip makers', 'Demand for chips keeps growing.'),
  ],
  { shards: SHARDS, pairShards: SHARDS, chunkSize: CHUNK },
)

type Override = string | Error | ((file: string) => string)

/** An engine over the index above, with some files replaced by other text or by a load error. */
function engineWith(overrides: Record<string, Override> = {}) {
  const loads: string[] = []
  const current = { ...overrides }
  const engine = new SearchEngine(async (file) => {
    loads.push(file)
    const override = current[file]
    if (override instanceof Error) throw override
    if (typeof override === 'string') return override
    if (typeof override === 'function') return override(file)
    const content = files.get(file)
    if (content === undefined) throw new Error('404 Not Found')
    return content
  })
  return { engine, loads, repair: (file: string) => delete current[file] }
}

/** The pair shard a three-character word reads (its one pair of neighbouring bigrams), and that pair. */
function pairOf(query: string): { file: string; keyword: string; token: string } {
  const [[keyword, token] = ['', '']] = queryKeys(encodeQuery(query)).pairs
  return { file: pairFile(pairShard(keyword, token, SHARDS)), keyword, token }
}

/** The token shard a two-character word reads. */
const shardOf = (word: string) => shardFile(tokenShard(word, SHARDS))

const manifest = JSON.parse(files.get(manifestFile) ?? '{}') as Manifest
const notFound = new Error('404 Not Found')

async function failure(promise: Promise<unknown>): Promise<SearchIndexError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, 'the search must fail').toBeInstanceOf(SearchIndexError)
  return error as SearchIndexError
}

describe('search index faults', () => {
  it('the control: the intact index answers', async () => {
    const { engine } = engineWith()
    expect((await engine.search('台积电')).results.map((r) => r.url)).toEqual(['/news/lab/1', '/news/lab/2'])
  })

  it('a missing manifest names the file, and the next query loads it again', async () => {
    const { engine, loads, repair } = engineWith({ [manifestFile]: notFound })
    const error = await failure(engine.search('台积电'))
    expect(error.file).toBe('manifest.json')
    expect(error.message).toBe('Search index file manifest.json could not be loaded: 404 Not Found')
    repair(manifestFile)
    expect((await engine.search('台积电')).results.map((r) => r.url)).toEqual(['/news/lab/1', '/news/lab/2'])
    expect(loads.filter((f) => f === manifestFile)).toHaveLength(2)
  })

  it.each([
    ['not JSON', '<!DOCTYPE html><p>Bad gateway', /manifest\.json is not valid JSON/],
    ['empty', '', /manifest\.json is not valid JSON/],
    ['null', 'null', /manifest\.json is not an object/],
    ['a list', '[]', /manifest\.json is not an object/],
    ['another version', JSON.stringify({ ...manifest, version: 99 }), /manifest\.json has version 99, expected 4: rebuild the index/],
    ['no shard count', JSON.stringify({ ...manifest, shards: 0 }), /manifest\.json has no valid shard count/],
    ['no pair shard count', JSON.stringify({ ...manifest, pairShards: undefined }), /manifest\.json has no valid pair shard count/],
    ['a story pointing past the newest article', JSON.stringify({ ...manifest, stories: [0, 5, 0] }), /manifest\.json has no valid story list/],
    ['too few edition codes', JSON.stringify({ ...manifest, editions: '0' }), /manifest\.json has 1 edition codes for 3 articles/],
  ])('a corrupt manifest (%s) names the file and what is wrong', async (_, text, message) => {
    const { engine } = engineWith({ [manifestFile]: text })
    expect((await failure(engine.search('台积电'))).message).toMatch(message)
  })

  it('a missing postings shard names the file; the next query loads it again', async () => {
    const shard = pairOf('台积电').file
    const { engine, repair } = engineWith({ [shard]: notFound })
    const error = await failure(engine.search('台积电'))
    expect(error.file).toBe(shard)
    expect(error.message).toBe(`Search index file ${shard} could not be loaded: 404 Not Found`)
    repair(shard)
    expect((await engine.search('台积电')).results.map((r) => r.url)).toEqual(['/news/lab/1', '/news/lab/2'])
  })

  it.each([
    ['not JSON', () => '[["truncated", [[0, 1', /is not valid JSON/],
    ['an object', () => '{}', /is not a list of postings/],
    ['null', () => 'null', /is not a list of postings/],
    ['postings of the wrong type', (keyword: string, token: string) => JSON.stringify([[keyword, [[token, 'abc']]]]), /has invalid postings for/],
    ['fractional ids', (keyword: string, token: string) => JSON.stringify([[keyword, [[token, [[0.5], []]]]]]), /has invalid postings for/],
    ['negative ids', (keyword: string, token: string) => JSON.stringify([[keyword, [[token, [[-1], []]]]]]), /has invalid postings for/],
    ['ids past the last article', (keyword: string, token: string) => JSON.stringify([[keyword, [[token, [[0, 7], [0]]]]]]), /has invalid postings for/],
  ])('a corrupt pair shard (%s) names the file instead of answering wrong', async (_, make, message) => {
    const { file, keyword, token } = pairOf('台积电')
    const { engine } = engineWith({ [file]: make(keyword, token) })
    const error = await failure(engine.search('台积电'))
    expect(error.file).toBe(file)
    expect(error.message).toMatch(message)
  })

  it.each([
    ['an object', () => '{"美国": [[0], []]}', /is not a list of postings/],
    ['postings of the wrong type', () => JSON.stringify([['美国', 'abc']]), /has invalid postings for "美国"/],
    ['ids past the last article', () => JSON.stringify([['美国', [[3], []]]]), /has invalid postings for "美国"/],
    ['an entry without a token', () => JSON.stringify([[7, [[0], []]]]), /has invalid postings for "7"/],
  ])('a corrupt token shard (%s) names the file instead of answering wrong', async (_, make, message) => {
    const file = shardOf('美国')
    const { engine } = engineWith({ [file]: make() })
    const error = await failure(engine.search('美国'))
    expect(error.file).toBe(file)
    expect(error.message).toMatch(message)
  })

  it('words that are names of object properties are ordinary words, not postings', async () => {
    const { engine } = engineWith()
    for (const query of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect((await engine.search(query)).total, query).toBe(0)
    }
  })

  it('a missing or corrupt metadata chunk names the file', async () => {
    const chunk = metaFile(0)
    expect((await failure(engineWith({ [chunk]: notFound }).engine.search('台积电'))).message).toBe(`Search index file ${chunk} could not be loaded: 404 Not Found`)
    expect((await failure(engineWith({ [chunk]: 'garbage' }).engine.search('台积电'))).message).toMatch(`${chunk} is not valid JSON`)
    expect((await failure(engineWith({ [chunk]: '{}' }).engine.search('台积电'))).message).toMatch(`${chunk} is not a list of rows`)
    expect((await failure(engineWith({ [chunk]: '[]' }).engine.search('台积电'))).message).toMatch(`${chunk} has no row for article 1`)
    expect((await failure(engineWith({ [chunk]: '[["/news/lab/1"]]' }).engine.search('台积电'))).message).toMatch(`${chunk} has an invalid row 0`)
  })

  it('a metadata row with a URL that is not a path on the site is refused, never linked', async () => {
    const rows = JSON.parse(files.get(metaFile(0)) ?? '[]') as unknown[][]
    for (const url of ['javascript:alert(1)', '//evil.example/x', 'https://evil.example/', '/news\\x', 'data:text/html,x']) {
      const damaged = JSON.stringify([[url, ...(rows[0] ?? []).slice(1)], rows[1]])
      const error = await failure(engineWith({ [metaFile(0)]: damaged }).engine.search('台积电'))
      expect(error.message, url).toMatch(`${metaFile(0)} has an invalid row 0`)
    }
  })

  it('a missing text costs only its snippet: the result is still shown', async () => {
    // Ids count from the oldest article: /news/lab/1 (the newest of three) is id 2.
    const { engine } = engineWith({ [textFile(2)]: notFound })
    const { results } = await engine.search('台积电')
    expect(results.map((r) => r.url)).toEqual(['/news/lab/1', '/news/lab/2'])
    expect(results[0]).toMatchObject({ title: '台积电扩产', snippet: '', matches: [] })
    expect(results[1]?.snippet).toContain('台积电')
  })

  it('a failing loader never leaves a search pending', async () => {
    const { engine } = engineWith({
      [manifestFile]: () => {
        throw new TypeError('Failed to fetch')
      },
    })
    await expect(engine.search('台积电')).rejects.toThrow('Search index file manifest.json could not be loaded: Failed to fetch')
  })
})
