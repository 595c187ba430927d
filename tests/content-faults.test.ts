import { execFile, execFileSync } from 'node:child_process'
import type { Dirent } from 'node:fs'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { readdir, readlink, realpath, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  explainUnparsed,
  findUnreadable,
  finishContentBuild,
  listContentFiles,
  normalizeDocuments,
  scanContent,
  type ContentScan,
  type ScanFs,
  type SourceDocument,
} from '@/lib/content/build'
import type { ContentReport } from '@/lib/content/types'
import { article, makeContentRoot, parseDocument, sources, tempDir, topics } from './helpers'

/**
 * A content folder with things in it that are not articles, or that cannot be read: each is
 * reported (file and reason) and every other article still builds. The machine runs as root, so
 * permission errors cannot be produced with chmod: they are injected through the scan's `ScanFs`
 * and `findUnreadable`'s reader. An I/O error is real: a link to /proc/self/mem, which the kernel
 * lists as a regular file and refuses to read (EIO).
 */
const NOW = Date.UTC(2026, 10, 28)
const LAB = 'zh-CN/news/lab'
const good = (day: number) => article(`title: "好文章${day}"\ndate: "2026-11-0${day} 10:00:00"`)
const canMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const hasProcMem = existsSync('/proc/self/mem')

/** Two good articles plus the faults named in `faults`, in one source folder. */
function faultyRoot(faults: ('loop' | 'dangling' | 'folder' | 'fifo' | 'self' | 'eio' | 'alias' | 'twin')[]): string {
  const root = makeContentRoot({ [`${LAB}/GOOD1.zh-CN.md`]: good(1), [`${LAB}/GOOD2.zh-CN.md`]: good(2) })
  const lab = path.join(root, LAB)
  for (const fault of faults) {
    if (fault === 'loop') symlinkSync('.', path.join(lab, 'a'))
    if (fault === 'dangling') symlinkSync('missing.zh-CN.md', path.join(lab, 'X.zh-CN.md'))
    if (fault === 'folder') mkdirSync(path.join(lab, 'Y.zh-CN.md'))
    if (fault === 'fifo') execFileSync('mkfifo', [path.join(lab, 'Z.zh-CN.md')])
    if (fault === 'self') symlinkSync('SELF.zh-CN.md', path.join(lab, 'SELF.zh-CN.md'))
    if (fault === 'eio') symlinkSync('/proc/self/mem', path.join(lab, 'EIO.zh-CN.md'))
    // A link to a good article: an ordinary file for the build.
    if (fault === 'alias') symlinkSync('GOOD1.zh-CN.md', path.join(lab, 'ALIAS.zh-CN.md'))
    // The same folder under a second name: read once.
    if (fault === 'twin') symlinkSync('lab', path.join(root, 'zh-CN/news/twin'))
  }
  return root
}

const problem = (scan: ContentScan, file: string) => scan.problems.find((p) => p.file === file)

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code })
}

describe('scanning a content folder with faults', () => {
  it('reports a symbolic link loop, does not follow it, and lists every article once', async () => {
    const scan = await scanContent(faultyRoot(['loop']))
    expect(scan.files).toEqual([`${LAB}/GOOD1.zh-CN.md`, `${LAB}/GOOD2.zh-CN.md`])
    expect(problem(scan, `${LAB}/a`)).toEqual({
      file: `${LAB}/a`,
      field: 'file',
      message: `symbolic link loop: leads back to ${LAB}; not followed`,
      severity: 'error',
      article: false,
    })
    expect(scan.excluded).toEqual([`${LAB}/a`])
  })

  it('reports a broken symbolic link named like an article as an article it could not read', async () => {
    const scan = await scanContent(faultyRoot(['dangling']))
    expect(scan.files).toEqual([`${LAB}/GOOD1.zh-CN.md`, `${LAB}/GOOD2.zh-CN.md`])
    expect(problem(scan, `${LAB}/X.zh-CN.md`)).toMatchObject({ message: 'broken symbolic link to missing.zh-CN.md: it does not exist; not read', severity: 'error', article: true })
  })

  it('reports a link to itself (ELOOP)', async () => {
    const scan = await scanContent(faultyRoot(['self']))
    expect(problem(scan, `${LAB}/SELF.zh-CN.md`)?.message).toBe('symbolic link loop (SELF.zh-CN.md): too many symbolic links encountered (ELOOP); not read')
  })

  it('warns about a folder named like an article file', async () => {
    const scan = await scanContent(faultyRoot(['folder']))
    expect(scan.files).toHaveLength(2)
    expect(problem(scan, `${LAB}/Y.zh-CN.md`)).toMatchObject({
      message: 'a folder named like an article file: read as a folder, not as an article',
      severity: 'warning',
      article: false,
    })
  })

  it.skipIf(!canMkfifo)('reports a named pipe and never opens it (that would wait forever)', async () => {
    const scan = await scanContent(faultyRoot(['fifo']))
    expect(scan.files).toHaveLength(2)
    expect(problem(scan, `${LAB}/Z.zh-CN.md`)).toMatchObject({ message: 'a named pipe (FIFO), not a file: not read', article: true })
    expect(scan.excluded).toContain(`${LAB}/Z.zh-CN.md`)
  })

  it('follows a link to an article, and reads a folder linked twice only once', async () => {
    const scan = await scanContent(faultyRoot(['alias', 'twin']))
    expect(scan.files).toEqual([`${LAB}/ALIAS.zh-CN.md`, `${LAB}/GOOD1.zh-CN.md`, `${LAB}/GOOD2.zh-CN.md`])
    expect(problem(scan, 'zh-CN/news/twin')).toMatchObject({ message: `the same folder as ${LAB}: its files are read there only`, severity: 'warning' })
  })

  it('reports a folder it may not open (EACCES, injected) and keeps scanning the rest', async () => {
    const root = makeContentRoot({ [`${LAB}/GOOD1.zh-CN.md`]: good(1), 'zh-CN/news/locked/L.zh-CN.md': good(2), 'en/news/ap/E.en.md': good(3) })
    const fs: ScanFs = {
      readdir: async (dir) => {
        if (dir.endsWith(`${path.sep}locked`)) throw errnoError('EACCES', `permission denied, scandir '${dir}'`)
        return (await readdir(dir, { withFileTypes: true })) as Dirent[]
      },
      stat: (file) => stat(file),
      realpath: (file) => realpath(file),
      readlink: (file) => readlink(file),
    }
    const scan = await scanContent(root, fs)
    expect(scan.files).toEqual(['en/news/ap/E.en.md', `${LAB}/GOOD1.zh-CN.md`])
    expect(scan.problems).toEqual([
      { file: 'zh-CN/news/locked', field: 'file', message: 'cannot read this folder: permission denied (EACCES); its files are skipped', severity: 'error', article: false },
    ])
    expect(scan.excluded).toEqual(['zh-CN/news/locked'])
  })

  it('fails on a content root that does not exist (a configuration error, not a content problem)', async () => {
    await expect(listContentFiles(path.join(tmpdir(), 'no-such-content-root-xyz'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('files that cannot be read', () => {
  it('finds them with the reason (EACCES and EIO injected through the reader)', async () => {
    const root = faultyRoot([])
    const files = [`${LAB}/GOOD1.zh-CN.md`, `${LAB}/GOOD2.zh-CN.md`, `${LAB}/GOOD3.zh-CN.md`]
    const unreadable = await findUnreadable(root, files, async (file) => {
      if (file.endsWith('GOOD2.zh-CN.md')) throw errnoError('EACCES', `permission denied, open '${file}'`)
      if (file.endsWith('GOOD3.zh-CN.md')) throw errnoError('EIO', 'i/o error, read')
    })
    expect(unreadable).toEqual([
      { file: `${LAB}/GOOD2.zh-CN.md`, field: 'file', message: 'cannot read this file: permission denied (EACCES); skipped', severity: 'error', article: true },
      { file: `${LAB}/GOOD3.zh-CN.md`, field: 'file', message: 'cannot read this file: i/o error (EIO); skipped', severity: 'error', article: true },
    ])
  })

  it.skipIf(!hasProcMem)('finds a real I/O error with the default reader', async () => {
    const root = faultyRoot(['eio'])
    const scan = await scanContent(root)
    // The kernel lists /proc/self/mem as a regular file: only reading it fails.
    expect(scan.files).toContain(`${LAB}/EIO.zh-CN.md`)
    expect(await findUnreadable(root, scan.files)).toEqual([expect.objectContaining({ file: `${LAB}/EIO.zh-CN.md`, message: 'cannot read this file: i/o error (EIO); skipped' })])
    expect(await explainUnparsed(root, `${LAB}/EIO.zh-CN.md`)).toEqual({ file: `${LAB}/EIO.zh-CN.md`, field: 'file', message: 'cannot read this file: i/o error (EIO); skipped' })
  })
})

describe('the merge step with a faulty folder', () => {
  it('builds every other article and reports each fault with its file and reason', async () => {
    const root = faultyRoot(['loop', 'dangling', 'folder', 'self', ...(canMkfifo ? (['fifo'] as const) : [])])
    const scan = await scanContent(root)
    const documents = scan.files.map((f) => parseDocument(root, f)).filter((d): d is SourceDocument => d !== null)
    const projectDir = tempDir('out')
    mkdirSync(path.join(projectDir, '.contentlayer'))
    const log: string[] = []
    const { report, articles, exitCode } = await finishContentBuild({
      sources,
      shards: [normalizeDocuments(documents, 'Asia/Shanghai', (f) => f, topics)],
      contentDir: root,
      projectDir,
      strict: false,
      now: NOW,
      scan,
      log: (m) => log.push(m),
    })
    expect(exitCode).toBe(0)
    expect(articles.map((a) => a.id).sort()).toEqual(['GOOD1', 'GOOD2'])
    const notRead = canMkfifo ? 3 : 2
    expect(report).toMatchObject({ read: 2 + notRead, published: 2, skipped: notRead })
    const output = log.join('\n')
    expect(output).toContain(`error ${LAB}/a [file] symbolic link loop: leads back to ${LAB}; not followed`)
    expect(output).toContain(`error ${LAB}/X.zh-CN.md [file] broken symbolic link to missing.zh-CN.md: it does not exist; not read`)
    expect(output).toContain(`error ${LAB}/SELF.zh-CN.md [file] symbolic link loop`)
    expect(output).toContain(`warning ${LAB}/Y.zh-CN.md [file] a folder named like an article file`)
    if (canMkfifo) expect(output).toContain(`error ${LAB}/Z.zh-CN.md [file] a named pipe (FIFO), not a file: not read`)
    // Strict content CI fails on any of them.
    const strict = await finishContentBuild({
      sources,
      shards: [normalizeDocuments(documents, 'Asia/Shanghai', (f) => f, topics)],
      contentDir: root,
      projectDir,
      strict: true,
      now: NOW,
      scan,
      log: () => {},
    })
    expect(strict.exitCode).toBe(1)
  })
})

/**
 * The real `npm run content` (Contentlayer in a child process) in a throwaway project that shares
 * this checkout's code but has its own `.contentlayer/`, so the checkout's build is left alone.
 */
function throwawayProject(): string {
  const project = tempDir('project')
  const here = process.cwd()
  for (const entry of ['lib', 'i18n', 'messages', 'data', 'node_modules', 'contentlayer.config.ts', 'tsconfig.json', 'package.json']) {
    symlinkSync(path.join(here, entry), path.join(project, entry))
  }
  // A copy, not a link: the script finds the project folder from its own location.
  mkdirSync(path.join(project, 'scripts'))
  for (const script of ['content-build.ts', 'contentlayer-shard.mjs', 'source-hash.ts']) copyFileSync(path.join(here, 'scripts', script), path.join(project, 'scripts', script))
  mkdirSync(path.join(project, '.contentlayer'))
  return project
}

describe('npm run content on a faulty folder', () => {
  it('finishes (no crash, no hang), publishes the good articles and names every fault', async () => {
    const root = faultyRoot(['loop', 'dangling', 'folder', ...(canMkfifo ? (['fifo'] as const) : []), ...(hasProcMem ? (['eio'] as const) : [])])
    const project = throwawayProject()
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'content'], {
      cwd: project,
      env: { ...process.env, CONTENT_DIR: root, CONTENT_STRICT: '' },
      timeout: 60_000,
    })
    const report = JSON.parse(readFileSync(path.join(project, '.contentlayer', 'report.json'), 'utf8')) as ContentReport
    const catalog = JSON.parse(readFileSync(path.join(project, '.contentlayer', 'catalog.json'), 'utf8')) as { id: string }[]
    expect(catalog.map((a) => a.id).sort()).toEqual(['GOOD1', 'GOOD2'])
    expect(report.published).toBe(2)
    const errors = report.errors.map((e) => `${e.file}: ${e.message}`)
    expect(errors).toEqual(
      expect.arrayContaining([
        `${LAB}/a: symbolic link loop: leads back to ${LAB}; not followed`,
        `${LAB}/X.zh-CN.md: broken symbolic link to missing.zh-CN.md: it does not exist; not read`,
        ...(canMkfifo ? [`${LAB}/Z.zh-CN.md: a named pipe (FIFO), not a file: not read`] : []),
        // Contentlayer failed the shard on this file; the build found it and ran the shard again.
        ...(hasProcMem ? [`${LAB}/EIO.zh-CN.md: cannot read this file: i/o error (EIO); skipped`] : []),
      ]),
    )
    expect(report.warnings.map((w) => w.file)).toContain(`${LAB}/Y.zh-CN.md`)
    expect(stdout).toContain(`error ${LAB}/a [file] symbolic link loop`)
    // So few files go to one Contentlayer shard: a second would cost more than it saves (CONTENT_SHARD_MIN_FILES).
    expect(stdout).toMatch(/ files in 1 Contentlayer shard\(s\)/)
  }, 90_000)
})

describe('npm run content that would empty or gut the live site', () => {
  const run = (project: string, contentDir: string, args: string[] = []) =>
    promisify(execFile)('npm', ['run', '--silent', 'content', '--', ...args], {
      cwd: project,
      env: { ...process.env, CONTENT_DIR: contentDir, CONTENT_STRICT: '', CONTENT_ALLOW_SHRINK: '' },
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    )
  const catalogIds = (project: string) => (JSON.parse(readFileSync(path.join(project, '.contentlayer', 'catalog.json'), 'utf8')) as { id: string }[]).map((a) => a.id).sort()

  it('refuses an empty folder and a build that drops over half the articles, keeping the live catalog; --allow-shrink accepts it', async () => {
    const full = makeContentRoot(Object.fromEntries([1, 2, 3, 4, 5].map((day) => [`${LAB}/GOOD${day}.zh-CN.md`, good(day)])))
    const gutted = makeContentRoot({ [`${LAB}/GOOD1.zh-CN.md`]: good(1), [`${LAB}/GOOD2.zh-CN.md`]: good(2) })
    const empty = tempDir('empty')
    const project = throwawayProject()
    expect((await run(project, full)).code).toBe(0)
    expect(catalogIds(project)).toEqual(['GOOD1', 'GOOD2', 'GOOD3', 'GOOD4', 'GOOD5'])

    const fromEmpty = await run(project, empty)
    expect(fromEmpty.code).not.toBe(0)
    expect(fromEmpty.output).toContain(`CONTENT_DIR ${empty} holds no article files`)
    expect(catalogIds(project)).toHaveLength(5)

    const shrunk = await run(project, gutted)
    expect(shrunk.code).toBe(1)
    expect(shrunk.output).toContain('this build publishes 2 article(s), the live catalog 5')
    expect(catalogIds(project)).toHaveLength(5)

    expect((await run(project, gutted, ['--allow-shrink'])).code).toBe(0)
    expect(catalogIds(project)).toEqual(['GOOD1', 'GOOD2'])
  }, 180_000)
})

describe('npm run content after a change', () => {
  it('runs Contentlayer again only on the shards whose files changed, reads new files in a shard of their own, and publishes every change', async () => {
    const english = (day: number) => article(`title: "Good story ${day}"\ndate: "2026-11-0${day} 10:00:00"`)
    const root = makeContentRoot({ [`${LAB}/GOOD1.zh-CN.md`]: good(1), [`${LAB}/GOOD2.zh-CN.md`]: good(2), 'en/news/wire/W1.en.md': english(1) })
    const project = throwawayProject()
    const run = async () => {
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'content'], {
        cwd: project,
        // Two shards, one per folder, however few their files (a content this small has one).
        env: { ...process.env, CONTENT_DIR: root, CONTENT_STRICT: '', CONTENT_SHARD_MIN_FILES: '1' },
        timeout: 60_000,
      })
      const line = /content build: [\d.]+ s, \d+ files in (\d+) Contentlayer shard\(s\)(?: \((\d+) unchanged)?/.exec(stdout)
      const fresh = /(\d+) new file\(s\) read in a shard of their own(, unchanged)?/.exec(stdout)
      const titles = (JSON.parse(readFileSync(path.join(project, '.contentlayer', 'catalog.json'), 'utf8')) as { title: string }[]).map((a) => a.title).sort()
      return { shards: Number(line?.[1]), unchanged: Number(line?.[2] ?? 0), newFiles: Number(fresh?.[1] ?? 0), newUnchanged: Boolean(fresh?.[2]), titles }
    }
    const first = await run()
    expect(first.shards).toBe(2)
    expect(first.unchanged).toBe(0)
    expect(first.newFiles).toBe(0)
    expect(first.titles).toEqual(['Good story 1', '好文章1', '好文章2'])

    const again = await run()
    expect(again.unchanged).toBe(again.shards)
    expect(again.titles).toEqual(first.titles)

    writeFileSync(path.join(root, LAB, 'GOOD2.zh-CN.md'), article(`title: "改过的文章"\ndate: "2026-11-02 10:00:00"`))
    const changed = await run()
    expect(changed.unchanged).toBe(changed.shards - 1)
    expect(changed.titles).toEqual(['Good story 1', '好文章1', '改过的文章'])

    // A new article: no shard runs again; Contentlayer reads the new file alone.
    writeFileSync(path.join(root, LAB, 'GOOD3.zh-CN.md'), article(`title: "新文章"\ndate: "2026-11-03 10:00:00"`))
    const added = await run()
    expect([added.unchanged, added.newFiles, added.newUnchanged]).toEqual([added.shards, 1, false])
    expect(added.titles).toEqual(['Good story 1', '好文章1', '新文章', '改过的文章'].sort())
    const still = await run()
    expect([still.unchanged, still.newFiles, still.newUnchanged]).toEqual([still.shards, 1, true])
    expect(still.titles).toEqual(added.titles)

    // Editing a new file reads it again; removing one drops it.
    writeFileSync(path.join(root, LAB, 'GOOD3.zh-CN.md'), article(`title: "新文章（更新）"\ndate: "2026-11-03 10:00:00"`))
    writeFileSync(path.join(root, 'en/news/wire/W2.en.md'), english(2))
    const edited = await run()
    expect([edited.unchanged, edited.newFiles, edited.newUnchanged]).toEqual([edited.shards, 2, false])
    expect(edited.titles).toEqual(['Good story 1', 'Good story 2', '好文章1', '改过的文章', '新文章（更新）'].sort())
    rmSync(path.join(root, 'en/news/wire/W2.en.md'))
    const removed = await run()
    expect([removed.newFiles, removed.newUnchanged]).toEqual([1, false])
    expect(removed.titles).toEqual(['Good story 1', '好文章1', '改过的文章', '新文章（更新）'].sort())

    // An edit in the new file's folder runs its shard again, which takes the new file back.
    writeFileSync(path.join(root, LAB, 'GOOD1.zh-CN.md'), article(`title: "好文章一"\ndate: "2026-11-01 10:00:00"`))
    const absorbed = await run()
    expect([absorbed.unchanged, absorbed.newFiles]).toEqual([absorbed.shards - 1, 0])
    expect(absorbed.titles).toEqual(['Good story 1', '好文章一', '改过的文章', '新文章（更新）'].sort())
    expect(existsSync(path.join(project, '.contentlayer', 'shards', 'new'))).toBe(false)
  }, 300_000)
})
