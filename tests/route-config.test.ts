import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { siteConfig } from '@/lib/config'

/** Every route file under app/. */
function routeFiles(dir = 'app'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(file)
    return /^(page|route|layout)\.tsx?$/.test(entry.name) ? [file] : []
  })
}

describe('route segment config', () => {
  it('revalidates every cached route after siteConfig.revalidateSeconds (literals, as Next requires)', () => {
    const values = routeFiles().flatMap((file) => {
      const match = /export const revalidate = (\d+)/.exec(readFileSync(file, 'utf8'))
      return match ? [[file, Number(match[1])] as const] : []
    })
    expect(values.length).toBeGreaterThan(15)
    for (const [file, seconds] of values) expect(seconds, file).toBe(siteConfig.revalidateSeconds)
  })
})
