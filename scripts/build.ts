/**
 * `npm run build`: the content build (`npm run content`), then the search index (`npm run
 * build:search`) and the pages (scripts/next-build.ts: `next build`, or only its page generation
 * when nothing compiled has changed since the last full build).
 *
 * When only the pages are generated (a rebuild after new articles), the search index is built at
 * the same time, on the other core. A full build runs the two one after the other: each takes up
 * to 1.5 GB on the real corpus, together more than the 2 GB a build may take.
 *
 *   npm run build [-- --full]       --full: compile even when nothing compiled has changed
 *   npm run build:next [-- --full]  the pages step alone
 */
import { buildPages, planPages, runStep } from './next-build'

const full = process.argv.includes('--full')
const pagesOnly = process.argv.includes('--pages')

/**
 * Runs a step's script (what `npm run <script>` runs) with this Node and tsx directly: npm itself
 * would add half a second to every step.
 */
async function runScript(script: string, file: string): Promise<void> {
  if (!(await runStep(process.execPath, ['--import', 'tsx', file]))) throw new Error(`build: npm run ${script} (${file}) failed`)
}
const content = () => runScript('content', 'scripts/content-build.ts')
const searchIndex = () => runScript('build:search', 'scripts/build-search.ts')

/** Runs a step and returns its wall time in seconds. */
async function timed(step: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await step()
  return (performance.now() - started) / 1000
}

async function pages(): Promise<void> {
  if (!(await buildPages(plan))) throw new Error('build: next build failed')
}

const plan = planPages(full)
const started = performance.now()
const s = (seconds: number) => `${seconds.toFixed(1)} s`
try {
  if (pagesOnly) {
    await pages()
  } else {
    const contentSeconds = await timed(content)
    const mode = plan.generateOnly ? 'generated on the last compile' : 'compiled and generated'
    if (plan.generateOnly) {
      const [search, built] = await Promise.all([timed(searchIndex), timed(pages)])
      console.log(`build: content ${s(contentSeconds)}, then search index ${s(search)} beside pages ${s(built)} (${mode})`)
    } else {
      const search = await timed(searchIndex)
      const built = await timed(pages)
      console.log(`build: content ${s(contentSeconds)}, search index ${s(search)}, pages ${s(built)} (${mode})`)
    }
    console.log(`build: ${s((performance.now() - started) / 1000)} in all`)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
