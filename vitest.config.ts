import { availableParallelism } from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  // Vitest's default (one worker less than the cores) is a single worker on two cores, and then the
  // real builds of tests/prerender.test.ts hold up every other file.
  test: { include: ['tests/**/*.test.ts'], environment: 'node', maxWorkers: Math.max(2, availableParallelism() - 1) },
})
