/**
 * `npm run import -- <file-or-folder>… [--out DIR] [--dry-run] [--update] [--trust-language] [--json]`:
 * turns news-feed JSON into article files under the content root (lib/import/import.ts).
 * Exits 1 only when an input cannot be read (missing, not JSON, no `data` array); bad items are
 * reported and skipped.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { env } from '@/lib/env'
import { formatImportReport, importFeeds, reportCounts } from '@/lib/import/import'

const USAGE = 'usage: npm run import -- <file-or-folder>… [--out DIR] [--dry-run] [--update] [--trust-language] [--json]'

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        update: { type: 'boolean', default: false },
        'trust-language': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exit(2)
  }
})()

if (values.help || positionals.length === 0) {
  ;(values.help ? console.log : console.error)(USAGE)
  process.exit(values.help ? 0 : 2)
}

const started = performance.now()
const report = await importFeeds({
  inputs: positionals,
  outDir: path.resolve(values.out ?? env.contentDir),
  timeZone: env.timeZone,
  dryRun: values['dry-run'],
  update: values.update,
  trustLanguage: values['trust-language'],
})
const seconds = (performance.now() - started) / 1000

if (values.json) console.log(JSON.stringify({ counts: reportCounts(report), seconds, ...report }, null, 2))
else console.log(`${formatImportReport(report)}\ndone in ${seconds.toFixed(2)} s`)
for (const { file, reason } of report.unreadable) console.error(`import: cannot use ${file}: ${reason}`)
process.exitCode = report.unreadable.length > 0 ? 1 : 0
