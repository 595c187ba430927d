/**
 * Runs npm scripts at the same time, for checks that each keep one core busy (`npm test` runs
 * `typecheck` and `lint` this way). Each script's output is held and printed whole when it ends,
 * so two never interleave; the run fails, naming the scripts that failed, when any does.
 *
 *   node --import tsx scripts/parallel.ts <npm script>…
 */
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
if (scripts.length === 0) throw new Error('usage: parallel.ts <npm script>…')

function run(script: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    let reported = false
    // A failed spawn emits 'error' and then 'close': report once.
    const report = (ok: boolean, why: string) => {
      if (reported) return
      reported = true
      process.stdout.write(Buffer.concat(output))
      if (!ok) console.error(`npm run ${script}: ${why}`)
      resolve(ok)
    }
    child.on('error', (error) => report(false, error.message))
    child.on('close', (code, signal) => report(code === 0, signal ? `killed by ${signal}` : `exit code ${code}`))
  })
}

const results = await Promise.all(scripts.map(run))
const failed = scripts.filter((_, i) => !results[i])
if (failed.length > 0) {
  console.error(`failed: ${failed.map((script) => `npm run ${script}`).join(', ')}`)
  process.exit(1)
}
