import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeIndexFolder } from '@/lib/search/write'
import { tempDir } from './helpers'

/** Every file under a folder, by path relative to it, with its content. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name)
        return [path.relative(dir, file), readFileSync(file, 'utf8')]
      }),
  )
}

const first = new Map([
  ['manifest.json', '{"count":2}'],
  ['shards/0.json', '[["a",[[0],[]]]]'],
  ['shards/1.json', '[["b",[[1],[]]]]'],
  ['text/0.txt', 'zero'],
  ['text/1.txt', 'one'],
])

describe('writing the search index folder', () => {
  it('writes a whole index, then an update that keeps the unchanged files as links to the old ones', async () => {
    const out = path.join(tempDir('search-write'), 'search')
    expect(await writeIndexFolder(out, first)).toBe(true)
    expect(contents(out)).toEqual(Object.fromEntries(first))
    const inode = statSync(path.join(out, 'text/0.txt')).ino

    const written = new Map([
      ['manifest.json', '{"count":3}'],
      ['shards/1.json', '[["b",[[1,1],[]]]]'],
      ['text/2.txt', 'two'],
    ])
    const kept = ['shards/0.json', 'text/0.txt', 'text/1.txt']
    expect(await writeIndexFolder(out, written, kept)).toBe(true)
    expect(contents(out)).toEqual({ ...Object.fromEntries(first), ...Object.fromEntries(written) })
    expect(statSync(path.join(out, 'text/0.txt')).ino).toBe(inode)
    expect(existsSync(`${out}.tmp`) || existsSync(`${out}.old`)).toBe(false)
  })

  it('leaves the old index as it was when a file to keep is missing, so the caller can build it whole', async () => {
    const out = path.join(tempDir('search-write'), 'search')
    await writeIndexFolder(out, first)
    rmSync(path.join(out, 'shards/0.json'))
    const before = contents(out)
    expect(await writeIndexFolder(out, new Map([['manifest.json', '{"count":3}']]), ['shards/0.json', 'text/0.txt'])).toBe(false)
    expect(contents(out)).toEqual(before)
    expect(existsSync(`${out}.tmp`)).toBe(false)
  })
})
