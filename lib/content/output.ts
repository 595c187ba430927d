import path from 'node:path'

/**
 * Where the content build (lib/content/build.ts) writes what the site reads at run time
 * (lib/content/index.ts), relative to the project: the catalog of every article's metadata, and
 * the report of what was read, repaired and skipped.
 */
export const CATALOG_PATH = path.join('.contentlayer', 'catalog.json')
export const REPORT_PATH = path.join('.contentlayer', 'report.json')

/**
 * The environment variable through which a build script's page generation names the folder where
 * rendered article bodies are kept between generations on one compile (lib/content/body-cache.ts).
 */
export const BODY_CACHE_SWITCH = 'ARTICLE_BODY_CACHE'
