import path from 'node:path'

/**
 * Where the content build (lib/content/build.ts) writes what the site reads at run time
 * (lib/content/index.ts), relative to the project: the catalog of every article's metadata, and
 * the report of what was read, repaired and skipped.
 */
export const CATALOG_PATH = path.join('.contentlayer', 'catalog.json')
export const REPORT_PATH = path.join('.contentlayer', 'report.json')
