import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Pages read the catalog and article bodies from Contentlayer's output at run time (see
  // lib/content): ship those files with every server function on Vercel.
  outputFileTracingIncludes: { '/**': ['./.contentlayer/generated/**/*'] },
}

export default withNextIntl(nextConfig)
