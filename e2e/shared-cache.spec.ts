import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { rawRequest, runContentBuild, testSourceFolder, writeTestArticle } from './fixtures'

/**
 * Two `next start` instances of the production build sharing one Redis (REDIS_URL), as behind a
 * load balancer: what one renders the other serves from the shared cache, a content build reaches
 * both, a Redis outage leaves both serving, and write methods poison neither. Runs after the other
 * projects (it runs content builds), with its own Redis and ports.
 */
test.describe.configure({ mode: 'serial' })
test.setTimeout(180_000)

const base = Number(process.env.E2E_PORT ?? 3210)
const REDIS_PORT = base + 20
const instances = [new URL(`http://127.0.0.1:${base + 10}`), new URL(`http://127.0.0.1:${base + 11}`)]
const SOURCE = 'e2e-shared'
const folder = testSourceFolder(SOURCE)
const children: ChildProcess[] = []
let redis: ChildProcess | null = null
const logs: string[] = []

const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => existsSync(file))

function startRedis() {
  redis = spawn(REDIS_SERVER!, ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
}

async function stopRedis() {
  if (!redis) return
  const exited = new Promise((resolve) => redis!.once('exit', resolve))
  redis.kill('SIGKILL')
  await exited
  redis = null
}

async function health(origin: URL): Promise<{ status: string; sharedCache: string } | null> {
  try {
    const answer = await rawRequest(origin, '/api/health')
    return answer.status === 200 ? (JSON.parse(answer.body) as { status: string; sharedCache: string }) : null
  } catch {
    return null
  }
}

const cacheState = async (origin: URL, pathname: string) => {
  const answer = await rawRequest(origin, encodeURI(pathname))
  return `${answer.status} ${String(answer.headers['x-nextjs-cache'] ?? '')}`
}

test.beforeAll(async () => {
  expect(REDIS_SERVER, 'redis-server is needed for this test: apt-get install redis-server').toBeTruthy()
  startRedis()
  for (const origin of instances) {
    const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', origin.port], {
      env: {
        ...process.env,
        REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
        NEXT_TELEMETRY_DISABLED: '1',
        SITE_URL: 'http://localhost:3000',
        PREVIEW_SECRET: 'shared-secret',
        TRUSTED_PROXIES: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (d: Buffer) => logs.push(`[${origin.port}] ${d}`))
    child.stderr!.on('data', (d: Buffer) => logs.push(`[${origin.port}] ${d}`))
    children.push(child)
  }
  for (const origin of instances) {
    await expect.poll(async () => (await health(origin))?.sharedCache, { timeout: 60_000, intervals: [500] }).toBe('up')
  }
})

test.afterAll(async () => {
  for (const child of children) child.kill('SIGTERM')
  await stopRedis()
  rmSync(folder, { recursive: true, force: true })
  runContentBuild()
})

test('what one instance renders, the other serves from the shared cache', async () => {
  for (const pathname of ['/tags/人工智能/index.xml', '/categories/qq/atom.xml', '/en/tags/ai-ml/feed.json']) {
    expect(await cacheState(instances[0]!, pathname), pathname).toBe('200 MISS')
    expect(await cacheState(instances[1]!, pathname), pathname).toBe('200 HIT')
  }
})

test('a content build reaches both instances, even where a 404 was cached', async () => {
  const url = `/news/${SOURCE}/shared01`
  for (const origin of instances) expect((await rawRequest(origin, url)).status).toBe(404)
  writeTestArticle(SOURCE, 'shared01', '共享缓存：两台都看得到', Date.now() - 60_000)
  runContentBuild()
  for (const origin of instances) {
    await expect.poll(async () => (await rawRequest(origin, url)).status, { timeout: 20_000, intervals: [500] }).toBe(200)
    // Lists cached before the build are rendered again on a following request.
    await expect.poll(async () => (await rawRequest(origin, '/')).body, { timeout: 20_000, intervals: [1000] }).toContain('共享缓存：两台都看得到')
  }
})

test('with Redis down both instances keep serving, and share again once it is back', async () => {
  await stopRedis()
  for (const origin of instances) {
    for (const pathname of ['/', '/news/qq/20250212a03tsr00', '/tags/芯片/index.xml', '/en/tags/chiplets']) {
      expect((await rawRequest(origin, encodeURI(pathname))).status, `${origin.port}${pathname}`).toBe(200)
    }
    await expect.poll(async () => (await health(origin))?.sharedCache, { timeout: 10_000 }).toBe('down')
  }
  expect(logs.join('')).toContain('shared cache: Redis unreachable')
  startRedis()
  for (const origin of instances) await expect.poll(async () => (await health(origin))?.sharedCache, { timeout: 30_000, intervals: [500] }).toBe('up')
  expect(await cacheState(instances[1]!, '/tags/通信/atom.xml')).toBe('200 MISS')
  expect(await cacheState(instances[0]!, '/tags/通信/atom.xml')).toBe('200 HIT')
})

test('draft-mode failures count on every instance: a guesser cannot spread guesses over them', async () => {
  const headers = { 'x-forwarded-for': 'shared-cache-guesser' }
  const statuses: number[] = []
  for (let i = 0; i < 12; i++) statuses.push((await rawRequest(instances[i % 2]!, '/api/draft?secret=guess', { headers })).status)
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
  expect(statuses.slice(10)).toEqual([429, 429])
})

test('write methods poison neither instance', async () => {
  for (const origin of instances) {
    for (const method of ['DELETE', 'POST', 'PUT']) expect((await rawRequest(origin, '/index.xml', { method })).status).toBe(405)
  }
  for (const origin of instances) {
    const feed = await rawRequest(origin, '/index.xml')
    expect(feed.status).toBe(200)
    expect(feed.body).toMatch(/^<\?xml[\s\S]*<item>/)
  }
})
