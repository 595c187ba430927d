import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { formatContentDate } from '@/lib/content/dates'
import { E2E_CONTENT_DIR } from './content-root'

/**
 * Every spec imports `test` and `expect` from here. Remote requests (thumbnails on feed CDNs) fail
 * at once in the browser, which resolves no host name but 127.0.0.1 (playwright.config.ts), so a
 * run never waits on the closed network and an unreachable image fails the same way on every
 * machine. Tests that only use `request` open no browser at all.
 */
export { test, expect }

/** Sample articles (content/, and e2e/content/ for `hostile`), by canonical URL. */
export const articles = {
  seed: '/news/qq/20250212a03tsr00',
  authorbox: '/news/c114/20261107c01ctx00',
  hostile: '/news/c114/20261118c03ctx00',
  customWidgets: '/news/c114/20261127c04ctx00',
  toc: '/news/qq/20261009a02qqx00',
  math: '/news/qq/20261015a03qqx00',
  noPager: '/news/qq/20261123a04qqx00',
  translatedZh: '/news/reuters/20261120r01trn00',
  translatedEn: '/en/news/reuters/20261120r01trn00',
  table: '/news/sina/20261021s01sna00',
  sidebarLeft: '/news/sina/20261021s01sna00',
  noSidebar: '/news/sina/20261125s04sna00',
  draft: '/news/qq/20261110a05drf00',
  future: '/news/qq/20990101a01fut00',
} as const

/** Items of an article list (home, tag and category pages). */
export function listItems(page: Page): Locator {
  return page.locator('main li[data-article]')
}

/** The title link of a list item (h2 on list pages, h3 under the front page's section headings). */
export function titleLink(item: Locator): Locator {
  return item.getByRole('heading').getByRole('link')
}

/** Opens the phone menu (a <details> in the header bar) when the page shows it, so its links can be used. */
export async function openMenuIfCollapsed(page: Page): Promise<void> {
  const summary = page.locator('header details > summary')
  // Opened before React has taken over the page, the menu can be closed again by hydration (seen
  // on a streamed 404 page on a loaded machine): wait for the header's own client component.
  await hydrated(page.locator('header button[data-hydrated]'))
  if (await summary.isVisible()) {
    await summary.click()
    await expect(page.locator('header details')).toHaveAttribute('open', '')
  }
}

/** Names and paths of the JSON-LD BreadcrumbList on the page. */
export async function breadcrumbJsonLd(page: Page): Promise<{ name: string; path: string }[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  const lists = blocks
    .flatMap((text) => [JSON.parse(text) as unknown].flat() as { '@type'?: string; itemListElement?: { name: string; item: string }[] }[])
    .filter((data) => data['@type'] === 'BreadcrumbList')
  return (lists[0]?.itemListElement ?? []).map((step) => ({ name: step.name, path: decodeURI(new URL(step.item).pathname) }))
}

/** `data-widget` names of the sidebar's widgets, in document order. */
export function widgetNames(page: Page): Promise<string[]> {
  return page.locator('aside section[data-widget]').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-widget') ?? ''))
}

/** Path and query of a response's Location header, resolved against the request URL. */
export function locationPath(location: string | undefined, requestUrl: string): string {
  const url = new URL(location ?? '', requestUrl)
  return url.pathname + url.search
}

/** Resolves once React has hydrated the element: interactive elements carry `data-hydrated` from then on (components/ui/use-hydrated.ts). */
export async function hydrated(locator: Locator, timeout?: number): Promise<void> {
  await expect(locator).toHaveAttribute('data-hydrated', 'true', { timeout })
}

export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * One request over plain node:http, for what Playwright's client would not send as is: any
 * method (TRACE included), raw paths, exact headers.
 * Each on a connection of its own: Node's default agent keeps idle sockets, and one the server
 * closed while this process was blocked (a synchronous content build) fails with "socket hang up".
 */
export function rawRequest(origin: URL, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: origin.hostname, port: origin.port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, timeout: 20_000, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timed out: ${path}`)))
    req.on('error', reject)
    req.end()
  })
}

/** `npm run content` beside the running servers, as cron runs it, over the content they were built from. */
export function runContentBuild() {
  execFileSync('npm', ['run', '--silent', 'content'], { stdio: 'pipe', timeout: 90_000, env: { ...process.env, CONTENT_DIR: E2E_CONTENT_DIR } })
}

/** Front-matter date (site time zone, as editors write it) for an instant. */
function siteDate(time: number): string {
  return formatContentDate(time, process.env.SITE_TIME_ZONE ?? 'Asia/Shanghai')
}

/**
 * The content folder of a spec that adds articles while the server runs:
 * `.e2e-content/zh-CN/news/<source>/`, in the staged content the servers were built from
 * (e2e/content-root.ts; each spec removes its own).
 */
export function testSourceFolder(source: string): string {
  return path.join(process.cwd(), E2E_CONTENT_DIR, 'zh-CN', 'news', source)
}

/** Writes a minimal zh-CN article dated `time` into a spec's source folder. */
export function writeTestArticle(source: string, id: string, title: string, time: number) {
  const folder = testSourceFolder(source)
  mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(folder, `${id}.zh-CN.md`), `---\ntitle: "${title}"\ndate: "${siteDate(time)}"\ncategories:\n  - "${source}"\n---\n\n${title}的正文。\n`)
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations']

/** One line per violation and node, so a failure says what to fix and where. */
function describeViolations(violations: AxeViolations): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replaceAll('\n', ' ')}` : ''}`)
      return `[${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`
    })
    .join('\n')
}

/** axe (WCAG 2.2 AA) finds nothing on the page as it is now. */
export async function expectNoAxeViolations(page: Page, what: string = page.url()): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  expect(
    violations.map((v) => v.id),
    `axe violations on ${what}:\n${describeViolations(violations)}`,
  ).toEqual([])
}

/** A thumbnail whose image failed: hidden (no broken icon, no alt text), its 16:9 box kept. */
export async function expectThumbnailBoxKept(box: Locator): Promise<void> {
  // Lazy: list thumbnails below the fold are requested only near the viewport.
  await box.scrollIntoViewIfNeeded()
  const image = box.locator('img')
  await expect(image).toHaveAttribute('data-broken', '')
  // Hidden: no broken-image icon, no alt text; the 16:9 box keeps its place.
  await expect(image).toBeHidden()
  await expect.poll(async () => (await box.boundingBox())?.width ?? 0).toBeGreaterThan(100)
  await expect
    .poll(async () => {
      const size = await box.boundingBox()
      return size ? size.width / size.height : 0
    })
    .toBeCloseTo(16 / 9, 1)
}
