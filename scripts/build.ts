/**
 * `npm run build`: the content build (`npm run content`), then the search index (`npm run
 * build:search`) and the pages (scripts/next-build.ts: `next build`, or only its page generation
 * when nothing it compiles has changed since the last full build).
 *
 * When only the pages are generated (a rebuild after new articles), Next starts with the content
 * build and loads the pages meanwhile; it reads the catalog once the content build is done (the
 * gate, lib/content/gate.ts). The search index is then built beside the pages, on the other
 * core. A full build compiles after the content build (it is bound by its CPU: a compile started
 * beside the content build saved no time on the real corpus and took 600 MB more), then builds the
 * search index beside the pages' generation, which keeps only one core busy (docs/architecture.md,
 * What a build costs).
 *
 *   npm run build [-- --full]       --full: compile even when nothing compiled has changed
 *   npm run build:next [-- --full]  the pages step alone
 *   npm run build -- --plan         say whether a build would compile or only generate, build nothing
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildPages, compilePages, GENERATE_FAILED, generatePages, PLAN_COMPILE, PLAN_GENERATE, planPages, removeGeneratedPages, runStep, tsxScript } from './next-build'

const full = process.argv.includes('--full')
const pagesOnly = process.argv.includes('--pages')
const planOnly = process.argv.includes('--plan')

/**
 * Runs a step's script (what `npm run <script>` runs) with this Node and tsx directly: npm itself
 * would add half a second to every step.
 */
async function runScript(script: string, file: string): Promise<void> {
  if (!(await runStep(...tsxScript(file)))) throw new Error(`build: npm run ${script} (${file}) failed`)
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

/**
 * A rebuild's pages: generated on the last compile by a Next started now, which waits at the gate
 * (a file that exists while the content build runs) before it reads the catalog.
 */
async function rebuild(): Promise<string> {
  const gate = path.join(plan.distDir, 'content-build-gate')
  writeFileSync(gate, '')
  const generating = (async () => {
    const started = performance.now()
    const generated = await generatePages({ CONTENT_BUILD_GATE: gate })
    return { generated, seconds: (performance.now() - started) / 1000 }
  })()
  let contentSeconds: number
  try {
    contentSeconds = await timed(content)
  } catch (error) {
    writeFileSync(gate, 'failed')
    await generating
    rmSync(gate, { force: true })
    throw error
  }
  // Next writes no page before it has read the catalog: the last build's pages go now, before the gate opens.
  removeGeneratedPages(plan)
  rmSync(gate)
  const [search, generation] = await Promise.all([timed(searchIndex), generating])
  let pagesSeconds = generation.seconds
  if (!generation.generated) {
    console.error(GENERATE_FAILED)
    pagesSeconds += await timed(async () => {
      if (!(await compilePages(plan))) throw new Error('build: next build failed')
    })
  }
  return `build: content ${s(contentSeconds)}, then search index ${s(search)} beside pages ${s(pagesSeconds)} (generated on the last compile, Next started with the content build)`
}

const plan = planPages(full)
const started = performance.now()
const s = (seconds: number) => `${seconds.toFixed(1)} s`
try {
  if (planOnly) {
    console.log(plan.generateOnly ? `build: ${PLAN_GENERATE}` : `build: ${PLAN_COMPILE}`)
  } else if (pagesOnly) {
    await pages()
  } else if (plan.generateOnly) {
    console.log(await rebuild())
    console.log(`build: ${s((performance.now() - started) / 1000)} in all`)
  } else {
    const contentSeconds = await timed(content)
    let search = 0
    const built = await timed(async () => {
      if (!(await compilePages(plan, async () => void (search = await timed(searchIndex))))) throw new Error('build: next build failed')
    })
    const order = plan.packedByTraces ? 'before them' : 'beside their generation'
    console.log(`build: content ${s(contentSeconds)}, then search index ${s(search)} ${order}, pages ${s(built)} (compiled and generated)`)
    console.log(`build: ${s((performance.now() - started) / 1000)} in all`)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
