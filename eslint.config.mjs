import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Thumbnails and feed images are remote, unoptimisable and may fail: a plain <img> in a
      // fixed box is the point (see components/ui/thumbnail.tsx).
      '@next/next/no-img-element': 'off',
    },
  },
  {
    ignores: [
      '.next/**',
      '.next-preview/**',
      '.preview-deployment/**',
      '.contentlayer/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench/.work/**',
      'bench/results/**',
    ],
  },
]

export default config
