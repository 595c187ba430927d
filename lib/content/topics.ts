/**
 * Topic tags. Feed imports tag every article with its source, which is data, not a topic; topics
 * come from a curated list instead (data/topics.yaml: a slug, a name per edition and the words
 * that evidence the topic in any script), matched in the title, summary and body after folding
 * case, width and traditional/simplified characters.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { locales, type Locale } from '@/i18n/routing'
import { characterClass, normalize as fold } from '@/lib/search/encoder'
import { slugify } from './text'
import type { TermRef } from './types'

export const TOPICS_FILE = path.join('data', 'topics.yaml')

export interface Topic {
  slug: string
  names: Record<Locale, string>
  evidence: string[]
}

export interface TopicList {
  version: number
  topics: Topic[]
}

/**
 * The minimum evidence: a mention in the title weighs 3, in the summary 2, each one in the body 1
 * (at most 4), and a topic needs 3. One passing mention in the body does not tag an article.
 */
const WEIGHT = { title: 3, summary: 2, body: 1 } as const
const BODY_CAP = 4
const THRESHOLD = 3
/** The strongest topics of an article; more would be noise in lists. */
export const MAX_TOPICS = 4
/** Bodies are read this far: the lead paragraphs carry the topic. */
const BODY_SAMPLE = 6000

/** Reads and checks data/topics.yaml; an error names the file and the entry. */
export function parseTopicList(text: string, file = TOPICS_FILE): TopicList {
  const data = parseYaml(text) as { version?: unknown; topics?: unknown }
  if (!data || typeof data.version !== 'number' || !Array.isArray(data.topics)) throw new Error(`${file}: expected \`version: <number>\` and a \`topics:\` list`)
  const seen = new Set<string>()
  const topics = data.topics.map((entry: unknown, i): Topic => {
    const { slug, name, evidence } = (entry ?? {}) as { slug?: unknown; name?: unknown; evidence?: unknown }
    const where = `${file}: topic #${i + 1}${typeof slug === 'string' ? ` (${slug})` : ''}`
    if (typeof slug !== 'string' || slugify(slug) !== slug) throw new Error(`${where}: \`slug\` must be a URL slug (lower case, no spaces)`)
    if (seen.has(slug)) throw new Error(`${where}: slug used twice`)
    seen.add(slug)
    const names = name as Record<string, unknown> | undefined
    if (!names || locales.some((l) => typeof names[l] !== 'string' || !names[l])) throw new Error(`${where}: \`name\` needs ${locales.join(', ')}`)
    if (!Array.isArray(evidence) || evidence.length === 0 || evidence.some((e) => typeof e !== 'string' || !e.trim())) throw new Error(`${where}: \`evidence\` must be a list of words`)
    return { slug, names: names as Record<Locale, string>, evidence: evidence as string[] }
  })
  return { version: data.version, topics }
}

export function loadTopicList(projectDir: string): TopicList {
  return parseTopicList(readFileSync(path.join(projectDir, TOPICS_FILE), 'utf8'))
}

export interface TopicMatcher {
  list: TopicList
  pattern: RegExp
  /** Folded evidence word → indexes of the topics it evidences. */
  topicsOf: Map<string, number[]>
  /** Folded slug, name (any edition) or evidence word → topic index, for editors' tags. */
  byName: Map<string, number>
}

const LATIN = /[a-z0-9]/
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Compiles the list into one pattern: every text is scanned once, whatever the number of topics. */
export function compileTopics(list: TopicList): TopicMatcher {
  const topicsOf = new Map<string, number[]>()
  const byName = new Map<string, number>()
  list.topics.forEach((topic, i) => {
    for (const word of topic.evidence) {
      const key = fold(word.trim()).replace(/\s+/g, ' ')
      topicsOf.set(key, [...new Set([...(topicsOf.get(key) ?? []), i])])
      if (!byName.has(key)) byName.set(key, i)
    }
  })
  // Names win over evidence words: a tag that is a topic's name is that topic.
  list.topics.forEach((topic, i) => {
    for (const name of [topic.slug, ...Object.values(topic.names)]) byName.set(fold(name), i)
  })
  const words = [...topicsOf.keys()].sort((a, b) => b.length - a.length)
  // Latin words match whole words only (AI is not in "said"), plurals included; Han words anywhere.
  const latin = byFirstCharacter(
    words.filter((w) => LATIN.test(w)),
    (rest) => escape(rest).replace(/ /g, '\\s+'),
  )
  const han = byFirstCharacter(
    words.filter((w) => !LATIN.test(w)),
    escape,
  )
  const alternatives = [latin ? `(?<![a-z0-9])(${latin})(?:e?s)?(?![a-z0-9])` : '', han ? `(${han})` : ''].filter(Boolean)
  // Only where a word can start: most characters are passed over at one test (×0.4 of the time).
  const starts = characterClass(new Set(words.map((w) => Array.from(w)[0] as string)))
  const pattern = alternatives.length ? `(?=${starts})(?:${alternatives.join('|')})` : '(?!)'
  return { list, pattern: new RegExp(pattern, 'gu'), topicsOf, byName }
}

/**
 * Words (longest first) as one alternation grouped by first character, in the same order within
 * each group: a text position tries only the words that start with its character, and matches
 * what the flat alternation would.
 */
function byFirstCharacter(words: string[], source: (rest: string) => string): string {
  const groups = new Map<string, string[]>()
  for (const word of words) {
    const first = Array.from(word)[0] as string
    const rests = groups.get(first) ?? []
    rests.push(source(word.slice(first.length)))
    groups.set(first, rests)
  }
  return [...groups].map(([first, rests]) => `${escape(first)}(?:${rests.join('|')})`).join('|')
}

function count(matcher: TopicMatcher, text: string, weight: number, cap: number, scores: Map<number, number>): void {
  const seen = new Map<number, number>()
  for (const match of fold(text).matchAll(matcher.pattern)) {
    const word = (match[1] ?? match[2] ?? '').replace(/\s+/g, ' ')
    for (const topic of matcher.topicsOf.get(word) ?? []) {
      const n = seen.get(topic) ?? 0
      if (n < cap) {
        seen.set(topic, n + 1)
        scores.set(topic, (scores.get(topic) ?? 0) + weight)
      }
    }
  }
}

/** Slugs of the topics the text evidences, strongest first. */
export function deriveTopics(matcher: TopicMatcher, input: { title: string; summary: string; text: string }): string[] {
  const scores = new Map<number, number>()
  count(matcher, input.title, WEIGHT.title, Infinity, scores)
  count(matcher, input.summary, WEIGHT.summary, Infinity, scores)
  count(matcher, input.text.slice(0, BODY_SAMPLE), WEIGHT.body, BODY_CAP, scores)
  return [...scores.entries()]
    .filter(([, score]) => score >= THRESHOLD)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_TOPICS)
    .map(([i]) => matcher.list.topics[i]!.slug)
}

/**
 * The tags readers see: the editor's tags first (one equal to a category is the source, not a
 * topic; one that names a listed topic or is one of its words becomes that topic), then the derived topics, in the
 * edition's names.
 */
export function topicTerms(matcher: TopicMatcher, input: { tags: string[]; categories: string[]; derived: string[]; edition: Locale }): TermRef[] {
  const { tags, categories, derived, edition } = input
  const categorySlugs = new Set(categories.map(slugify))
  const terms: TermRef[] = []
  const add = (term: TermRef) => {
    if (term.slug && !terms.some((t) => t.slug === term.slug)) terms.push(term)
  }
  const bySlug = new Map(matcher.list.topics.map((t) => [t.slug, t]))
  for (const tag of tags) {
    const slug = slugify(tag)
    if (categorySlugs.has(slug)) continue
    const folded = fold(tag).replace(/\s+/g, ' ')
    const topic = matcher.list.topics[matcher.byName.get(folded) ?? matcher.byName.get(folded.replace(/e?s$/, '')) ?? -1]
    add(topic ? { slug: topic.slug, name: topic.names[edition] } : { slug, name: tag })
  }
  for (const slug of derived) {
    const topic = bySlug.get(slug)
    if (topic) add({ slug, name: topic.names[edition] })
  }
  return terms
}
