import { readdirSync } from 'node:fs'
import path from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import type { Element, Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { mergeCatalog, normalizeDocuments } from '@/lib/content/build'
import { normalizeArticle } from '@/lib/content/front-matter'
import { renderMarkdown } from '@/lib/content/markdown'
import { slugify } from '@/lib/content/text'
import type { ArticleMeta } from '@/lib/content/types'
import { absoluteAsset, buildAtom, buildJsonFeed, buildRss, feedUrlsFor, toFeedItem, type Feed } from '@/lib/feeds'
import { buildSearchIndex } from '@/lib/search/build'
import { articleMetadata, breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from '@/lib/seo'
import { parseDocument, sources, topics } from './helpers'

/**
 * The security-lab test articles (e2e/content/zh-CN/news/security-lab/): payloads after the OWASP
 * XSS filter evasion cheat sheet in bodies, titles, summaries, leads, tags, thumbnails and other
 * front matter. Each would set a `window.__xss_*` variable or open a dialog if it ran; the e2e spec
 * (e2e/hostile-content.spec.ts) opens them in a browser. Here: what the site renders from them.
 */
const ROOT = path.join(process.cwd(), 'e2e', 'content')
const FOLDER = 'zh-CN/news/security-lab'
const SITE = 'https://news.example.com'
const files = readdirSync(path.join(ROOT, FOLDER))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => `${FOLDER}/${name}`)

function load(file: string): { article: ArticleMeta; body: string; warnings: string[] } {
  const document = parseDocument(ROOT, file)
  if (!document) throw new Error(`${file}: no front matter`)
  const shard = normalizeDocuments([document], 'Asia/Shanghai', () => file, topics)
  const [built] = mergeCatalog([shard], [], Date.UTC(2030, 0, 1), sources).articles
  if (!built) throw new Error(`${file}: ${JSON.stringify(shard.errors)}`)
  return { article: built, body: document.body.raw, warnings: shard.warnings.map((w) => `${w.field}: ${w.message}`) }
}

/** Elements whose presence alone is a hole: they run, load, submit, restyle or redirect. */
const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'isindex',
  'template',
  'noscript',
  'svg',
  'foreignobject',
  'maction',
  'animate',
  'set',
  'video',
  'audio',
  'marquee',
  'title',
  'xmp',
  'body',
  'html',
  'head',
])
/** Attributes a browser treats as URLs. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'srcSet',
  'poster',
  'data',
  'cite',
  'background',
  'ping',
  'longDesc',
  'codeBase',
  'dynsrc',
  'lowsrc',
])

/** The scheme a browser would see: it ignores tabs, newlines and leading control characters and spaces. */
function scheme(url: string): string | null {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)
  return match ? (match[1] ?? '').toLowerCase() : null
}

/** Every problem in rendered article HTML, as readable strings (empty when clean). */
function holes(html: string): string[] {
  const found: string[] = []
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root
  visit(tree, 'element', (node: Element) => {
    const tag = node.tagName.toLowerCase()
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}> element`)
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${name} attribute on <${tag}>`)
      const values = (Array.isArray(value) ? value : [value]).map(String)
      if (URL_ATTRIBUTES.has(name)) {
        for (const url of values) {
          const used = scheme(url)
          if (used !== null && !['http', 'https', 'mailto'].includes(used)) found.push(`${name}="${url}" on <${tag}>`)
        }
      }
      if (name === 'style' && !(tag === 'span' && values.join(' ').length < 40 && (node.properties.className as string[] | undefined)?.includes('katex-error'))) {
        found.push(`style attribute on <${tag}>`)
      }
      // Named access (window.x, document.x) must not reach an element the article made.
      if ((name === 'id' || name === 'name') && values.some((v) => /^[_$]/.test(v))) found.push(`${name}="${values.join(' ')}" on <${tag}>`)
    }
  })
  // Text is escaped (`&#x3C;`); attribute values are quoted: without them, `<script` is an element.
  if (/<script/i.test(html.replace(/"[^"]*"/g, '""'))) found.push('<script in the markup')
  return found
}

describe('the security-lab sample articles', () => {
  it('are six, all published, in one clearly named folder, at the end of every list (2020)', () => {
    expect(files).toHaveLength(6)
    for (const file of files) {
      const { article } = load(file)
      expect(article.draft, file).toBe(false)
      expect(article.date.startsWith('2020-01-0'), file).toBe(true)
      expect(article.source).toBe('security-lab')
    }
  })

  it('the checker itself finds holes: the control', () => {
    expect(holes('<p onclick="x">a</p><a href=" jav&#x09;ascript:alert(1)">b</a><script>x</script><h2 id="__next_f">c</h2><div style="color:red">d</div>')).toEqual([
      'onClick attribute on <p>',
      'href=" jav\tascript:alert(1)" on <a>',
      '<script> element',
      'id="__next_f" on <h2>',
      'style attribute on <div>',
      '<script in the markup',
    ])
  })

  for (const file of files) {
    it(`${path.basename(file)}: the rendered body has no script, handler, script URL, frame, object, form, style, meta or base`, async () => {
      const { article, body } = load(file)
      const { html, toc } = await renderMarkdown(body, { math: article.mathjax })
      expect(holes(html)).toEqual([])
      expect(html).toContain('安全实验室测试稿件')
      for (const entry of toc) expect(entry.id, 'TOC ids are safe ids too').not.toMatch(/^[_$]/)
    })
  }

  it('keeps what is harmless: link texts, a remote image, the normal heading ids and formulas', async () => {
    const links = await renderMarkdown(load(`${FOLDER}/20200102S02XSS00.zh-CN.md`).body, { math: false })
    expect(links.html).toContain('<a>普通伪协议</a>')
    expect(links.html).toContain('<a href="https://example.com/autolink"')
    const events = await renderMarkdown(load(`${FOLDER}/20200101S01XSS00.zh-CN.md`).body, { math: false })
    expect(events.html).toContain('<img src="https://unreachable.invalid/body.jpg" alt="无法加载的正文图片"')
    const broken = await renderMarkdown(load(`${FOLDER}/20200105S05XSS00.zh-CN.md`).body, { math: false })
    expect(broken.toc.map((e) => e.id)).toEqual(['user-content-__next_s', 'user-content-__next_f', 'user-content-__xss_clobber', '正常小节'])
    const styles = await renderMarkdown(load(`${FOLDER}/20200104S04XSS00.zh-CN.md`).body, { math: true })
    expect(styles.html).toContain('<mi>E</mi>')
    // Removed elements leave no text behind.
    for (const text of ['@import', 'display: none', 'position:fixed', '被注入的标题']) expect(styles.html).not.toContain(text)
  })

  it('normalises the front matter to values that are safe wherever the site puts them', () => {
    for (const file of files) {
      const { article } = load(file)
      if (article.thumbnail !== null) expect(article.thumbnail, file).toMatch(/^(https?:\/\/[^\s"'<>\\]+|\/(?!\/)[^\s"'<>\\]*)$/)
      expect(article.lang, file).toMatch(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)
      if (article.sourceUrl !== null) expect(article.sourceUrl, file).toMatch(/^https?:\/\/[^\s"'<>\\]+$/)
      for (const term of [...article.tags, ...article.categories]) {
        const slug = slugify(term)
        expect(slug, `${file}: ${term}`).not.toBe('')
        expect(slug, `${file}: ${term}`).not.toMatch(/[/\\?#%"<>]|^\.+$/)
      }
    }
  })

  it('drops what cannot be made safe, with a warning naming the field', () => {
    const quote = load(`${FOLDER}/20200102S02XSS00.zh-CN.md`)
    expect(quote.article.thumbnail).toBeNull()
    expect(quote.article.tags).toEqual(['安全实验室', '../../etc/passwd', '100%'])
    expect(quote.article.sourceUrl).toBeNull()
    expect(quote.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^thumbnail: not an http\(s\) URL/), 'tags: ".." has no letter or digit to make a URL of: ignored']),
    )
    expect(load(`${FOLDER}/20200103S03XSS00.zh-CN.md`).article.thumbnail).toBeNull()
    expect(load(`${FOLDER}/20200104S04XSS00.zh-CN.md`).article.thumbnail).toBeNull()
    expect(load(`${FOLDER}/20200105S05XSS00.zh-CN.md`).article.thumbnail).toBe('https://unreachable.invalid/thumbnails/2020/broken.jpg')

    const meta = load(`${FOLDER}/20200106S06XSS00.zh-CN.md`)
    // `/\host/x.jpg` is `//host/x.jpg` to a browser: another host, not a /path.
    expect(meta.article.thumbnail).toBeNull()
    expect(meta.article.lang).toBe('zh-CN')
    expect(meta.article.tags).toEqual(['安全实验室', '%3Cscript%3E'])
    expect(meta.article.sourceUrl).toBe('https://example.com/security-lab/%22%3E%3Cscript%3Ewindow.__xss_source_url=1%3C/script%3E')
    expect(meta.article.widgets).toEqual(['search', 'recent', 'taglist'])
    expect(meta.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lang: ".*" is not a language tag: the folder's "zh-CN" used$/),
        'tags: "?" has no letter or digit to make a URL of: ignored',
        'tags: "/" has no letter or digit to make a URL of: ignored',
        expect.stringMatching(/^thumbnail: /),
        expect.stringMatching(/^widgets: unknown widget/),
      ]),
    )
  })

  it('JSON-LD keeps every title intact and never closes its script element', () => {
    for (const file of files) {
      const { article } = load(file)
      const json = serializeJsonLd([newsArticleJsonLd(article, SITE, '新闻速递', '编辑部'), breadcrumbJsonLd(article, SITE, '首页')])
      expect(json, file).not.toContain('<')
      const [news] = JSON.parse(json) as [{ headline: string; description: string; image?: string[] }]
      expect(news.headline).toBe(article.title)
      expect(news.description).toBe(article.summary)
      for (const image of news.image ?? []) expect(image).toMatch(/^https:\/\//)
    }
  })

  it('page metadata: titles and descriptions are plain strings, images absolute http(s) URLs', () => {
    for (const file of files) {
      const { article } = load(file)
      const metadata = articleMetadata({ article, translations: [], siteUrl: SITE, siteName: '新闻速递', feedTypes: {} })
      expect(metadata.title).toBe(article.title)
      const images = [metadata.openGraph?.images ?? []].flat().map((image) => (typeof image === 'object' && 'url' in image ? String(image.url) : String(image)))
      for (const image of images) expect(image, file).toMatch(/^https?:\/\/[^\s"'<>\\]+$/)
      expect(absoluteAsset(SITE, article.thumbnail) ?? SITE).toMatch(/^https?:\/\//)
    }
  })

  it('feeds stay well-formed, with every bit of markup escaped', async () => {
    const items = await Promise.all(
      files.map(async (file) => {
        const { article, body } = load(file)
        return toFeedItem(article, (await renderMarkdown(body, { math: article.mathjax })).html, SITE)
      }),
    )
    const feed: Feed = {
      title: '安全实验室',
      description: '测试',
      language: 'zh-CN',
      homeUrl: `${SITE}/`,
      feedUrls: feedUrlsFor(SITE, 'zh-CN', '/'),
      updated: '2020-01-06T10:00:00+08:00',
      items,
    }
    for (const xml of [buildRss(feed), buildAtom(feed)]) {
      expect(XMLValidator.validate(xml)).toBe(true)
      // Only escaped: no element of the articles' markup is an element of the feed.
      expect(xml).not.toMatch(/<(script|img|svg|iframe|style|a)\b/i)
    }
    const json = JSON.parse(buildJsonFeed(feed)) as { items: { title: string; image?: string; external_url?: string }[] }
    expect(json.items.map((i) => i.title)).toEqual(items.map((i) => i.title))
    for (const item of json.items) for (const url of [item.image, item.external_url]) if (url) expect(url).toMatch(/^https?:\/\/[^\s"'<>]+$/)
  })

  it('the search index holds internal URLs and plain-text titles', () => {
    const index = buildSearchIndex(
      files.map((file) => {
        const { article, body } = load(file)
        return { url: article.path, title: article.title, date: article.date, time: article.time, source: article.source, edition: article.edition, text: body }
      }),
      { shards: 4, chunkSize: 10 },
    )
    const rows = JSON.parse(index.get('meta/0.json') ?? '[]') as string[][]
    expect(rows).toHaveLength(6)
    for (const [url] of rows) expect(url).toMatch(/^\/news\/security-lab\/2020010\ds0\dxss00$/)
  })
})

describe('the repairs behind them', () => {
  const normalize = (frontMatter: Record<string, unknown>, body = '正文。') =>
    normalizeArticle({ file: 'zh-CN/news/lab/X1.zh-CN.md', fields: { title: '标题', date: '2026-11-01 10:00:00', ...frontMatter }, body }, 'Asia/Shanghai')

  it('heading ids that would collide with the page’s own ids or shadow window globals get the sanitiser’s prefix', async () => {
    const { toc } = await renderMarkdown('## main\n\n## toc title\n\n## related title\n\n## widget search\n\n## __next_f\n\n## 正常\n\n## Part B', { math: false })
    expect(toc.map((e) => e.id)).toEqual([
      'user-content-main',
      'user-content-toc-title',
      'user-content-related-title',
      'user-content-widget-search',
      'user-content-__next_f',
      '正常',
      'part-b',
    ])
  })

  it('a /path thumbnail must stay on this site; it is percent-encoded like a URL', () => {
    expect(normalize({ thumbnail: '/images/a b.jpg?x=1' }).article?.thumbnail).toBe('/images/a%20b.jpg?x=1')
    for (const other of ['/\\evil.example/x.jpg', '//evil.example/x.jpg', '/\t/evil.example/x.jpg']) {
      const { article, warnings } = normalize({ thumbnail: other })
      expect(article?.thumbnail, other).toBeNull()
      expect(warnings.map((w) => w.field)).toEqual(['thumbnail'])
    }
  })

  it('keeps real language tags and replaces anything else with the folder’s', () => {
    for (const lang of ['zh', 'zh-CN', 'zh-Hant-TW', 'yue']) expect(normalize({ lang: [lang] }).article?.lang).toBe(lang)
    const { article, warnings } = normalize({ lang: ['zh CN'] })
    expect(article?.lang).toBe('zh-CN')
    expect(warnings).toEqual([{ file: 'zh-CN/news/lab/X1.zh-CN.md', field: 'lang', message: '"zh CN" is not a language tag: the folder\'s "zh-CN" used' }])
  })

  it('drops terms without a letter or digit, categories too', () => {
    const { article, warnings } = normalize({ tags: ['...', 'C++', '?'], categories: ['%', 'qq'] })
    expect(article?.tags).toEqual(['C++'])
    expect(article?.categories).toEqual(['qq'])
    expect(warnings.map((w) => `${w.field}: ${w.message}`)).toEqual([
      'categories: "%" has no letter or digit to make a URL of: ignored',
      'tags: "..." has no letter or digit to make a URL of: ignored',
      'tags: "?" has no letter or digit to make a URL of: ignored',
    ])
  })
})
