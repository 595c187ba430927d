import { describe, expect, it } from 'vitest'
import { deriveSummary, isMostlyHan, leadTeaser, listTeaser, markdownToPlainText, readingMinutes, slugify, stripControlCharacters } from '@/lib/content/text'

describe('slugify', () => {
  it.each([
    ['C++', 'c++'],
    ['AI/ML', 'ai-ml'],
    ['人工智能', '人工智能'],
    ['The telegraph', 'the-telegraph'],
    ['  Apple   Inc. ', 'apple-inc'],
    ['ＡＩ', 'ai'],
    ['Q&A: 2025?', 'q-a-2025'],
    ['in_en', 'in_en'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('never returns URL-reserved characters', () => {
    expect(slugify('a/b?c#d%e\\f')).not.toMatch(/[/?#%\\]/)
  })
})

describe('stripControlCharacters', () => {
  it('removes C0 and C1 controls that YAML and XML forbid, keeps tabs and newlines', () => {
    expect(stripControlCharacters('a\u008Fb\u0000c\td\ne\u007F')).toEqual({ text: 'abc\td\ne', removed: 3 })
  })
})

describe('plain text, summaries and reading time', () => {
  it('strips Markdown, HTML, images and links to text', () => {
    const text = markdownToPlainText('## 标题\n\n**粗体** <span>行内</span> [链接](https://example.com) ![图片](x.png)\n<script>alert(1)</script>')
    expect(text).toBe('标题 粗体 行内 链接')
  })

  it('reads Chinese at about 500 characters a minute', () => {
    expect(readingMinutes('字'.repeat(1500))).toBe(3)
    expect(readingMinutes('字'.repeat(10))).toBe(1)
  })

  it('reads English at about 230 words a minute', () => {
    expect(readingMinutes(Array(690).fill('word').join(' '))).toBe(3)
  })

  it('derives a Chinese summary of about 120 characters', () => {
    const summary = deriveSummary('新'.repeat(300))
    expect(Array.from(summary)).toHaveLength(121)
    expect(summary.endsWith('…')).toBe(true)
    expect(deriveSummary('短文。')).toBe('短文。')
  })

  it('derives an English summary of about 50 words', () => {
    const summary = deriveSummary(Array.from({ length: 80 }, (_, i) => `w${i}`).join(' '))
    expect(summary.split(' ')).toHaveLength(50)
    expect(summary.endsWith('w49…')).toBe(true)
  })

  it('tells Chinese text from English whatever its label', () => {
    expect(isMostlyHan('台積電今日公布營收，AI 需求強勁')).toBe(true)
    expect(isMostlyHan('TSMC reported revenue today')).toBe(false)
  })
})

describe('what a list shows of a summary', () => {
  it('keeps a short summary whole and cuts a whole story well past what the clamp shows', () => {
    expect(listTeaser('短摘要。')).toBe('短摘要。')
    const story = '新闻正文'.repeat(200)
    expect(listTeaser(story)).toBe(`${story.slice(0, 240)}…`)
    expect(leadTeaser(story)).toBe(`${story.slice(0, 400)}…`)
    const english = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ')
    expect(listTeaser(english).split(' ')).toHaveLength(100)
    expect(listTeaser(english).endsWith('word99…')).toBe(true)
  })
})
