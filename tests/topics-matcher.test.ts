import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileTopics, loadTopicList } from '@/lib/content/topics'
import { normalize, t2sMap } from '@/lib/search/encoder'
import { CORPUS_DIR, sharedCorpusPresent } from '@/scripts/shared-corpus'

/**
 * The topic matcher's pattern is grouped by first character and guarded by a look-ahead, and
 * `normalize` replaces only the characters the traditional → simplified map holds: both for speed.
 * They must give exactly what the plain forms give (one flat alternation, longest word first; one
 * look-up per character), on our sample content and, where it is present, the real corpus.
 */
const projectDir = path.resolve(import.meta.dirname, '..')
const matcher = compileTopics(loadTopicList(projectDir))

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const LATIN = /[a-z0-9]/
const words = [...matcher.topicsOf.keys()].sort((a, b) => b.length - a.length)
const flat = new RegExp(
  `(?<![a-z0-9])(${words
    .filter((w) => LATIN.test(w))
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|')})(?:e?s)?(?![a-z0-9])|(${words
    .filter((w) => !LATIN.test(w))
    .map(escape)
    .join('|')})`,
  'gu',
)

function plainNormalize(text: string): string {
  let out = ''
  for (const char of text.normalize('NFKC').toLowerCase()) out += t2sMap().get(char) ?? char
  return out
}

const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => `${m.index}:${m[1] ?? ''}:${m[2] ?? ''}`)

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
}

function expectSameAsPlain(texts: string[]): void {
  let found = 0
  for (const text of texts) {
    const sample = text.slice(0, 4000)
    const folded = normalize(sample)
    expect(folded).toBe(plainNormalize(sample))
    const fast = matches(matcher.pattern, folded)
    expect(fast).toEqual(matches(flat, folded))
    found += fast.length
  }
  // The texts do name topics: the comparison is not between two empty lists.
  expect(found).toBeGreaterThan(texts.length)
}

describe('topic matching and folding, fast forms', () => {
  it('match what the plain forms match on the sample content', () => {
    const texts = markdownFiles(path.join(projectDir, 'content'))
    expect(texts.length).toBeGreaterThan(20)
    expectSameAsPlain(texts)
  })

  it('match on words of every kind: Latin plurals across spaces, traditional Han, none', () => {
    const text = normalize('Federal  Reserves 聯準會 and chips; said nothing 台積電')
    expect(matches(matcher.pattern, text)).toEqual(matches(flat, text))
    expect(matches(matcher.pattern, normalize('xyz said'))).toEqual([])
  })

  it.skipIf(!sharedCorpusPresent(CORPUS_DIR, 'topic matching over the real corpus'))(
    'match what the plain forms match on the real corpus',
    () => {
      const texts = markdownFiles(CORPUS_DIR)
      expect(texts).toHaveLength(4675)
      expectSameAsPlain(texts)
    },
    60_000,
  )
})
