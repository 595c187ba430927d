import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { finishContentBuild, listContentFiles, normalizeDocuments, type SourceDocument } from '@/lib/content/build'
import { CATALOG_PATH } from '@/lib/content/output'
import type { ArticleMeta } from '@/lib/content/types'
import { article, makeContentRoot, parseDocument, sources, tempDir, topics } from './helpers'

const NOW = Date.UTC(2026, 10, 28)

function messyRoot() {
  return makeContentRoot({
    'zh-CN/news/qq/GOOD1.zh-CN.md': article('title: "好文章"\ndate: "2026-11-01 10:00:00"\ntags: "科技"'),
    'zh-CN/news/qq/CTRL1.zh-CN.md': article('title: "控制\u008F字符"\ndate: "2026-11-02 10:00:00"'),
    'zh-CN/news/qq/DRAFT1.zh-CN.md': article('title: "草稿"\ndate: "2026-11-03 10:00:00"\ndraft: true'),
    'zh-CN/news/qq/FUTURE1.zh-CN.md': article('title: "未来"\ndate: "2099-01-01 10:00:00"'),
    'zh-CN/news/qq/NODATE.zh-CN.md': article('title: "没有日期"\ndate: ""'),
    'zh-CN/news/qq/BADYAML.zh-CN.md': article('title: "坏的\ndate: [unclosed'),
    'en/news/ap/SAME.en.md': article('title: "One"\ndate: "2026-11-01 10:00:00"', 'Text.'),
    'en-US/news/ap/SAME.en-US.md': article('title: "Two"\ndate: "2026-11-01 10:00:00"', 'Text.'),
  })
}

/** Two shards, as scripts/content-build.ts makes them: zh-CN in one, the English editions in the other. */
async function build(root: string, strict = false) {
  const files = await listContentFiles(root)
  const documents = files.map((f) => parseDocument(root, f)).filter((d): d is SourceDocument => d !== null)
  const shards = [documents.filter((d) => d._raw.sourceFilePath.startsWith('zh-')), documents.filter((d) => !d._raw.sourceFilePath.startsWith('zh-'))].map((docs) =>
    normalizeDocuments(docs, 'Asia/Shanghai', (file) => `bodies/${file}.json`, topics),
  )
  const projectDir = tempDir('out')
  mkdirSync(path.join(projectDir, '.contentlayer'))
  const log: string[] = []
  const result = await finishContentBuild({ shards, sources, contentDir: root, projectDir, strict, now: NOW, log: (m) => log.push(m) })
  const catalog = JSON.parse(readFileSync(path.join(projectDir, CATALOG_PATH), 'utf8')) as ArticleMeta[]
  return { ...result, catalog, output: log.join('\n'), outDir: projectDir }
}

describe('content build', () => {
  it('counts what it read, published, held back and skipped', async () => {
    const { report } = await build(messyRoot())
    expect(report).toMatchObject({ read: 8, published: 3, unpublished: 2, skipped: 3 })
  })

  it('reports every skipped file with its field and reason, and prints them', async () => {
    const { report, output } = await build(messyRoot())
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'zh-CN/news/qq/NODATE.zh-CN.md', field: 'date', message: 'missing or empty' }),
        expect.objectContaining({ file: 'zh-CN/news/qq/BADYAML.zh-CN.md', field: 'front matter', message: expect.stringContaining('invalid YAML') }),
        expect.objectContaining({ file: 'en/news/ap/SAME.en.md', field: 'path', message: expect.stringContaining('en-US/news/ap/SAME.en-US.md') }),
      ]),
    )
    expect(output).toContain('read 8, published 3, unpublished 2 (drafts/scheduled), skipped 3')
    expect(output).toContain('zh-CN/news/qq/BADYAML.zh-CN.md [front matter]')
  })

  it('repairs what is safe to repair, with warnings, and keeps those articles', async () => {
    const { report, catalog } = await build(messyRoot())
    expect(report.warnings.map((w) => `${w.file}:${w.field}`).sort()).toEqual(['zh-CN/news/qq/CTRL1.zh-CN.md:title', 'zh-CN/news/qq/GOOD1.zh-CN.md:tags'])
    expect(catalog.find((a) => a.id === 'CTRL1')?.title).toBe('控制字符')
  })

  it('records where each body can be read back', async () => {
    const { catalog } = await build(messyRoot())
    expect(catalog.find((a) => a.id === 'GOOD1')?.bodyFile).toBe('bodies/zh-CN/news/qq/GOOD1.zh-CN.md.json')
  })

  it('keeps drafts and scheduled articles in the catalog, flagged, newest first', async () => {
    const { catalog } = await build(messyRoot())
    expect(catalog.map((a) => a.id)).toEqual(['FUTURE1', 'DRAFT1', 'CTRL1', 'SAME', 'GOOD1'])
    expect(catalog.find((a) => a.id === 'DRAFT1')?.draft).toBe(true)
  })

  it('fails in strict mode and passes otherwise', async () => {
    expect((await build(messyRoot(), true)).exitCode).toBe(1)
    expect((await build(messyRoot(), false)).exitCode).toBe(0)
    const clean = makeContentRoot({ 'zh-CN/news/qq/OK.zh-CN.md': article('title: "好"\ndate: "2026-11-01 10:00:00"') })
    expect((await build(clean, true)).exitCode).toBe(0)
  })

  it('writes the catalog without article bodies', async () => {
    const { outDir } = await build(makeContentRoot({ 'zh-CN/news/qq/OK.zh-CN.md': article('title: "好"\ndate: "2026-11-01 10:00:00"', `${'正文'.repeat(200)}BODYEND`) }))
    expect(existsSync(path.join(outDir, CATALOG_PATH))).toBe(true)
    expect(readFileSync(path.join(outDir, CATALOG_PATH), 'utf8')).not.toContain('BODYEND')
  })
})
