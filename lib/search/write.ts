/**
 * Writes a search index folder (Node, at build time): the new index is written beside the old one,
 * then swapped in, so a running server never serves half of one. The files an update keeps are
 * hard links to the old index's (nothing copied); the others are written a few at a time
 * (thousands of files: one by one took seconds).
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { link, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Replaces the index in `outDir` with `files` (path relative to the folder → content) and the old
 * index's `kept` files. False, with the old index left as it was and a warning naming the file,
 * when a kept file cannot be linked (the caller then builds the index whole); any other failure
 * throws.
 */
export async function writeIndexFolder(outDir: string, files: Map<string, string>, kept: readonly string[] = []): Promise<boolean> {
  const tmpDir = `${outDir}.tmp`
  const oldDir = `${outDir}.old`
  await Promise.all([rm(tmpDir, { recursive: true, force: true }), rm(oldDir, { recursive: true, force: true })])
  for (const dir of new Set([...files.keys(), ...kept].map((name) => path.dirname(path.join(tmpDir, name))))) mkdirSync(dir, { recursive: true })
  try {
    await inParallel(kept, (name) => link(path.join(outDir, name), path.join(tmpDir, name)))
  } catch (error) {
    // The file system's message names the file (e.g. ENOENT … link '<old>' -> '<new>').
    console.warn(`search index: a file of the last index could not be kept (${error instanceof Error ? error.message : String(error)})`)
    await rm(tmpDir, { recursive: true, force: true })
    return false
  }
  await inParallel([...files], ([name, content]) => writeFile(path.join(tmpDir, name), content))
  if (existsSync(outDir)) renameSync(outDir, oldDir)
  renameSync(tmpDir, outDir)
  await rm(oldDir, { recursive: true, force: true })
  return true
}

/** Runs `task` on every item, 32 at a time. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items]
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let item = queue.pop(); item !== undefined; item = queue.pop()) await task(item)
    }),
  )
}
