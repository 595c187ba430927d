import path from 'node:path'

// Read at run time, not bundled: the ignore hint keeps Turbopack from tracing thousands of files
// (next.config.mjs ships them to serverless functions instead).
export const PROJECT_DIR = path.join(/* turbopackIgnore: true */ process.cwd())

/**
 * Where the content build (lib/content/build.ts) writes what the site reads at run time
 * (lib/content/index.ts), relative to the project: the catalog of every article's metadata, and
 * the report of what was read, repaired and skipped.
 */
export const CATALOG_PATH = path.join('.contentlayer', 'catalog.json')
export const REPORT_PATH = path.join('.contentlayer', 'report.json')

/**
 * Where a build keeps rendered article bodies between generations on one compile
 * (lib/content/body-cache.ts), relative to the build folder; every compile empties it.
 */
export const BODY_CACHE_PATH = path.join('cache', 'article-bodies')

/** The environment switch a build script sets on its page generations to use that folder. */
export const BODY_CACHE_SWITCH = 'ARTICLE_BODY_CACHE'
