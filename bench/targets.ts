/**
 * Every target the bench checks, in one table: the rows of `npm run bench` (bench/run.ts) and of
 * the search section (bench/search.ts) print their target column and ✓/✗ from here.
 */

/** How a measured value meets its limit: at most, at least, exactly, or at most in absolute value. */
export type Comparison = 'max' | 'min' | 'equal' | 'within'

export interface Target {
  /** What is measured, and against what. */
  description: string
  compare: Comparison
  limit: number
  /** Printed before the comparison, e.g. `p95`. */
  statistic?: string
  /** Printed after the limit, e.g. `errors`. */
  unit?: string
  /** How the limit prints (default: the number as is). */
  format?: (limit: number) => string
}

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`
const times = (ratio: number) => `×${ratio}`
const MiB = 2 ** 20

export const TARGETS = {
  buildPeakRssMiB: {
    description: 'peak RSS of the `npm run build` process tree, MiB (a 2 GiB machine builds the site)',
    compare: 'max',
    limit: 2048,
  },
  buildCpuToHugo: {
    description: 'CPU seconds of the cold build over those of Hugo + Mainroad on the same content, in the same run',
    compare: 'max',
    limit: 0.5,
    format: times,
  },
  buildWallToHugo: {
    description: 'wall time of the cold build over that of Hugo + Mainroad on the same content, in the same run',
    compare: 'max',
    limit: 1,
    format: times,
  },
  buildPeakToHugo: {
    description:
      'peak memory of the build over that of Hugo + Mainroad, same content, same run: each process tree’s summed PSS (a page shared by several processes counted once), sampled alike',
    compare: 'max',
    limit: 1,
    format: times,
  },
  scaleRatioToHugoGrowth: {
    description: 'on a synthetic corpus, our CPU over Hugo’s divided by the same ratio on the real corpus (must not grow)',
    compare: 'max',
    limit: 1,
    format: times,
  },
  rebuildWallRatio: {
    description: 'wall time of `npm run build` after adding one article, as a fraction of the full build',
    compare: 'max',
    limit: 0.25,
  },
  refreshWallRatio: {
    description: 'wall time of `npm run content` beside a running server, as a fraction of the full build',
    compare: 'max',
    limit: 0.2,
  },
  refreshServedStatus: {
    description: 'HTTP status of the article added by that content build, asked of the running server',
    compare: 'equal',
    limit: 200,
  },
  serveErrors: {
    description: 'errors, timeouts and non-2xx answers while serving one page under load',
    compare: 'equal',
    limit: 0,
    unit: 'errors',
  },
  isrFirstRenderMs: {
    description: 'first render of a long-tail (ISR) article, requests one at a time, ms',
    compare: 'max',
    limit: 200,
    statistic: 'p95',
  },
  missingArticleStatus: {
    description: 'HTTP status of an article that does not exist',
    compare: 'equal',
    limit: 404,
  },
  loadFailures: {
    description: 'errors, timeouts and non-2xx answers during the news spike and the requests around it',
    compare: 'equal',
    limit: 0,
  },
  loadHeapGrowth: {
    description: 'server heap after a full GC, after 100k requests against after 10k (the leak test)',
    compare: 'within',
    limit: 0.2,
    format: percent,
  },
  clusterCrossInstanceHitRate: {
    description: 'pages rendered by one instance that the other serves from the shared cache',
    compare: 'equal',
    limit: 1,
    format: percent,
  },
  sitemapUrls: {
    description: 'URLs in one sitemap file (the sitemaps protocol limit)',
    compare: 'max',
    limit: 50_000,
    unit: 'URLs',
    format: (limit: number) => limit.toLocaleString('en'),
  },
  sitemapBytes: {
    description: 'bytes of one uncompressed sitemap file (the sitemaps protocol limit)',
    compare: 'max',
    limit: 50 * MiB,
    unit: 'MiB',
    format: (limit: number) => String(limit / MiB),
  },
  articleWeightToFloor: {
    description: 'gzip bytes of an article page (HTML + CSS + JS) over those of an empty App Router page',
    compare: 'max',
    limit: 1.3,
  },
  lighthousePerfVsHugo: {
    description: 'Lighthouse mobile performance (median of 3), ours minus Hugo + Mainroad’s on the same page, same run',
    compare: 'min',
    limit: 0,
  },
  lighthouseScore: {
    description: 'Lighthouse accessibility, best practices and SEO, mobile, median of 3',
    compare: 'equal',
    limit: 100,
    unit: 'each',
  },
  searchFirstQueryKB: {
    description: 'gzip KB a first query fetches in the worst case, index data plus the FlexSearch bundle',
    compare: 'max',
    limit: 70,
  },
  searchNodeWarmMs: {
    description: 'search latency in Node, shards cached, ms',
    compare: 'max',
    limit: 5,
    statistic: 'p95',
  },
  searchBrowserWarmMs: {
    description: 'search latency in Chromium, shards cached, ms',
    compare: 'max',
    limit: 5,
    statistic: 'p95',
  },
  searchRecall: {
    description: 'recall@20 against brute-force ground truth, per story, mean over a language’s queries',
    compare: 'min',
    limit: 0.99,
  },
  searchPrecision: {
    description: 'precision@20 against brute-force ground truth, per story, mean over a language’s queries',
    compare: 'min',
    limit: 0.95,
  },
  searchRepeatedStories: {
    description: 'result lists in which a story appears twice',
    compare: 'equal',
    limit: 0,
  },
} satisfies Record<string, Target>

export type TargetName = keyof typeof TARGETS

const SIGN: Record<Comparison, string> = { max: '≤', min: '≥', equal: '', within: 'within' }

export function meets(name: TargetName, value: number): boolean {
  const target: Target = TARGETS[name]
  switch (target.compare) {
    case 'max':
      return value <= target.limit
    case 'min':
      return value >= target.limit
    case 'equal':
      return value === target.limit
    case 'within':
      return Math.abs(value) <= target.limit
  }
}

/** The target as the table prints it, e.g. `p95 ≤ 5`, `0 errors`, `within 20 %`. */
export function targetText(name: TargetName): string {
  const target: Target = TARGETS[name]
  const limit = target.format ? target.format(target.limit) : String(target.limit)
  return [target.statistic, SIGN[target.compare], limit, target.unit].filter(Boolean).join(' ')
}

export const mark = (ok: boolean) => (ok ? '✓' : '✗')

/** The target column of a row: the target and whether the value meets it. */
export function check(name: TargetName, value: number): string {
  return `${targetText(name)} ${mark(meets(name, value))}`
}
