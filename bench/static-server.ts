/**
 * A static file server for the bench: Hugo + Mainroad's output (`weight`, `lighthouse`) and the
 * search index the Chromium latency test fetches (bench/search-browser.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/**
 * Serves the files under `root` at `mount` (a folder answers with its index.html) on 127.0.0.1:`port`,
 * and `home` at `/` when given; anything else is a 404. Runs `fn`, then stops.
 */
export async function withStaticServer<T>(root: string, port: number, fn: () => Promise<T>, { mount = '/', home }: { mount?: string; home?: string } = {}): Promise<T> {
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    if (home !== undefined && pathname === '/') return response.writeHead(200, { 'content-type': TYPES['.html'] }).end(home)
    let file = path.join(root, path.normalize(decodeURIComponent(pathname.slice(mount.length - 1))))
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!pathname.startsWith(mount) || !file.startsWith(path.join(root, path.sep)) || !existsSync(file)) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  try {
    return await fn()
  } finally {
    server.close()
  }
}
