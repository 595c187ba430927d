/**
 * Markdown (with raw HTML from news feeds) → sanitised HTML, rendered for one article when its
 * page is rendered. Scripts, event handlers, `javascript:` URLs, iframes, objects, forms, styles
 * and meta refreshes never survive; images, tables and links do.
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import rehypeKatex from 'rehype-katex'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export interface TocEntry {
  id: string
  text: string
  depth: number
}

export interface RenderedBody {
  html: string
  toc: TocEntry[]
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Feeds carry no forms: drop inputs too (GitHub's schema keeps task-list checkboxes).
  tagNames: defaultSchema.tagNames?.filter((name) => name !== 'input'),
  // Removed together with their text, which would otherwise show up on the page.
  strip: ['script', 'style', 'title', 'textarea', 'noscript', 'template', 'xmp', 'noembed', 'noframes'],
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ['className', 'language-math', 'math-inline', 'math-display']],
  },
}

/**
 * Heading ids rehype-slug makes (after the sanitiser, which prefixes raw ids) that must not be
 * used as they are: the ids the page itself gives its landmarks and labels (`main`, `toc-title`,
 * `related-title`, `widget-*`), and names scripts read from `window`: an element with
 * `id="__next_f"` shadows Next's payload queue through named access and breaks hydration.
 */
const RESERVED_ID = /^(?:_|\$|main$|toc-title$|related-title$|widget-)/
const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-'

/** Lazy images without referrer, tables that scroll on phones, external links without opener. */
function rehypeNewsBody() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string' && RESERVED_ID.test(node.properties.id)) {
        node.properties.id = `${CLOBBER_PREFIX}${node.properties.id}`
      }
      if (node.tagName === 'img') {
        // A relative source in feed HTML points at the feed's site, not ours: it can only 404.
        if (parent && typeof index === 'number' && !/^(?:https?:|\/)/i.test(String(node.properties.src ?? ''))) {
          parent.children.splice(index, 1)
          return index
        }
        node.properties = { ...node.properties, loading: 'lazy', decoding: 'async', referrerPolicy: 'no-referrer' }
      } else if (node.tagName === 'a' && typeof node.properties.href === 'string' && /^https?:/i.test(node.properties.href)) {
        node.properties = { ...node.properties, rel: ['noopener', 'noreferrer', 'nofollow'] }
      } else if (node.tagName === 'table' && parent && typeof index === 'number') {
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0 },
          children: [node],
        }
        return 'skip'
      }
      return undefined
    })
  }
}

function makeProcessor(math: boolean) {
  const sanitized = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(math ? [remarkMath] : [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, schema)
  // MathML output: rendered by the browser itself, no KaTeX stylesheet or fonts to ship.
  return sanitized.use(math ? [[rehypeKatex, { output: 'mathml', throwOnError: false }]] : []).use(rehypeSlug).use(rehypeNewsBody)
}

const processors = { plain: makeProcessor(false), math: makeProcessor(true) }

export async function renderMarkdown(markdown: string, options: { math: boolean }): Promise<RenderedBody> {
  const processor = options.math ? processors.math : processors.plain
  const tree = (await processor.run(processor.parse(markdown))) as Root
  const toc: TocEntry[] = []
  visit(tree, 'element', (node: Element) => {
    const depth = /^h([2-4])$/.exec(node.tagName)?.[1]
    if (depth && typeof node.properties.id === 'string') {
      toc.push({ id: node.properties.id, text: toString(node).trim(), depth: Number(depth) })
    }
  })
  const html = unified().use(rehypeStringify).stringify(tree)
  return { html, toc }
}
