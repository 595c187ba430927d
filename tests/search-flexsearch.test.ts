import { Resolver } from 'flexsearch'
import { describe, expect, it } from 'vitest'
import { indexData } from '@/lib/search/build'
import { createIndex } from '@/lib/search/format'

/**
 * The FlexSearch 0.8.212 behaviours the engine relies on or works around (the version is pinned):
 * if an upgrade changes one, this says which, before readers notice.
 */
const tokens = (list: string[]) => list as unknown as string
type Raw = { result: number[][] }

function sample() {
  const index = createIndex()
  index.add(0, tokens(['数据', '据中', '中心']))
  index.add(1, tokens(['中心', '数据']))
  return index
}

describe('FlexSearch as the engine uses it', () => {
  it('takes a token list as the query only when options follow it', () => {
    const index = sample()
    expect(index.search(tokens(['数据']))).toEqual([])
    expect(index.search(tokens(['数据']), {})).toEqual([0, 1])
  })

  it('matches neighbouring tokens in their order with context (a phrase), and nothing else', () => {
    const index = sample()
    expect(index.search(tokens(['数据', '据中', '中心']), { context: true })).toEqual([0])
    expect(index.search(tokens(['中心', '据中']), { context: true })).toEqual([])
  })

  it('hands out its own arrays as results: the engine copies them', () => {
    const index = sample()
    const first = (index.search(tokens(['数据']), { resolve: false }) as unknown as Raw).result
    const second = (index.search(tokens(['数据']), { resolve: false }) as unknown as Raw).result
    expect(first[0]).toBe(second[0])
  })

  it('intersects two-slot lists into the later slot (title only when in the title for every word)', () => {
    const and = (new Resolver([[1], [2]]) as unknown as { and: (r: unknown) => Raw }).and(new Resolver([[2], [1]])).result
    expect(and[0] ?? []).toEqual([])
    expect([...(and[1] ?? [])].sort()).toEqual([1, 2])
  })

  it('scores a later list’s body hits into the first slot when or-ing: the engine unions slots itself', () => {
    const or = (new Resolver([[], [6]]) as unknown as { or: (r: unknown) => Raw }).or(new Resolver([[7], []])).result
    expect(or[0]).toContain(6)
  })

  it('holds in memory exactly what its export writes (the index build reads the maps directly)', () => {
    const index = createIndex((_content, _term, i) => (i === 0 ? 0 : 1))
    index.add(0, tokens(['数据', '据中', '中心']))
    index.add(1, tokens(['中心', '数据', 'ai']))
    index.add(2, tokens(['ai']))
    const exported: Record<string, unknown[]> = {}
    index.export((key: string, data: string) => {
      const kind = key.split('.').pop() as string
      exported[kind] = [...(exported[kind] ?? []), ...(JSON.parse(data) as unknown[])]
    })
    const { map, ctx } = indexData(index)
    expect(exported.map).toEqual(JSON.parse(JSON.stringify([...map])))
    expect(exported.ctx).toEqual(JSON.parse(JSON.stringify([...ctx].map(([keyword, entries]) => [keyword, [...entries]]))))
    expect(map.get('数据')).toEqual([[0], [1]])
    expect(ctx.get('数据')?.get('据中')).toEqual([[0]])
  })
})
