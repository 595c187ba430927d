import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keptBody } from '@/lib/content/body-cache'
import type { RenderedBody } from '@/lib/content/markdown'
import { BODY_CACHE_SWITCH } from '@/lib/content/output'
import { tempDir } from './helpers'

/**
 * A build's page generation keeps the bodies it renders for the next generation on the same compile
 * (lib/content/body-cache.ts); nothing else reads or writes them.
 */
const body = (html: string): RenderedBody => ({ html, toc: [{ id: 'a', text: 'A', depth: 2 }] })

/** A build folder for one test, with the generation's environment set (or only part of it). */
function generation(settings: { switch?: boolean; phase?: boolean } = {}) {
  const dir = path.join(tempDir('body-cache'), 'cache', 'article-bodies')
  vi.stubEnv(BODY_CACHE_SWITCH, settings.switch === false ? '' : dir)
  vi.stubEnv('NEXT_PHASE', settings.phase === false ? 'phase-production-server' : 'phase-production-build')
  const files = () => (existsSync(dir) ? readdirSync(dir) : [])
  return { dir, files }
}

afterEach(() => vi.unstubAllEnvs())

describe('rendered bodies kept between generations', () => {
  it('renders a body once, then reads it back whole; another input renders again', async () => {
    const { files } = generation()
    const render = vi.fn(async () => body('<p>一</p>'))
    expect(await keptBody('input one', render)).toEqual(body('<p>一</p>'))
    expect(await keptBody('input one', render)).toEqual(body('<p>一</p>'))
    expect(render).toHaveBeenCalledTimes(1)
    expect(files()).toHaveLength(1)
    const other = vi.fn(async () => body('<p>二</p>'))
    expect(await keptBody('input two', other)).toEqual(body('<p>二</p>'))
    expect(other).toHaveBeenCalledTimes(1)
    expect(files()).toHaveLength(2)
  })

  it('renders again over a damaged file, and repairs it', async () => {
    const { dir, files } = generation()
    await keptBody('input', async () => body('<p>一</p>'))
    for (const damage of ['{"html": "<p>cut', '{"html": 1, "toc": []}', 'null']) {
      writeFileSync(path.join(dir, files()[0] as string), damage)
      const render = vi.fn(async () => body('<p>一</p>'))
      expect(await keptBody('input', render)).toEqual(body('<p>一</p>'))
      expect(render, damage).toHaveBeenCalledTimes(1)
    }
    expect(await keptBody('input', async () => body('never rendered'))).toEqual(body('<p>一</p>'))
  })

  it('keeps nothing outside a build script’s page generation (a running server, a bare next build)', async () => {
    for (const settings of [{ switch: false }, { phase: false }]) {
      const { files } = generation(settings)
      const render = vi.fn(async () => body('<p>一</p>'))
      await keptBody('input', render)
      await keptBody('input', render)
      expect(render).toHaveBeenCalledTimes(2)
      expect(files()).toEqual([])
    }
  })

  it('still returns the body when the folder cannot be made', async () => {
    const { dir } = generation()
    // A file where the folder should be: no one, root included, can write in it.
    mkdirSync(path.dirname(dir), { recursive: true })
    writeFileSync(dir, '')
    const render = vi.fn(async () => body('<p>一</p>'))
    expect(await keptBody('input', render)).toEqual(body('<p>一</p>'))
    expect(await keptBody('input', render)).toEqual(body('<p>一</p>'))
    expect(render).toHaveBeenCalledTimes(2)
  })
})
