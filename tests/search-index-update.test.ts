import { describe, expect, it } from 'vitest'
import type { Locale } from '@/i18n/routing'
import { buildSearchIndex, extendSearchIndex, type BuildOptions, type IndexInput, type IndexUpdate } from '@/lib/search/build'

/**
 * A rebuild after publishing extends the last index instead of indexing every article again
 * (lib/search/build.ts extendSearchIndex). It must give exactly the files a full build gives,
 * writing only those that change and keeping the others, and refuse (null: the caller builds in
 * full) whenever anything but new, newer articles changed.
 */
const hour = 3_600_000
const now = Date.UTC(2026, 10, 28)
const doc = (n: number, edition: Locale, hoursAgo: number, title: string, text: string, status?: IndexInput['status']): IndexInput => ({
  url: `/${edition.toLowerCase()}/news/s${n % 3}/${n}`,
  edition,
  title,
  text,
  time: now - hoursAgo * hour,
  date: new Date(now - hoursAgo * hour).toISOString(),
  source: `s${n % 3}`,
  ...(status ? { status } : {}),
})

const older: IndexInput[] = [
  doc(1, 'zh-CN', 50, '台积电扩产', '台积电宣布在美国扩产，英伟达订单增加。'),
  doc(2, 'zh-TW', 40, '晶片業者動態', '台積電與輝達合作新一代晶片，川普表示關切。'),
  doc(3, 'zh-CN', 30, '股市收盘', '大盘上涨，台积电概念股走强。'),
  doc(4, 'en', 20, 'Nvidia ships new chips', 'The company said demand for its AI chips keeps growing.'),
  doc(5, 'en', 12, 'Markets wrap', 'Nvidia shares rose after the chip maker reported results.', 'draft'),
  doc(6, 'zh-HK', 10, '人工智慧應用', '香港企業加快採用人工智慧，聯準會政策受關注。'),
  doc(7, 'zh-CN', 9, '股市收盘', '大盘继续上涨。'),
]
const newer: IndexInput[] = [doc(8, 'zh-CN', 2, '台积电扩产', '台积电再次宣布扩产，股市上涨。'), doc(9, 'en', 1, 'Chips again', 'Nvidia and TSMC: AI chips demand.')]
const options: BuildOptions = { shards: 4, pairShards: 8, chunkSize: 3 }

/** The files, the manifest's build time left out. */
function comparable(files: Map<string, string> | null): Record<string, unknown> | null {
  if (!files) return null
  const out: Record<string, unknown> = Object.fromEntries(files)
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as Record<string, unknown>
  delete manifest.built
  out['manifest.json'] = manifest
  return out
}
const reader = (files: Map<string, string>) => (file: string) => files.get(file) ?? null

/** The index an update leaves: the previous index's kept files (each must be there), then the files it writes. */
function applied(update: IndexUpdate | null, previous: Map<string, string>): Map<string, string> | null {
  if (!update) return null
  for (const name of update.kept) {
    expect(previous.has(name), `kept ${name} is in the last index`).toBe(true)
    expect(update.files.has(name), `kept ${name} is not written too`).toBe(false)
  }
  return new Map([...update.kept.map((name): [string, string] => [name, previous.get(name) as string]), ...update.files])
}

describe('extending the search index with new articles', () => {
  const last = buildSearchIndex(older, options)

  it('gives the files a full build gives (new ids after the previous ones, stories and editions redone)', () => {
    const update = extendSearchIndex([...older, ...newer], reader(last), options)
    expect(update).not.toBeNull()
    expect(comparable(applied(update, last))).toEqual(comparable(buildSearchIndex([...newer, ...older], options)))
    // No indexed article's id moves: their texts and full metadata chunks are kept, not written.
    const kept = new Set(update?.kept)
    for (let id = 0; id < older.length; id += 1) expect(kept.has(`text/${id}.txt`)).toBe(true)
    expect([...kept].filter((name) => name.startsWith('meta/')).sort()).toEqual(['meta/0.json', 'meta/1.json'])
    expect(update?.files.has('meta/2.json')).toBe(true)
    // Only the shards the new articles' tokens and pairs fall in are written again.
    expect([...kept].some((name) => name.startsWith('shards/') || name.startsWith('pairs/'))).toBe(true)
    // The new copy of a story (id 7) now answers for the old one (id 0).
    const manifest = JSON.parse(update?.files.get('manifest.json') ?? '{}') as { stories: number[]; count: number }
    expect(manifest.count).toBe(9)
    expect(manifest.stories[0]).toBe(7)
  })

  it('gives the same files whatever the number of articles a FlexSearch pass takes', () => {
    const all = [...newer, ...older]
    const whole = comparable(buildSearchIndex(all, { ...options, batch: all.length }))
    for (const batch of [1, 2, 4]) expect(comparable(buildSearchIndex(all, { ...options, batch }))).toEqual(whole)
  })

  it('gives the same files again when nothing is new, writing only the manifest', () => {
    const update = extendSearchIndex(older, reader(last), options)
    expect([...(update?.files.keys() ?? [])]).toEqual(['manifest.json'])
    expect(comparable(applied(update, last))).toEqual(comparable(last))
  })

  it('with the automatic shard counts too', () => {
    const auto = buildSearchIndex(older)
    // 7 and 8 articles: the same shard counts (9 would double them, and need a full build).
    const one = [...older, newer[1] as IndexInput]
    expect(comparable(applied(extendSearchIndex(one, reader(auto)), auto))).toEqual(comparable(buildSearchIndex(one)))
  })

  it('refuses anything but new, newer articles: the caller builds the index whole', () => {
    const edited = older.map((d, i) => (i === 2 ? { ...d, text: `${d.text}更正。` } : d))
    const retitled = older.map((d, i) => (i === 4 ? { ...d, title: 'Markets wrap (updated)' } : d))
    const published = older.map((d, i) => (i === 4 ? { ...d, status: undefined } : d))
    const backdated = doc(10, 'zh-CN', 35, '旧闻', '补发的一篇旧文章。')
    // A shard the new articles' tokens fall in (one they do not touch is kept unread).
    const touched = [...(extendSearchIndex([...older, ...newer], reader(last), options)?.files.keys() ?? [])].find((name) => name.startsWith('shards/')) ?? ''
    const cases: [string, IndexInput[], BuildOptions, Map<string, string>][] = [
      ['an edited text', [...edited, ...newer], options, last],
      ['an edited title', [...retitled, ...newer], options, last],
      ['a draft published', [...published, ...newer], options, last],
      ['a removed article', [...older.slice(1), ...newer], options, last],
      ['an article older than the newest indexed one', [...older, backdated], options, last],
      ['another shard count', [...older, ...newer], { ...options, shards: 8 }, last],
      ['another chunk size', [...older, ...newer], { ...options, chunkSize: 4 }, last],
      ['a damaged shard', [...older, ...newer], options, new Map([...last, [touched, '[["x", 1']])],
      ['a missing text', [...older, ...newer], options, new Map([...last].filter(([name]) => name !== 'text/3.txt'))],
      ['no previous index', [...older, ...newer], options, new Map()],
    ]
    for (const [what, input, opts, previous] of cases) expect(extendSearchIndex(input, reader(previous), opts), what).toBeNull()
  })
})
