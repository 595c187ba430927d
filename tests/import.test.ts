import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { findSourceUrl, normalizeArticle } from '@/lib/content/front-matter'
import { countLatinWords } from '@/lib/content/text'
import { fallbackId, formatSiteDate, leadSummary, mapFeedItem, parsePubDate, safeId, safeSourceFolder, type ImportedArticle, type ItemResult } from '@/lib/import/feed-item'
import { serializeArticle, yamlString, type ArticleFrontMatter } from '@/lib/import/front-matter-writer'
import { htmlToMarkdown, htmlToText } from '@/lib/import/html-to-markdown'
import { formatImportReport, importFeeds, reportCounts, type ImportOptions } from '@/lib/import/import'
import { decideLanguage, detectScript, folderForLabel } from '@/lib/import/language'
import { loadContent, makeContentRoot, parseDocument, tempDir, TZ } from './helpers'

const FEEDS = path.resolve('tests/fixtures/feeds')
const NEWS = path.join(FEEDS, 'news.json')
const MESSY = path.join(FEEDS, 'messy.json')
const BASE = 'https://news.example.cn/a/1'

const md = (html: string, base: string | null = BASE) => htmlToMarkdown(html, base).markdown
const run = (options: Partial<ImportOptions> & { outDir: string }) => importFeeds({ inputs: [FEEDS], timeZone: TZ, ...options })

function item(overrides: Record<string, unknown> = {}) {
  return {
    id: 'x1',
    title: '标题',
    description: '<p>正文第一句。</p>',
    pub_date: '2026-09-01 10:00:00',
    source: 'wire',
    link: 'https://wire.example.cn/x1',
    image: '',
    language: 'zh-CN',
    kind: 1,
    ...overrides,
  }
}

function mapped(overrides: Record<string, unknown> = {}, trustLanguage = false): ItemResult {
  return mapFeedItem(item(overrides), { timeZone: TZ, trustLanguage, fallbackSource: 'feed' })
}

function article(overrides: Record<string, unknown> = {}, trustLanguage = false): ImportedArticle {
  const result = mapped(overrides, trustLanguage)
  if (result.kind !== 'article') throw new Error(`expected an article, got ${JSON.stringify(result)}`)
  return result.article
}

describe('htmlToMarkdown', () => {
  it('keeps paragraphs and headings', () => {
    expect(md('<div><h2>标题</h2><p>第一段。</p><p>第二段。</p><h3>小节</h3></div>')).toBe('## 标题\n\n第一段。\n\n第二段。\n\n### 小节')
  })

  it('keeps ordered and unordered lists', () => {
    expect(md('<ul><li>一</li><li>二</li></ul><ol><li>first</li><li>second</li></ol>')).toBe('- 一\n- 二\n\n1. first\n2. second')
  })

  it('turns tables into GFM tables', () => {
    const out = md('<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2|3</td></tr></tbody></table>')
    expect(out).toBe('| A | B |\n| - | - |\n| 1 | 2\\|3 |')
  })

  it('keeps images and links, made absolute against the item link', () => {
    const out = md(
      '<p><a href="/k?q=1">关键词</a> <a href="other.html">相对</a> <a href="//cdn.example.cn/x">协议相对</a></p><p><img src="../img/a.png" alt="图"></p>',
      'https://news.example.cn/a/b/1.html',
    )
    expect(out).toContain('[关键词](https://news.example.cn/k?q=1)')
    expect(out).toContain('[相对](https://news.example.cn/a/b/other.html)')
    expect(out).toContain('[协议相对](https://cdn.example.cn/x)')
    expect(out).toContain('![图](https://news.example.cn/a/img/a.png)')
  })

  it('uses the real source of lazy-loaded images', () => {
    expect(md('<img data-src="https://img.example.cn/real.jpg" src="data:image/gif;base64,R0lGOD">')).toBe('![](https://img.example.cn/real.jpg)')
  })

  it('drops scripts, styles, iframes, forms, comments and event handlers', () => {
    const out = md(
      '<p onclick="evil()">正文<script>alert(1)</script></p><style>p{color:red}</style><noscript>x</noscript><iframe src="https://v.example.com/e" title="视频"></iframe>' +
        '<form><input value="x"><button>提交</button></form><!-- comment --><object data="x.swf"></object><img src="/a.png" onerror="alert(1)">',
    )
    expect(out).toBe('正文\n\n![](https://news.example.cn/a.png)')
    expect(out).not.toMatch(/alert|evil|onclick|onerror|<|comment|视频|提交/)
  })

  it('drops empty spans and divs and the indentation of Chinese paragraphs', () => {
    expect(md('<div><span></span><div> </div><p>\u00a0\u00a0首行缩进。<span> </span></p><p>\u3000\u3000全角缩进。</p></div>')).toBe('首行缩进。\n\n全角缩进。')
  })

  it('removes tracking pixels and known beacons', () => {
    const pixels = [
      '<img src="https://a.example.com/p.gif" width="1" height="1">',
      '<img src="https://a.example.com/p.gif" width="0">',
      '<img src="https://a.example.com/p.gif" style="width:1px;height:1px">',
      '<img src="https://feeds.feedburner.com/~r/example/~4/abc">',
      '<img src="https://pixel.wp.com/g.gif?v=1">',
      '<img src="https://www.google-analytics.com/collect?v=1">',
      '<img src="https://www.facebook.com/tr?id=1">',
      '<img src="https://a.example.com/track/1x1.gif">',
      '<img src="https://a.example.com/hidden.png" style="display: none">',
    ]
    const result = htmlToMarkdown(`<p>正文。</p>${pixels.join('')}<img src="https://img.example.cn/photo.jpg" width="640">`, BASE)
    expect(result.markdown).toBe('正文。\n\n![](https://img.example.cn/photo.jpg)')
    expect(result.removed.pixels + result.removed.elements).toBe(pixels.length)
  })

  it('refuses javascript:, data: and other non-web URLs, keeping link text', () => {
    const out = md(
      '<p><a href="javascript:alert(1)">甲</a> <a href="java\tscript:alert(1)">乙</a> <a href="JAVASCRIPT:alert(1)">丙</a> <a href="data:text/html,x">丁</a> <a href="vbscript:x">戊</a> <a href="mailto:desk@example.cn">邮件</a></p>' +
        '<img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><img src="file:///etc/passwd">',
    )
    expect(out).toBe('甲 乙 丙 丁 戊 [邮件](mailto:desk@example.cn)')
  })

  it('drops relative URLs when there is no link to resolve them against', () => {
    expect(md('<p><a href="/x">文字</a><img src="/a.png"></p>', null)).toBe('文字')
  })

  it('escapes text that would read as Markdown or HTML', () => {
    const out = md('<p>1. 不是列表 * 星号 [方括号] &lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(out).toBe('1\\. 不是列表 \\* 星号 \\[方括号] \\<script>alert(1)\\</script>')
    expect(out).not.toMatch(/(^|[^\\])<script/)
  })

  it('keeps bold next to Chinese punctuation readable (no character references)', () => {
    const out = md('<p>超过<strong>“老对手”</strong>爱立信，<em> 强调 </em>完。</p>')
    expect(out).toBe('超过“**老对手**”爱立信， *强调* 完。')
    expect(out).not.toContain('&#x')
  })

  it('keeps quotes, code and line breaks', () => {
    expect(md('<blockquote><p>引用</p></blockquote><pre><code>const a = 1 *2*</code></pre><p>一<br>二</p>')).toBe('> 引用\n\n```\nconst a = 1 *2*\n```\n\n一\\\n二')
  })

  it('returns the paragraph text for summaries and the whole text for language checks', () => {
    const result = htmlToMarkdown('<h2>标题</h2><p>第一段<a href="/x">链接</a>。</p><ul><li>列表</li></ul><p><img src="/a.png" alt="替代文字"></p>', BASE)
    expect(result.paragraphs).toEqual(['第一段链接。'])
    expect(result.text).toBe('标题 第一段链接。 列表')
    expect(result.images).toBe(1)
  })

  it('decodes entities and drops tags in titles', () => {
    expect(htmlToText('AT&amp;T <b>涨停</b>\n 第二行 <script>x</script>')).toBe('AT&T 涨停 第二行')
  })
})

describe('leadSummary', () => {
  const zh = [
    '新能源车出口持续增长。前八个月累计出口同比增长两成，多家车企加快海外布局。',
    '欧洲与东南亚是主要增量。海外工厂成为新的关键词，业内预计明年仍将保持较快增长，但贸易摩擦带来的不确定性也在上升。',
  ]

  it('takes whole leading sentences, about 80 Chinese characters', () => {
    const summary = leadSummary(zh)
    expect(summary).toBe('新能源车出口持续增长。前八个月累计出口同比增长两成，多家车企加快海外布局。欧洲与东南亚是主要增量。')
    expect(Array.from(summary).length).toBeLessThanOrEqual(100)
  })

  it('cuts a first sentence that is too long at a clause boundary, with an ellipsis', () => {
    const long = `${'这是一个很长的句子'.repeat(6)}，${'后面还有更多的内容'.repeat(6)}。`
    const summary = leadSummary([long])
    expect(summary.endsWith('…')).toBe(true)
    expect(Array.from(summary).length).toBeLessThanOrEqual(81)
    expect(summary).toBe(`${'这是一个很长的句子'.repeat(6)}…`)
  })

  it('skips bylines and captions before the first sentence', () => {
    expect(leadSummary(['本报记者 张三', '工程师在进行研发 本报记者摄', '湖南长沙的实验室里，实验人员正忙前忙后。'])).toBe('湖南长沙的实验室里，实验人员正忙前忙后。')
  })

  it('takes whole English sentences, about 50 words, not fooled by abbreviations', () => {
    const text = [
      '(Wire) Aug. 13 -- Mr. Smith said the U.S. plant would reopen next month after a two-year closure that cost hundreds of jobs.',
      'The company will invest $2bn in new equipment and hire 500 workers over the next three years, according to a statement.',
      'Analysts said the move reflected stronger demand for electric vehicles in North America and Europe this year.',
    ]
    const summary = leadSummary(text)
    expect(summary).toBe(`${text[0]} ${text[1]}`)
    expect(countLatinWords(summary)).toBeLessThanOrEqual(62)
  })

  it('cuts a very long English sentence at a clause boundary or 50 words', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`)
    words[40] = 'word40,'
    const summary = leadSummary([`${words.join(' ')}.`])
    expect(summary).toBe(`${words.slice(0, 41).join(' ').replace(/,$/, '')}…`)
  })
})

describe('front-matter writer', () => {
  const hostile = [
    'He said "hi"',
    'back\\slash C:\\path\\',
    'line one\nline two\r\nthree',
    'control\u008Fchar\u0001s\u007F',
    '--- looks like a fence ---',
    '@leading at',
    ': leading colon',
    'key: value # not a comment',
    "'single' quotes",
    'yes',
    'null',
    '0x1F',
    '2026-09-01',
    '- not a list',
    '[not, a, list]',
    '{not: a map}',
    '*alias &anchor !tag %directive `tick`',
    'tab\there',
    'separators\u2028\u2029bom\uFEFF',
    'emoji 🚀 and a lone \uD800 surrogate',
  ]

  const readable = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').replace(/\uD800(?![\uDC00-\uDFFF])/g, '')

  it('escapes every string so YAML reads it back unchanged (minus forbidden characters)', () => {
    for (const value of hostile) {
      expect(parseYaml(`title: ${yamlString(value)}`), JSON.stringify(value)).toEqual({ title: readable(value) })
    }
  })

  it('writes the seed article layout, and the site reads it without a warning', () => {
    const fm: ArticleFrontMatter = {
      title: hostile.join(' '),
      date: '2026-09-01 10:00:00',
      summary: 'summary with "quotes" and \\ and\nnewline',
      categories: ['The Example Times'],
      lang: ['en'],
      translations: ['en'],
      tags: ['The Example Times'],
      menu: '',
      thumbnail: 'https://img.example.com/a.jpg',
      lead: '',
      comments: false,
      authorbox: false,
      author: 'Jane "J" Doe',
      pager: true,
      toc: false,
      mathjax: false,
      sidebar: 'right',
      widgets: ['search', 'recent', 'taglist'],
    }
    const text = serializeArticle(fm, 'Body.\n\n---\n\n[The Example Times](https://www.example.com/a)')
    expect(text.split('\n').slice(0, 4)).toEqual([
      '---',
      `title: ${yamlString(fm.title)}`,
      'date: "2026-09-01 10:00:00"',
      'summary: "summary with \\"quotes\\" and \\\\ and\\nnewline"',
    ])
    expect(text).toContain(
      'comments: false\nauthorbox: false\nauthor: "Jane \\"J\\" Doe"\npager: true\ntoc: false\nmathjax: false\nsidebar: "right"\nwidgets:\n  - "search"\n  - "recent"\n  - "taglist"\n---\n\nBody.',
    )
    const file = 'en/news/the-example-times/a1.en.md'
    const doc = parseDocument(makeContentRoot({ [file]: text }), file)
    expect(doc).not.toBeNull()
    const { _raw, body, ...fields } = doc as NonNullable<typeof doc>
    expect(fields.title).toBe(readable(fm.title))
    expect(fields.summary).toBe(fm.summary)
    const { article, warnings, errors } = normalizeArticle({ file: _raw.sourceFilePath, fields, body: body.raw }, TZ)
    expect(errors).toEqual([])
    expect(warnings).toEqual([])
    expect(article?.sourceUrl).toBe('https://www.example.com/a')
    expect(article?.author).toBe('Jane "J" Doe')
  })
})

describe('language', () => {
  it('maps feed labels onto the content folders', () => {
    expect(folderForLabel('zh-CN')).toBe('zh-CN')
    expect(folderForLabel('zh-cn')).toBe('zh-CN')
    expect(folderForLabel('zh_TW')).toBe('zh-TW')
    expect(folderForLabel('zh-Hant')).toBe('zh-TW')
    expect(folderForLabel('zh-HK')).toBe('zh-HK')
    expect(folderForLabel('zh')).toBe('zh-CN')
    expect(folderForLabel('en')).toBe('en')
    expect(folderForLabel('en-US')).toBe('en-US')
    expect(folderForLabel('en-GB')).toBe('en')
    expect(folderForLabel('fr')).toBeNull()
    expect(folderForLabel('')).toBeNull()
  })

  it('tells traditional from simplified Chinese and from English', () => {
    expect(detectScript('晶片大廠宣布擴產，先進製程產能明年增加三成。')).toBe('traditional')
    expect(detectScript('芯片大厂宣布扩产，先进制程产能明年增加三成。')).toBe('simplified')
    expect(detectScript('Chipmaker shares jump after earnings beat forecasts.')).toBe('latin')
    expect(detectScript('Tencent (腾讯) shares rose after the company reported higher profit and revenue for the quarter.')).toBe('latin')
    expect(detectScript('中文')).toBe('han')
    expect(detectScript('')).toBe('unknown')
  })

  const decide = (label: 'en' | 'zh-CN' | 'zh-HK' | 'zh-TW' | 'en-US', text: string, source = 'wire', link: string | null = null, trustLabel = false) =>
    decideLanguage({ label, text, source, link, trustLabel })

  it('corrects labels the text contradicts: traditional → zh-TW by default, zh-HK for Hong Kong sources and .hk links', () => {
    const traditional = '港股今日收市，恒生指數升三百點，科技股領漲，成交額較上日增加。'
    expect(decide('en', traditional)).toMatchObject({ folder: 'zh-TW', correctedFrom: 'en' })
    expect(decide('en', traditional, 'hk01')).toMatchObject({ folder: 'zh-HK', correctedFrom: 'en' })
    expect(decide('en', traditional, 'wire', 'https://news.example.com.hk/1')).toMatchObject({ folder: 'zh-HK' })
    expect(decide('zh-CN', traditional)).toMatchObject({ folder: 'zh-TW', correctedFrom: 'zh-CN' })
    expect(decide('en', '多地气象台发布高温预警，电力负荷连续创新高。')).toMatchObject({ folder: 'zh-CN', correctedFrom: 'en' })
    expect(decide('zh-HK', 'Container shipping rates eased this week as congestion cleared.')).toMatchObject({ folder: 'en', correctedFrom: 'zh-HK' })
  })

  it('keeps labels the text agrees with, and every label with trustLabel', () => {
    expect(decide('zh-HK', '港股今日收市，恒生指數升三百點。')).toMatchObject({ folder: 'zh-HK', correctedFrom: null })
    expect(decide('zh-TW', '晶片大廠宣布擴產。')).toMatchObject({ folder: 'zh-TW', correctedFrom: null })
    expect(decide('en-US', 'Shares jumped in late trading.')).toMatchObject({ folder: 'en-US', correctedFrom: null })
    expect(decide('en', '港股今日收市，恒生指數升三百點。', 'wire', null, true)).toMatchObject({ folder: 'en', correctedFrom: null })
  })
})

describe('mapFeedItem', () => {
  it('maps an item to the seed layout: path, date, summary, categories, tags, thumbnail, author, source link', () => {
    const a = article({
      id: '20260901A01IMP00',
      image: '/cover.jpg',
      author: '作者',
      description: '<p>第一句。第二句。</p>',
      source: 'qq',
      link: 'https://news.example.cn/a/20260901A01IMP00',
    })
    expect(a.path).toBe('zh-CN/news/qq/20260901A01IMP00.zh-CN.md')
    expect(a.frontMatter).toMatchObject({
      title: '标题',
      date: '2026-09-01 10:00:00',
      summary: '第一句。第二句。',
      categories: ['qq'],
      lang: ['zh-CN'],
      translations: ['zh-CN'],
      tags: ['qq'],
      thumbnail: 'https://news.example.cn/cover.jpg',
      author: '作者',
    })
    expect(a.body).toBe('第一句。第二句。\n\n[qq](https://news.example.cn/a/20260901A01IMP00)')
    expect(findSourceUrl(a.body)).toBe('https://news.example.cn/a/20260901A01IMP00')
  })

  it('writes a source link findSourceUrl recognises even for links with parentheses and non-ASCII paths', () => {
    const a = article({ link: 'https://www.example.hk/財經/1 (更新)', source: 'a [b] c' })
    expect(findSourceUrl(a.body)).toBe('https://www.example.hk/%E8%B2%A1%E7%B6%93/1%20%28%E6%9B%B4%E6%96%B0%29')
    expect(a.body.split('\n').at(-1)).toMatch(/^\[a b c\]\(/)
  })

  it('falls back to a stable hash of title + pub_date for items without an id', () => {
    const a = article({ id: undefined })
    const b = article({ id: undefined })
    expect(a.id).toBe(b.id)
    expect(a.id).toBe(createHash('md5').update('标题2026-09-01 10:00:00').digest('hex'))
    expect(fallbackId('标题', '2026-09-01 10:00:00')).toBe(a.id)
    expect(article({ id: undefined, pub_date: '2026-09-01 10:00:01' }).id).not.toBe(a.id)
    expect(article({ id: '' }).id).toBe(a.id)
    expect(article({ id: '../..' }).id).toBe(a.id)
  })

  it('sanitises ids and sources for file names', () => {
    expect(safeId('../../etc/passwd')).toBe('etc-passwd')
    expect(safeId('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j')
    expect(safeId('a\u0000b\u008Fc')).toBe('abc')
    expect(safeId('20250212A03TSR00')).toBe('20250212A03TSR00')
    const long = safeId('x'.repeat(300))
    expect(long.length).toBeLessThanOrEqual(80)
    expect(long).toMatch(/^x+-[0-9a-f]{8}$/)
    expect(safeId('y'.repeat(300))).not.toBe(long)
    expect(safeSourceFolder('The telegraph')).toBe('the-telegraph')
    expect(safeSourceFolder('../The Source/..')).toBe('the-source')
    expect(safeSourceFolder('a:b*c?d')).toBe('a-b-c-d')
    expect(safeSourceFolder('財經 新聞')).toBe('財經-新聞')
    const a = article({ id: '../../etc/passwd', source: '../evil/..' })
    expect(a.path).toBe('zh-CN/news/evil/etc-passwd.zh-CN.md')
    expect(article({ source: '..' }).path).toBe('zh-CN/news/feed/x1.zh-CN.md')
  })

  it('keeps the instant of dates with a zone and writes site wall-clock time', () => {
    expect(article({ pub_date: '2026-09-01T02:00:00Z' }).frontMatter.date).toBe('2026-09-01 10:00:00')
    expect(article({ pub_date: '2026-09-01 02:00:00+00:00' }).frontMatter.date).toBe('2026-09-01 10:00:00')
    expect(article({ pub_date: 'Tue, 01 Sep 2026 02:00:00 GMT' }).frontMatter.date).toBe('2026-09-01 10:00:00')
    expect(article({ pub_date: 1788228000 }).frontMatter.date).toBe('2026-09-01 10:00:00')
    const time = parsePubDate('2026-09-01 10:00:00', TZ) as number
    expect(formatSiteDate(time, 'Europe/London')).toBe('2026-09-01 03:00:00')
    expect(formatSiteDate(time, TZ)).toBe('2026-09-01 10:00:00')
  })

  it('refuses invalid items with a reason', () => {
    expect(mapped({ title: '' })).toMatchObject({ kind: 'invalid', reason: 'no title' })
    expect(mapped({ title: '<b> </b>' })).toMatchObject({ kind: 'invalid', reason: 'no title' })
    expect(mapped({ language: undefined })).toMatchObject({ kind: 'invalid', reason: 'no language' })
    expect(mapped({ language: 'xx' })).toMatchObject({ kind: 'invalid', reason: 'unsupported language "xx"' })
    expect(mapped({ pub_date: undefined })).toMatchObject({ kind: 'invalid', reason: 'no pub_date' })
    expect(mapped({ pub_date: '2026-02-30 10:00:00' })).toMatchObject({ kind: 'invalid', reason: 'unparseable pub_date "2026-02-30 10:00:00"' })
    expect(mapped({ description: '<script>x</script><div><span> </span></div>' })).toMatchObject({ kind: 'invalid', reason: 'empty body after conversion' })
    expect(mapFeedItem(null, { timeZone: TZ, trustLanguage: false, fallbackSource: 'f' })).toMatchObject({ kind: 'invalid', reason: 'not an object' })
    expect(mapped({ kind: 2 })).toEqual({ kind: 'not-news' })
  })

  it('strips control characters from titles and collapses them to one line', () => {
    expect(article({ title: 'Coin\u008F news\nline two' }).frontMatter.title).toBe('Coin news line two')
  })

  it('corrects the language unless told to trust the label', () => {
    const traditional = {
      language: 'en',
      title: '晶片大廠宣布擴產',
      description: '<p>晶片大廠今日宣布擴產計畫，先進製程產能預計明年增加三成。</p>',
      link: 'https://tech.example.tw/1',
    }
    expect(article(traditional)).toMatchObject({ folder: 'zh-TW', correctedFrom: 'en', path: 'zh-TW/news/wire/x1.zh-TW.md' })
    expect(article(traditional).frontMatter.lang).toEqual(['zh-TW'])
    expect(article(traditional, true)).toMatchObject({ folder: 'en', correctedFrom: null, path: 'en/news/wire/x1.en.md' })
  })
})

describe('importFeeds', () => {
  it('imports the fixtures; every written file loads in the site content model with no error or warning', async () => {
    const out = tempDir('import')
    const report = await run({ outDir: out })
    expect(reportCounts(report)).toEqual({
      feeds: 2,
      items: 23,
      imported: 14,
      updated: 0,
      existing: 0,
      invalid: 6,
      duplicates: 2,
      notNews: 1,
      languageCorrected: 4,
      unreadable: 0,
    })
    const { files, articles, report: content } = await loadContent(out)
    expect(files).toEqual(report.imported.map((r) => r.path).sort())
    expect(content.errors).toEqual([])
    expect(content.warnings).toEqual([])
    expect(articles).toHaveLength(14)
    for (const a of articles) {
      expect(a.sourceUrl, a.file).toMatch(/^https:\/\//)
      expect(a.summary, a.file).not.toBe('')
    }
    const hostile = articles.find((a) => a.id === 'etc-passwd')
    expect(hostile).toMatchObject({ title: 'He said "hi" \\ C:\\path --- @x: y # z', source: 'the-source', edition: 'en' })
    expect(articles.find((a) => a.id === 'm-entities')?.title).toBe("@handle: news — 'quoted' & bold AT&T")
    expect(articles.find((a) => a.title === 'Markets open higher in Asia')?.date).toBe('2026-09-01T08:30:00+08:00')
    expect(articles.filter((a) => a.file.startsWith('en-US/'))).toHaveLength(1)
  })

  it('reports invalid items with the feed file, index, id and reason', async () => {
    const report = await run({ outDir: tempDir('import'), dryRun: true })
    expect(report.invalid.map((r) => [path.basename(r.feed), r.index, r.id, r.reason])).toEqual([
      ['messy.json', 0, 'm-no-title', 'no title'],
      ['messy.json', 1, 'm-no-language', 'no language'],
      ['messy.json', 2, 'm-bad-date', 'unparseable pub_date "yesterday"'],
      ['messy.json', 3, 'm-empty-body', 'empty body after conversion'],
      ['messy.json', 4, 'm-french', 'unsupported language "fr"'],
      ['messy.json', 10, null, 'not an object'],
    ])
    expect(report.notNews).toEqual([{ feed: NEWS, index: 9, id: null }])
    const text = formatImportReport(report)
    expect(text).toContain('imported 14, updated 0, skipped (existing) 0, invalid 6, duplicate 2, language-corrected 4, not news (kind 2) 1')
    expect(text).toContain(`${MESSY} #2 (m-bad-date): unparseable pub_date "yesterday"`)
  })

  it('reports duplicates: same source and title within 48 hours, and repeated ids', async () => {
    const report = await run({ outDir: tempDir('import'), dryRun: true })
    expect(report.duplicates.map((d) => [d.index, d.id, d.duplicateOf])).toEqual([
      [7, 'wire-2', `${MESSY}#6`],
      [9, 'wire-1', `${MESSY}#6 (same id)`],
    ])
    expect(report.imported.some((r) => r.id === 'wire-3')).toBe(true)
  })

  it('reports duplicates of files already in the output folder', async () => {
    const out = makeContentRoot({
      'zh-CN/news/wire/older.zh-CN.md': '---\ntitle: "央行宣布降息 0.25 个百分点"\ndate: "2026-09-01 12:00:00"\ncategories:\n  - "wire"\n---\n\n正文。\n',
    })
    const report = await importFeeds({ inputs: [MESSY], outDir: out, timeZone: TZ, dryRun: true })
    expect(report.duplicates.map((d) => [d.id, d.duplicateOf])).toEqual([
      ['wire-1', 'zh-CN/news/wire/older.zh-CN.md'],
      ['wire-2', 'zh-CN/news/wire/older.zh-CN.md'],
      ['wire-1', 'zh-CN/news/wire/older.zh-CN.md'],
    ])
    expect(report.imported.some((r) => r.id === 'wire-3')).toBe(true)
  })

  it('reports language corrections, and --trust-language writes the labels', async () => {
    const report = await run({ outDir: tempDir('import'), dryRun: true })
    expect(report.languageCorrections.map((c) => [c.index, c.from, c.to])).toEqual([
      [2, 'en', 'zh-TW'],
      [3, 'en', 'zh-HK'],
      [4, 'en', 'zh-CN'],
      [5, 'zh-HK', 'en'],
    ])
    const trusted = await run({ outDir: tempDir('import'), dryRun: true, trustLanguage: true })
    expect(trusted.languageCorrections).toEqual([])
    expect(trusted.imported.find((r) => r.feed === NEWS && r.index === 2)?.path).toMatch(/^en\/news\/techdaily\//)
  })

  it('is idempotent: a second run imports nothing and overwrites nothing', async () => {
    const out = tempDir('import')
    const first = await run({ outDir: out })
    const file = path.join(out, first.imported[0]?.path ?? '')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited by hand.\n`)
    const second = await run({ outDir: out })
    // The repeated wire-1 item now finds its file: existing rather than a duplicate.
    expect(reportCounts(second)).toMatchObject({ imported: 0, updated: 0, existing: 15, invalid: 6, duplicates: 1 })
    expect(readFileSync(file, 'utf8')).toContain('Edited by hand.')
  })

  it('--update rewrites changed files only', async () => {
    const out = tempDir('import')
    const first = await run({ outDir: out })
    const file = path.join(out, first.imported[0]?.path ?? '')
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, `${original}\nEdited by hand.\n`)
    const updated = await run({ outDir: out, update: true })
    expect(reportCounts(updated)).toMatchObject({ imported: 0, updated: 1, existing: 14 })
    expect(readFileSync(file, 'utf8')).toBe(original)
  })

  it('a dry run writes nothing but reports the same', async () => {
    const out = path.join(tempDir('import'), 'content')
    const dry = await run({ outDir: out, dryRun: true })
    expect(existsSync(out)).toBe(false)
    const real = await run({ outDir: out })
    expect(reportCounts(dry)).toEqual(reportCounts(real))
    expect(formatImportReport(dry)).toMatch(/^dry run \(nothing written\)/)
  })

  it('reports unreadable input by file name and still imports the readable feeds', async () => {
    const missing = path.join(FEEDS, 'missing.json')
    const report = await importFeeds({ inputs: [missing, path.join(FEEDS, 'unreadable'), NEWS], outDir: tempDir('import'), timeZone: TZ, dryRun: true })
    expect(report.unreadable.map((u) => [path.basename(u.file), u.reason.split(':')[0]])).toEqual([
      ['missing.json', 'no such file or folder'],
      ['no-data.json', 'no "data" array (expected { "data"'],
      ['not-json.json', 'invalid JSON'],
    ])
    expect(report.imported).toHaveLength(9)
  })
})

describe('npm run import (scripts/import.ts)', () => {
  const cli = (...args: string[]) => spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/import.ts', ...args], { encoding: 'utf8' })

  it('exits 1 naming the unreadable file, 0 otherwise; --json prints the report', () => {
    const out = tempDir('import')
    const bad = cli(path.join(FEEDS, 'unreadable', 'not-json.json'), '--out', out)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('not-json.json: invalid JSON')
    const good = cli(FEEDS, '--out', out, '--dry-run', '--json')
    expect(good.status).toBe(0)
    const report = JSON.parse(good.stdout) as { counts: { imported: number; invalid: number }; dryRun: boolean }
    expect(report).toMatchObject({ dryRun: true, counts: { imported: 14, invalid: 6 } })
    expect(existsSync(path.join(out, 'zh-CN'))).toBe(false)
  }, 30_000)
})
