/**
 * Rendered article bodies kept on disk between page generations on one compile, so that a rebuild
 * after publishing (scripts/build.ts) renders again only the bodies that changed: of the hundred
 * or so its pages and feeds show on the real corpus, the new article's. Only while a build script
 * generates the pages (scripts/next-build.ts sets the switch and empties the folder before each
 * compile, since the renderer's code may be what changed); a running server keeps its rendered
 * bodies in memory only (lib/content/index.ts).
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RenderedBody } from './markdown'
import { BODY_CACHE_SWITCH } from './output'

/** The folder a build script's page generation named; null otherwise. */
function cacheDir(): string | null {
  const dir = process.env[BODY_CACHE_SWITCH]?.trim()
  return dir && process.env.NEXT_PHASE === 'phase-production-build' ? dir : null
}

const isBody = (value: unknown): value is RenderedBody =>
  typeof value === 'object' && value !== null && typeof (value as RenderedBody).html === 'string' && Array.isArray((value as RenderedBody).toc)

/** The body rendered from `input` (everything the rendering reads) by an earlier generation, or `render()`'s, kept for the next one. */
export async function keptBody(input: string, render: () => Promise<RenderedBody>): Promise<RenderedBody> {
  const dir = cacheDir()
  if (!dir) return render()
  const file = path.join(dir, `${createHash('sha256').update(input).digest('hex')}.json`)
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as unknown
    if (isBody(kept)) return kept
  } catch {
    // Not kept yet, or damaged: rendered (and written) again.
  }
  const body = await render()
  try {
    await mkdir(dir, { recursive: true })
    // Written whole or not at all: two static workers may render the same body at once.
    const temporary = `${file}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(body))
    await rename(temporary, file)
  } catch {
    // The body is rendered: a folder that cannot be written only costs the next build the render.
  }
  return body
}
