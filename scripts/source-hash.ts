/**
 * Hashes source files by content, for builds that skip work whose inputs have not changed
 * (scripts/content-build.ts's shards, scripts/next-build.ts's compile).
 */
import type { Hash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Adds each entry (a file, or every file under a folder) under `root` to `hash`: path and content, in a stable order. */
export function hashSources(hash: Hash, root: string, entries: readonly string[]): Hash {
  for (const entry of [...entries].sort()) {
    const full = path.join(root, entry)
    if (!existsSync(full)) continue
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, encoding: 'utf8' })
          .sort()
          .map((f) => path.join(full, f))
      : [full]
    for (const file of files) if (statSync(file).isFile()) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash
}
