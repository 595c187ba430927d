import { describe, expect, it } from 'vitest'
import { importFeeds, reportCounts } from '@/lib/import/import'
import { FEEDS_DIR, sharedCorpusPresent } from '@/scripts/shared-corpus'
import { loadContent, tempDir, TZ } from './helpers'

const present = sharedCorpusPresent(FEEDS_DIR, 'feed import corpus tests')

describe.skipIf(!present)('importing the real feeds', () => {
  it('writes only files the site loads without an error, and a second run imports nothing', async () => {
    const out = tempDir('import-corpus')
    const first = await importFeeds({ inputs: [FEEDS_DIR], outDir: out, timeZone: TZ })
    const counts = reportCounts(first)
    console.log(`real feeds: ${JSON.stringify(counts)}`)
    expect(first.unreadable).toEqual([])
    expect(counts.imported).toBeGreaterThan(0)
    // technews and udn label traditional-Chinese stories `en`.
    expect(counts.languageCorrected).toBeGreaterThan(0)
    for (const c of first.languageCorrections) expect([c.from, c.to]).not.toEqual(['en', 'en'])

    const { files, articles, report } = await loadContent(out)
    expect(report.errors).toEqual([])
    expect(report.warnings).toEqual([])
    expect(files).toHaveLength(counts.imported)
    expect(articles).toHaveLength(counts.imported)
    for (const a of articles) expect(a.sourceUrl, a.file).toMatch(/^https?:\/\//)

    const again = reportCounts(await importFeeds({ inputs: [FEEDS_DIR], outDir: out, timeZone: TZ }))
    console.log(`second run: ${JSON.stringify(again)}`)
    expect(again).toMatchObject({ imported: 0, updated: 0, invalid: counts.invalid })
    expect(again.existing + again.duplicates).toBe(counts.imported + counts.duplicates)
    expect((await loadContent(out)).files).toHaveLength(counts.imported)
  }, 120_000)
})
