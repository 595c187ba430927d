/**
 * Feed HTML → clean Markdown (GFM): paragraphs, headings, lists, tables, quotes, code, images and
 * links survive; scripts, styles, frames, forms, comments, tracking pixels and every attribute do
 * not (Markdown has no attributes). Relative URLs become absolute against the story's link;
 * anything that is not http(s) (or mailto: for links) is refused. Pure: no I/O.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast'
import type { Delete, Emphasis, Heading, Image, Link, Nodes as MdastNodes, Paragraph, Root as MdastRoot, RootContent as MdastContent, Strong, TableCell, Text } from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'

export interface ConvertedBody {
  markdown: string
  /** Plain text of the paragraphs outside lists, in order, for the summary. */
  paragraphs: string[]
  /** Plain text of the whole body (headings, lists and tables too), for language detection. */
  text: string
  images: number
  /** What was removed, for the report and the tests. */
  removed: { elements: number; pixels: number; unsafeUrls: number }
}

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'svg',
  'canvas',
  'video',
  'audio',
  'link',
  'meta',
  'base',
  'head',
  'title',
  'dialog',
])

/** Hosts and paths of known analytics beacons and spacer images. */
const BEACON = new RegExp(
  [
    String.raw`[./]1x1\.`,
    String.raw`/(?:pixel|beacon|spacer|blank|clear|transparent|tracking|tracker|track|open|counter)\.(?:gif|png|php)\b`,
    String.raw`feeds\.feedburner\.com/~[a-z]+/`,
    String.raw`(?:^|[/.])(?:pixel|stats)\.wp\.com/`,
    String.raw`google-analytics\.com/`,
    String.raw`googletagmanager\.com/`,
    String.raw`doubleclick\.net/`,
    String.raw`scorecardresearch\.com/`,
    String.raw`facebook\.com/tr[/?]`,
    String.raw`quantserve\.com/`,
    String.raw`imrworldwide\.com/`,
    String.raw`chartbeat\.net/`,
    String.raw`/wf/open\?`,
    String.raw`mc\.yandex\.ru/watch`,
    String.raw`hm\.baidu\.com/`,
    String.raw`cnzz\.com/`,
  ].join('|'),
  'i',
)

/** An absolute http(s) URL (mailto: too when `mail`) for `raw`, resolved against `base`; null when unsafe. */
export function safeUrl(raw: unknown, base: string | null, mail = false): string | null {
  if (typeof raw !== 'string') return null
  const value = raw.trim()
  if (!value) return null
  let url: URL
  try {
    url = base ? new URL(value, base) : new URL(value)
  } catch {
    return null
  }
  if (url.protocol === 'https:' || url.protocol === 'http:' || (mail && url.protocol === 'mailto:')) return url.href
  return null
}

/** A pixel-sized dimension ("0", "1", "1px"); absent or larger sizes are not. */
function tiny(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false
  const n = Number.parseFloat(String(value))
  return Number.isFinite(n) && n <= 1
}

function isHidden(element: Element): boolean {
  const { hidden, style } = element.properties
  if (hidden !== undefined && hidden !== null && hidden !== false) return true
  return /display:none|visibility:hidden/.test(
    String(style ?? '')
      .toLowerCase()
      .replace(/\s+/g, ''),
  )
}

function isPixel(element: Element, src: string): boolean {
  const style = String(element.properties.style ?? '')
    .toLowerCase()
    .replace(/\s+/g, '')
  const styleSize = /(?:^|;)(?:width|height):(?:0|1)(?:px)?(?:;|$)/.test(style)
  return tiny(element.properties.width) || tiny(element.properties.height) || styleSize || BEACON.test(src)
}

/** The image's real source: lazy-loading pages keep it in data-src and put a placeholder in src. */
function imageSource(element: Element): unknown {
  const p = element.properties
  const lazy = p.dataSrc ?? p.dataOriginal ?? p.dataLazySrc ?? p.dataActualsrc
  const src = typeof p.src === 'string' ? p.src.trim() : ''
  return lazy && (!src || src.startsWith('data:')) ? lazy : src
}

/** rehype step: drop what must not survive, resolve and check URLs, before conversion. */
function cleanHtml(base: string | null, removed: ConvertedBody['removed']) {
  const walk = (children: HastContent[]): HastContent[] => {
    const out: HastContent[] = []
    for (const node of children) {
      if (node.type === 'comment' || node.type === 'doctype') continue
      if (node.type !== 'element') {
        out.push(node)
        continue
      }
      if (DROPPED.has(node.tagName) || isHidden(node)) {
        removed.elements += 1
        continue
      }
      if (node.tagName === 'img') {
        const raw = imageSource(node)
        const src = safeUrl(raw, base)
        if (!src) {
          if (raw) removed.unsafeUrls += 1
          continue
        }
        if (isPixel(node, src)) {
          removed.pixels += 1
          continue
        }
        node.properties = { src, alt: node.properties.alt ?? '', title: node.properties.title }
        out.push(node)
        continue
      }
      node.children = walk(node.children) as Element['children']
      if (node.tagName === 'a') {
        const href = node.properties.href
        const url = safeUrl(href, base, true)
        if (!url) {
          if (href !== undefined && String(href).trim() && !String(href).trim().startsWith('#')) removed.unsafeUrls += 1
          out.push(...node.children)
          continue
        }
        node.properties = { href: url, title: node.properties.title }
      }
      out.push(node)
    }
    return out
  }
  return (tree: HastRoot) => {
    tree.children = walk(tree.children) as HastRoot['children']
  }
}

function plainText(node: MdastNodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'break') return ' '
  if (node.type === 'image' || node.type === 'html') return ''
  if ('children' in node) {
    const inline =
      node.type === 'paragraph' ||
      node.type === 'heading' ||
      node.type === 'link' ||
      node.type === 'emphasis' ||
      node.type === 'strong' ||
      node.type === 'delete' ||
      node.type === 'tableCell'
    return node.children.map((child) => plainText(child as MdastNodes)).join(inline ? '' : ' ')
  }
  return 'value' in node && node.type === 'code' ? node.value : ''
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

interface Collected {
  paragraphs: string[]
  text: string
  images: number
}

/** remark step: second line of defence on URLs, raw HTML and empty blocks; collects the text. */
function cleanMarkdown(removed: ConvertedBody['removed'], collected: Collected) {
  const walk = (children: MdastContent[]): MdastContent[] => {
    const out: MdastContent[] = []
    for (const node of children) {
      if (node.type === 'html') continue
      if (node.type === 'image') {
        const url = safeUrl((node as Image).url, null)
        if (!url) {
          removed.unsafeUrls += 1
          continue
        }
        out.push({ ...node, url })
        continue
      }
      if ('children' in node) node.children = walk(node.children as MdastContent[]) as typeof node.children
      if (node.type === 'link') {
        const url = safeUrl((node as Link).url, null, true)
        if (!url) {
          removed.unsafeUrls += 1
          out.push(...(node.children as MdastContent[]))
          continue
        }
        if (!hasContent(node)) {
          out.push(...(node.children as MdastContent[]))
          continue
        }
        node.url = url
      }
      if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete') {
        out.push(...hoistEdges(node))
        continue
      }
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') trimEdges(node)
      if ((node.type === 'paragraph' || node.type === 'heading') && !hasContent(node)) continue
      if ((node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') && node.children.length === 0) continue
      out.push(node)
    }
    return out
  }
  return (tree: MdastRoot) => {
    tree.children = walk(tree.children)
    // List items and table cells are not the story's leading sentences.
    const visit = (node: MdastNodes, inList: boolean) => {
      if (node.type === 'image') collected.images += 1
      if (node.type === 'paragraph' && !inList) {
        const text = squash(plainText(node))
        if (text) collected.paragraphs.push(text)
      }
      if ('children' in node) for (const child of node.children) visit(child as MdastNodes, inList || node.type === 'list')
    }
    visit(tree, false)
    collected.text = squash(plainText(tree))
  }
}

const LEADING_EDGE = /^[\s\p{P}]+/u
const TRAILING_EDGE = /[\s\p{P}]+$/u

/**
 * Moves punctuation and spaces at the edges of bold/italic text outside it: `**“老对手”**爱立信`
 * cannot close in CommonMark (punctuation before the closing `**`, a letter after it), so the
 * serializer would turn 爱 into `&#x7231;`; `“**老对手**”爱立信` needs no such escape.
 */
function hoistEdges(node: Strong | Emphasis | Delete): MdastContent[] {
  const before: Text[] = []
  const after: Text[] = []
  const first = node.children[0]
  if (first?.type === 'text') {
    const edge = LEADING_EDGE.exec(first.value)?.[0] ?? ''
    if (edge) {
      before.push({ type: 'text', value: edge })
      first.value = first.value.slice(edge.length)
    }
  }
  const last = node.children.at(-1)
  if (last?.type === 'text') {
    const edge = TRAILING_EDGE.exec(last.value)?.[0] ?? ''
    if (edge) {
      after.unshift({ type: 'text', value: edge })
      last.value = last.value.slice(0, last.value.length - edge.length)
    }
  }
  node.children = node.children.filter((child) => child.type !== 'text' || child.value !== '')
  return hasContent(node) ? [...before, node, ...after] : [...before, ...(node.children as MdastContent[]), ...after]
}

/** Indentation and trailing spaces (`&nbsp;&nbsp;`, `　　`) mean nothing in Markdown blocks. */
function trimEdges(node: Paragraph | Heading | TableCell) {
  const first = node.children[0]
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/u, '')
  const last = node.children.at(-1)
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/u, '')
  node.children = node.children.filter((child) => child.type !== 'text' || child.value !== '')
}

function hasContent(node: MdastNodes): boolean {
  if (node.type === 'image') return true
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.trim() !== ''
  return 'children' in node && node.children.some((child) => hasContent(child as MdastNodes))
}

export function htmlToMarkdown(html: string, baseUrl: string | null): ConvertedBody {
  const removed = { elements: 0, pixels: 0, unsafeUrls: 0 }
  const collected: Collected = { paragraphs: [], text: '', images: 0 }
  const base = safeUrl(baseUrl, null)
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => cleanHtml(base, removed))
    .use(rehypeRemark)
    .use(() => cleanMarkdown(removed, collected))
    // Padded table columns would be misaligned anyway with CJK text, and churn diffs.
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '*' })
  const markdown = String(processor.processSync(html)).trim()
  return { markdown, ...collected, removed }
}

/** Plain text of an HTML fragment (a title with `&amp;` or stray tags), whitespace collapsed. */
export function htmlToText(html: string): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html)
  const text = (node: HastRoot | HastContent): string => {
    if (node.type === 'text') return node.value
    if (node.type === 'element' && DROPPED.has(node.tagName)) return ''
    return 'children' in node ? node.children.map(text).join('') : ''
  }
  return squash(text(tree))
}
