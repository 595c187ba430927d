/**
 * The store that several instances share (REDIS_URL): the ISR cache (lib/cache/handler.mjs) and
 * the draft-mode rate limit keep their state here when it is set. Plain JavaScript: the cache
 * handler is loaded by Next at run time, outside the bundle.
 *
 * Redis being down must never take a page down: every call gives up fast (no offline queue, a
 * short timeout) and the caller falls back to what one instance can do alone. The client keeps
 * reconnecting in the background; each change between reachable and unreachable is logged once.
 */
const COMMAND_TIMEOUT_MS = 500

export function sharedStoreUrl() {
  const value = process.env.REDIS_URL?.trim()
  return value ? value : null
}

let client = null
let connecting = null
let reachable = null

function report(up, detail) {
  if (reachable === up) return
  reachable = up
  if (up) console.log('shared cache: connected to Redis')
  else console.error(`shared cache: Redis unreachable (${detail}); this instance serves from its own cache until it is back`)
}

function connect(url) {
  // The client is loaded on first use: a build or an instance without REDIS_URL never loads it.
  connecting ??= import('@redis/client')
    .then(({ createClient }) => {
      client = createClient({
        url,
        disableOfflineQueue: true,
        socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5000) },
      })
      client.on('error', (error) => report(false, error.code ?? error.message))
      client.on('ready', () => report(true))
      return client.connect()
    })
    .catch((error) => report(false, error.code ?? error.message))
  return connecting
}

function withTimeout(promise) {
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS)
    }),
  ]).finally(() => clearTimeout(timer))
}

/**
 * Runs one command with the shared client, or returns `fallback` when no store is configured or
 * it cannot answer now.
 */
export async function withSharedStore(run, fallback) {
  const url = sharedStoreUrl()
  if (!url) return fallback
  // The first call waits for the first connection (bounded), so a fresh instance starts shared.
  await withTimeout(connect(url)).catch(() => {})
  if (!client?.isReady) return fallback
  try {
    return await withTimeout(run(client))
  } catch (error) {
    report(false, error.message)
    return fallback
  }
}

/** For the health endpoint: 'off' (not configured), 'up' (it answered a PING now) or 'down'. */
export async function sharedStoreState() {
  if (!sharedStoreUrl()) return 'off'
  return (await withSharedStore((redis) => redis.ping(), null)) === 'PONG' ? 'up' : 'down'
}
