import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm run build:preview` builds a preview deployment next to the production build (for tests).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // proxy.ts strips trailing slashes together with the other URL fixes: one 308, not two.
  skipTrailingSlashRedirect: true,
  // Pages read the catalog and article bodies from the content build's output at run time (see
  // lib/content): ship those files with every server function on Vercel.
  outputFileTracingIncludes: { '/**': ['./.contentlayer/catalog.json', './.contentlayer/shards/*/.contentlayer/generated/Article/*.json'] },
  // URL → edition. Plain rewrites rather than next-intl's middleware: Next 16 turns middleware
  // rewrites into redirect loops under `next start` (vercel/next.js#94342). The editions
  // themselves are defined in i18n/routing.ts.
  async rewrites() {
    return {
      afterFiles: [
        { source: '/zh-tw/:path*', destination: '/zh-TW/:path*' },
        { source: '/zh-hk/:path*', destination: '/zh-HK/:path*' },
        { source: '/', destination: '/zh-CN' },
        { source: '/:path((?!en(?:/|$)|zh-TW(?:/|$)|zh-HK(?:/|$)|zh-CN(?:/|$)).*)', destination: '/zh-CN/:path' },
      ],
    }
  },
}

export default withNextIntl(nextConfig)
