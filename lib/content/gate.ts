import { readFileSync } from 'node:fs'

/**
 * `npm run build` starts the pages step of a rebuild while the content build still runs
 * (scripts/build.ts): Next starts and loads the pages meanwhile, and reads the catalog once the
 * content build is done. The gate is a file that exists until then; "failed" in it means the
 * content build failed. Waits (blocking: the catalog is read synchronously) until the file is gone,
 * and returns undefined: the gate is open for good.
 */
export function waitForContentBuild(gate: string, pollMs = 25): undefined {
  const sleeper = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    let state: string
    try {
      state = readFileSync(gate, 'utf8')
    } catch {
      return undefined
    }
    if (state.trim() === 'failed') throw new Error(`The content build failed (${gate}): no pages are generated from it.`)
    Atomics.wait(sleeper, 0, 0, pollMs)
  }
}
