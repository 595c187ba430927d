import { fileURLToPath } from 'node:url'
import createNextIntlPlugin from 'next-intl/plugin'
import { editionRewrites } from './i18n/editions.mjs'
import { securityHeaders } from './lib/security-headers.mjs'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm run build:preview` builds a preview deployment next to the production build (for tests).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm test`, so of CI) checks the types; the build does not check
  // them a second time (a sixth of its time on the real corpus).
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Pages rendered at run time (long-tail articles, and the 404 of every unknown tag or id a
    // bot invents) stay in the in-memory LRU cache (cacheMaxMemorySize, 50 MB) instead of one
    // file each under .next: a crawl of made-up URLs can no longer fill the disk, and an overlong
    // slug no longer fails with ENAMETOOLONG. Build-time pages are still read from disk.
    isrFlushToDisk: false,
    // Turbopack's build cache (on by default since 16.4) costs a cold build of the real corpus a
    // fifth of its CPU and 200 MB to write, and saves only its compile step on the next build.
    turbopackFileSystemCacheForBuild: false,
    // A production build's server code is neither minified nor source-mapped (the browser's code
    // still is minified, and never had source maps): a stack trace from the server then points at
    // readable code, and the compile costs ×0.77 of the CPU (docs/architecture.md, What a build
    // costs). `next dev` keeps its source maps.
    ...(process.env.NODE_ENV === 'production' ? { turbopackSourceMaps: false, turbopackMinify: { server: false, client: true } } : {}),
  },
  // Next's cache, plus: a cached 404 or list never outlives the content build or publish time that
  // changes it (lib/cache/handler.mjs).
  cacheHandler: fileURLToPath(new URL('./lib/cache/handler.mjs', import.meta.url)),
  // Several instances sharing Redis (REDIS_URL) keep no private copy, so none serves an older page
  // than another. docs/deployment.md: the three ways to run.
  ...(process.env.REDIS_URL?.trim() ? { cacheMaxMemorySize: 0 } : {}),
  // Instances built apart (one image per machine) must agree on the build id that keys the cache.
  ...(process.env.BUILD_ID?.trim() ? { generateBuildId: () => process.env.BUILD_ID.trim() } : {}),
  // The container image (Dockerfile) runs the self-contained server Next traces into .next/standalone.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  // proxy.ts strips trailing slashes together with the other URL fixes: one 308, not two.
  skipTrailingSlashRedirect: true,
  // Pages read the catalog and article bodies from the content build's output at run time (see
  // lib/content): ship those files with every server function on Vercel.
  outputFileTracingIncludes: { '/**': ['./.contentlayer/catalog.json', './.contentlayer/shards/*/.contentlayer/generated/Article/*.json'] },
  // Content-Security-Policy, nosniff, Referrer-Policy, Permissions-Policy, HSTS: lib/security-headers.mjs.
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders({ production: process.env.NODE_ENV === 'production' }) }]
  },
  // URL → edition (i18n/editions.mjs).
  async rewrites() {
    return { afterFiles: editionRewrites() }
  },
}

export default withNextIntl(nextConfig)
