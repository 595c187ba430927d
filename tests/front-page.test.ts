import { describe, expect, it } from 'vitest'
import { selectFrontPage, type FrontPage } from '@/lib/content/front-page'
import type { ArticleMeta, TermRef } from '@/lib/content/types'
import { fixtureArticle } from './helpers'

const chips: TermRef = { slug: '芯片', name: '芯片' }
const ai: TermRef = { slug: '人工智能', name: '人工智能' }
const space: TermRef = { slug: '航天', name: '航天' }
const options = { pageSize: 10, topCount: 4, sectionCount: 3, sectionSize: 3, sectionMin: 2 }

/** `count` articles, newest first; `topicsOf(i)` and `thumb(i)` decide the i-th (0 = newest). */
function edition(count: number, topicsOf: (i: number) => TermRef[], thumb: (i: number) => boolean = () => true): ArticleMeta[] {
  return Array.from({ length: count }, (_, i) =>
    fixtureArticle(i + 1, { time: 1_000_000 - i, thumbnail: thumb(i) ? `https://img.example.com/${i}.png` : null, topics: topicsOf(i) }),
  )
}

const everything = (front: FrontPage) => [front.lead, ...front.top, ...front.sections.flatMap((s) => s.articles), ...front.river].filter((a) => a !== null)

describe('selectFrontPage', () => {
  it('leads with the newest story that has a picture, then the next newest in the band', () => {
    const articles = edition(
      30,
      () => [chips],
      (i) => i >= 2,
    )
    const front = selectFrontPage(articles, [chips], options)
    expect(front.lead).toBe(articles[2])
    expect(front.top).toEqual([articles[0], articles[1], articles[3], articles[4]])
  })

  it('falls back to the newest story when none on the first page has a picture', () => {
    const articles = edition(
      5,
      () => [],
      () => false,
    )
    const front = selectFrontPage(articles, [], options)
    expect(front.lead).toBe(articles[0])
    expect(front.top).toEqual(articles.slice(1, 5))
    expect(front.river).toEqual([])
  })

  it('never shows a story twice, and the river is the first page less what is above it', () => {
    const articles = edition(40, (i) => (i % 2 ? [chips, ai] : [ai, space]))
    const front = selectFrontPage(articles, [ai, chips, space], options)
    const keys = everything(front).map((a) => a.key)
    expect(new Set(keys).size).toBe(keys.length)
    const firstPage = articles.slice(0, 10)
    expect(front.river).toEqual(firstPage.filter((a) => !keys.slice(0, keys.length - front.river.length).includes(a.key)))
    expect(front.river.length).toBeGreaterThan(0)
  })

  it('fills sections from older stories first, newest first within a section', () => {
    const articles = edition(40, () => [chips])
    const front = selectFrontPage(articles, [chips], options)
    expect(front.sections).toHaveLength(1)
    expect(front.sections[0]?.articles).toEqual([articles[10], articles[11], articles[12]])
    expect(front.river).toEqual(articles.slice(5, 10))
  })

  it('borrows from the river when a topic has too few older stories', () => {
    const articles = edition(12, (i) => (i === 7 || i === 8 || i === 11 ? [space] : [chips]))
    const front = selectFrontPage(articles, [space, chips], options)
    expect(front.sections.map((s) => s.topic.slug)).toEqual(['航天', '芯片'])
    expect(front.sections[0]?.articles).toEqual([articles[7], articles[8], articles[11]])
    expect(front.sections[1]?.articles).toEqual([articles[5], articles[6], articles[10]])
    expect(front.river).toEqual([articles[9]])
  })

  it('skips topics with too few headlines left and stops at the section limit', () => {
    const articles = edition(40, (i) => (i === 20 ? [space, chips] : [chips, ai]))
    const front = selectFrontPage(articles, [space, chips, ai, { slug: 'x', name: 'x' }], { ...options, sectionCount: 2 })
    expect(front.sections.map((s) => s.topic.slug)).toEqual(['芯片', '人工智能'])
  })

  it('handles an empty edition', () => {
    expect(selectFrontPage([], [chips], options)).toEqual({ lead: null, top: [], sections: [], river: [] })
  })
})
