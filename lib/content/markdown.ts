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
  // Feed photos come as <figure> with a <figcaption>: keep the pair (the caption names linked photos).
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'), 'figure', 'figcaption'],
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

/** Letters and digits only, case- and width-folded: "Title: A — b" and "title a b" compare equal. */
export function foldHeadline(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

function isBlank(node: Root['children'][number]): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href
  } catch {
    return false
  }
}

/**
 * What the article page already shows around the body: a first heading that repeats the title
 * (the page's own h1 is the headline) and the importer's last line linking the source name (the
 * page's "阅读原文 ↗" link points at the same URL).
 */
export function trimFrame(tree: Root, frame: { title?: string; sourceUrl?: string | null }) {
  const elements = () => tree.children.filter((node) => !isBlank(node))
  const first = elements()[0]
  if (frame.title && first?.type === 'element' && /^h[1-6]$/.test(first.tagName) && foldHeadline(toString(first)) === foldHeadline(frame.title)) {
    tree.children.splice(tree.children.indexOf(first), 1)
  }
  const last = elements().at(-1)
  if (frame.sourceUrl && last?.type === 'element' && last.tagName === 'p') {
    const content = last.children.filter((node) => !isBlank(node))
    const link = content[0]
    if (content.length === 1 && link?.type === 'element' && link.tagName === 'a' && sameUrl(String(link.properties.href ?? ''), frame.sourceUrl)) {
      tree.children.splice(tree.children.indexOf(last), 1)
    }
  }
}

function hostOf(href: unknown): string {
  try {
    return new URL(String(href)).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}

/**
 * Images without alt text are decorative (empty alt); a link whose only content is images gets a
 * name of its own (aria-label): the image's alt, title or figure caption, else the target's host.
 * A feed image that fails to load is hidden (head script), so the alt alone cannot name the link.
 */
export function rehypeAccessibleMedia() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName === 'img' && typeof node.properties.alt !== 'string') node.properties.alt = ''
      if (node.tagName !== 'a' || node.properties.ariaLabel) return
      if (toString(node).trim() !== '') return
      const images: Element[] = []
      visit(node, 'element', (child: Element) => {
        if (child.tagName === 'img') images.push(child)
      })
      if (images.length === 0) return
      const caption = parent?.type === 'element' && parent.tagName === 'figure' ? parent.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption') : undefined
      const name = images.map((img) => String(img.properties.alt ?? '').trim() || String(img.properties.title ?? '').trim()).find(Boolean) || (caption ? toString(caption).trim() : '') || hostOf(node.properties.href)
      if (name) node.properties.ariaLabel = name
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
  return sanitized.use(math ? [[rehypeKatex, { output: 'mathml', throwOnError: false }]] : []).use(rehypeSlug).use(rehypeNewsBody).use(rehypeAccessibleMedia)
}

const processors = { plain: makeProcessor(false), math: makeProcessor(true) }

export interface RenderOptions {
  math: boolean
  /** The page's headline: a first body heading with the same text is dropped. */
  title?: string
  /** The original story's URL the page links: a last paragraph that only links it is dropped. */
  sourceUrl?: string | null
}

export async function renderMarkdown(markdown: string, options: RenderOptions): Promise<RenderedBody> {
  const processor = options.math ? processors.math : processors.plain
  const tree = (await processor.run(processor.parse(markdown))) as Root
  trimFrame(tree, options)
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
