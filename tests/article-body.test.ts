import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getArticleBody, type ArticleMeta } from '@/lib/content'
import { foldHeadline, renderMarkdown } from '@/lib/content/markdown'

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/bodies/image-link.md'), 'utf8')
const title = 'US strikes after attacks, officials say'
const sourceUrl = 'https://sg.news.yahoo.com/us-strikes-123.html'

describe('one headline', () => {
  it('folds case, width, whitespace and punctuation', () => {
    expect(foldHeadline('ＵＳ Strikes — after attacks!')).toBe(foldHeadline('us strikes after attacks'))
    expect(foldHeadline('美国：打击 “伊朗”')).toBe(foldHeadline('美国打击伊朗'))
  })

  it('drops a first heading that repeats the title, at any level, Markdown or HTML', async () => {
    expect((await renderMarkdown('# 标题：一\n\n正文', { math: false, title: '标题 一' })).html).not.toContain('<h1')
    const html = (await renderMarkdown('\n<h2>Title, Two</h2>\n\nBody', { math: false, title: 'title two' })).html
    expect(html).not.toContain('<h2')
    expect(html).toContain('Body')
  })

  it('keeps a first heading with other text, and later headings with the title text', async () => {
    expect((await renderMarkdown('# 背景\n\n正文', { math: false, title: '标题' })).html).toContain('<h1')
    const later = (await renderMarkdown('导语\n\n## 标题\n\n正文', { math: false, title: '标题' })).html
    expect(later).toContain('<h2')
  })

  it('keeps the heading when no title is given (feeds of other renderers)', async () => {
    expect((await renderMarkdown(fixture, { math: false })).html).toContain('<h1')
  })
})

describe('trailing source line', () => {
  it('drops the last paragraph when it only links the original story', async () => {
    const { html } = await renderMarkdown(fixture, { math: false, title, sourceUrl })
    expect(html).not.toContain('us-strikes-123')
    expect(html).toContain('Text link')
  })

  it('keeps it when it links elsewhere, holds more text, or no source URL is shown', async () => {
    expect((await renderMarkdown('正文\n\n[腾讯](https://qq.com/b)', { math: false, sourceUrl: 'https://qq.com/a' })).html).toContain('https://qq.com/b')
    expect((await renderMarkdown('正文\n\n来源：[腾讯](https://qq.com/a)', { math: false, sourceUrl: 'https://qq.com/a' })).html).toContain('来源')
    expect((await renderMarkdown('正文\n\n[腾讯](https://qq.com/a)', { math: false })).html).toContain('https://qq.com/a')
  })

  it('compares normalised URLs (percent-encoding, host case)', async () => {
    const { html } = await renderMarkdown('正文\n\n[新浪](https://News.Sina.com.cn/a b)', { math: false, sourceUrl: 'https://news.sina.com.cn/a%20b' })
    expect(html).not.toContain('sina')
  })
})

describe('accessible media in feed bodies', () => {
  async function dom() {
    const { html } = await renderMarkdown(fixture, { math: false, title, sourceUrl })
    return html
  }

  it('names image-only links: the alt, else the title, else the figure caption, else the host', async () => {
    const html = await dom()
    expect(html).toMatch(/<a href="http:\/\/www\.afp\.com\/"[^>]*aria-label="AFP News"/)
    expect(html).toMatch(/<a href="https:\/\/www\.example\.org\/path"[^>]*aria-label="example\.org"/)
    expect(html).toMatch(/<a href="https:\/\/example\.org\/"[^>]*aria-label="Harbour at dawn"/)
    expect(html).toMatch(/<a href="https:\/\/photos\.example\.net\/1"[^>]*aria-label="The port, seen from the hill"/)
  })

  it('gives images without alt an empty alt (decorative) and leaves text links alone', async () => {
    const html = await dom()
    for (const img of html.match(/<img[^>]*>/g) ?? []) expect(img).toMatch(/alt="/)
    expect(html).toMatch(/<img src="https:\/\/s\.example\.com\/decorative\.jpg" alt=""/)
    expect(html).toMatch(/<a href="https:\/\/example\.org\/read"[^>]*>Text link/)
    expect(html.match(/href="https:\/\/example\.org\/read"[^>]*aria-label/)).toBeNull()
  })
})

describe('an article body, rendered for its page and its feeds', () => {
  it('is rendered once while its Markdown, title and source stay the same, and again after an edit', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-site-body-'))
    try {
      const file = path.join(dir, 'article.json')
      const write = (raw: string) => writeFileSync(file, JSON.stringify({ body: { raw } }))
      // Body files are named relative to the project (the working directory).
      const article = { bodyFile: path.relative(process.cwd(), file), mathjax: false, title: '标题', sourceUrl: null } as unknown as ArticleMeta
      write('第一版正文')
      const first = await getArticleBody(article)
      expect(first.html).toContain('第一版正文')
      expect(await getArticleBody(article)).toBe(first)
      write('## 第二版\n\n正文')
      const edited = await getArticleBody(article)
      expect(edited.html).toContain('第二版')
      expect(edited).not.toBe(first)
      // The same Markdown under a title its heading repeats: rendered again, without the heading.
      const retitled = await getArticleBody({ ...article, title: '第二版' })
      expect(retitled.html).not.toContain('第二版')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
