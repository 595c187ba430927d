import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '@/lib/content/markdown'

const hostile = `
<script>alert("XSS")</script>
<img src=x onerror="alert('XSS')">
<a href="javascript:alert('XSS')">链接</a>
<iframe src="https://example.com"></iframe>
<object data="x.swf"></object>
<style>body{display:none}</style>
<meta http-equiv="refresh" content="0;url=https://example.com/">
<form action="https://example.com"><input name="a"></form>
<p onclick="alert(1)" style="color:red">段落</p>
`

describe('renderMarkdown', () => {
  it('removes scripts, handlers, javascript: URLs, iframes, objects, styles, meta and forms', async () => {
    const { html } = await renderMarkdown(hostile, { math: false })
    for (const banned of ['<script', 'onerror', 'onclick', 'javascript:', '<iframe', '<object', '<style', '<meta', '<form', 'name="a"', 'style=']) {
      expect(html, banned).not.toContain(banned)
    }
    expect(html).toContain('段落')
    expect(html).toContain('链接')
    expect(html).not.toContain('<input')
    // Removed elements leave no text behind either.
    expect(html).not.toContain('display:none')
    expect(html).not.toContain('alert(')
  })

  it('drops images with a relative source (it would point at our own site), keeps /paths', async () => {
    const { html } = await renderMarkdown('<img src="x">\n\n<img src="/local.png">\n\n![a](//cdn.example.com/b.png)', { math: false })
    expect(html).not.toContain('src="x"')
    expect(html).toContain('src="/local.png"')
    expect(html).toContain('src="//cdn.example.com/b.png"')
  })

  it('keeps images (lazy, no referrer) and tables (scrollable on phones)', async () => {
    const { html } = await renderMarkdown('![图片](https://img.example.com/a.jpg)\n\n<table><tr><td>1</td></tr></table>\n\n| a | b |\n|---|---|\n| 1 | 2 |', { math: false })
    expect(html).toMatch(/<img src="https:\/\/img\.example\.com\/a\.jpg" alt="图片" loading="lazy" decoding="async" referrerpolicy="no-referrer">/)
    expect(html.match(/<div class="table-scroll" tabindex="0"><table>/g)).toHaveLength(2)
  })

  it('builds a table of contents from h2–h4 with stable ids', async () => {
    const { html, toc } = await renderMarkdown('## 第一节\n\n### Part B\n\n#### 细节\n\n##### 太深', { math: false })
    expect(toc).toEqual([
      { id: '第一节', text: '第一节', depth: 2 },
      { id: 'part-b', text: 'Part B', depth: 3 },
      { id: '细节', text: '细节', depth: 4 },
    ])
    expect(html).toContain('<h2 id="第一节">')
  })

  it('renders math to MathML at build time only when asked', async () => {
    const source = '质能方程 $E = mc^2$。\n\n$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$'
    const math = await renderMarkdown(source, { math: true })
    expect(math.html).toContain('<math')
    expect(math.html).toContain('display="block"')
    expect(math.html).not.toContain('<script')
    const plain = await renderMarkdown(source, { math: false })
    expect(plain.html).not.toContain('<math')
  })

  it('marks external links nofollow/noopener', async () => {
    const { html } = await renderMarkdown('[qq](https://new.qq.com/rain/a/1)', { math: false })
    expect(html).toContain('rel="noopener noreferrer nofollow"')
  })
})
