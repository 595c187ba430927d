// `npm run dev`: one content build, then Contentlayer's watcher and `next dev` side by side.
import { spawn, spawnSync } from 'node:child_process'

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname
const first = spawnSync(bin('contentlayer2'), ['build'], { stdio: 'inherit' })
if (first.status !== 0) process.exit(first.status ?? 1)

const children = [
  spawn(bin('contentlayer2'), ['dev'], { stdio: 'inherit' }),
  spawn(bin('next'), ['dev', ...process.argv.slice(2)], { stdio: 'inherit' }),
]
const stop = (code) => {
  for (const child of children) child.kill('SIGTERM')
  process.exit(code)
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
