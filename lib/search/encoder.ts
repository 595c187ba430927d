/**
 * The search encoder, shared by the index build (Node) and queries (browser): both sides must
 * cut text into exactly the same tokens. Han text becomes overlapping character bigrams (a
 * one-character run stays one token), folded to simplified characters; Latin words and numbers
 * are lower-cased, NFKC-normalised and lose simple plural endings.
 */
import { T2S_PAIRS } from './t2s-map'

let t2s: Map<string, string> | null = null

/** Traditional → simplified character map (lib/search/t2s-map.ts), parsed once: search folding and the importer's script check share it. */
export function t2sMap(): Map<string, string> {
  if (t2s) return t2s
  t2s = new Map()
  const chars = Array.from(T2S_PAIRS)
  for (let i = 0; i + 1 < chars.length; i += 2) t2s.set(chars[i] as string, chars[i + 1] as string)
  return t2s
}

/** Queries longer than this are cut: nobody types more, and a pasted article must not stall. */
export const MAX_QUERY_CHARS = 256
/** At most this many clauses per query (each clause is one word, Han bigram or synonym group). */
export const MAX_QUERY_TOKENS = 24

const HAN_RUN = /\p{Script=Han}+/u
const TOKEN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu

/** A regular-expression character class of these characters, escaped where a class needs it. */
export function characterClass(chars: Iterable<string>): string {
  return `[${[...chars].map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('')}]`
}

let traditional: RegExp | null = null

/** NFKC, lower case, traditional → simplified (only the characters the map holds are looked up: ×0.5 of the time). */
export function normalize(text: string): string {
  const map = t2sMap()
  traditional ??= new RegExp(characterClass(map.keys()), 'gu')
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(traditional, (char) => map.get(char) ?? char)
}

/** Words ending in s that are not plurals, or whose singular means something else. */
const NOT_PLURAL = new Set([
  'news',
  'series',
  'species',
  'always',
  'perhaps',
  'whereas',
  'ways',
  'sales',
  'arms',
  'goods',
  'means',
  'mathematics',
  'economics',
  'politics',
  'physics',
])

/** Plural folding good enough to make "chips" find "chip" and "companies" find "company". */
export function foldWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || NOT_PLURAL.has(word)) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (/(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  return word
}

function hanTokens(run: string, out: string[]): void {
  const chars = Array.from(run)
  if (chars.length === 1) {
    out.push(run)
    return
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string))
}

/** Tokens of already-normalised text, in order, duplicates kept. */
function tokensOfNormalized(text: string): string[] {
  const out: string[] = []
  for (const match of text.matchAll(TOKEN)) {
    if (match[1]) hanTokens(match[1], out)
    else if (match[2]) out.push(foldWord(match[2]))
  }
  return out
}

/** Index-time encoding: every token of a text, duplicates kept. */
export function encode(text: string): string[] {
  return tokensOfNormalized(normalize(text))
}

/**
 * The tokens of a text by run: one list per Han run (its bigrams) and per Latin word. Neighbouring
 * tokens of one Han run are what a phrase query matches; across runs they are not neighbours.
 */
export function encodeRuns(text: string): string[][] {
  const runs: string[][] = []
  for (const match of normalize(text).matchAll(TOKEN)) {
    const tokens: string[] = []
    if (match[1]) hanTokens(match[1], tokens)
    else if (match[2]) tokens.push(foldWord(match[2]))
    runs.push(tokens)
  }
  return runs
}

/**
 * Vocabulary that character folding cannot bridge. A plain list holds terms that mean the same
 * everywhere: a query with one finds any. A regional pair holds a mainland term and its
 * Taiwan/Hong Kong counterpart that mean something else on the other side (mainland 资料 are
 * materials, 影片 a film; Taiwan 程序 is a procedure, 质量 mass), so a query expands into the
 * other region's term only in the other region's articles. Written in either script: entries are
 * folded on load.
 */
export type SynonymGroup = readonly string[] | { readonly mainland: readonly string[]; readonly taiwan: readonly string[] }

export const SYNONYMS: readonly SynonymGroup[] = [
  ['英伟达', '輝達', 'nvidia'],
  ['芯片', '晶片'],
  ['特朗普', '川普'],
  ['人工智能', '人工智慧'],
  ['美联储', '聯準會', '联邦储备'],
  ['台积电', '台積電', 'tsmc'],
  // 软体 and 硬体 are molluscs and hard shells in mainland text.
  { mainland: ['软件'], taiwan: ['軟體'] },
  { mainland: ['硬件'], taiwan: ['硬體'] },
  ['网络', '網路'],
  { mainland: ['数据'], taiwan: ['資料'] },
  { mainland: ['信息'], taiwan: ['資訊'] },
  { mainland: ['视频'], taiwan: ['影片'] },
  ['打印机', '印表機'],
  ['内存', '記憶體'],
  ['服务器', '伺服器'],
  { mainland: ['程序'], taiwan: ['程式'] },
  ['鼠标', '滑鼠'],
  ['出租车', '計程車', '的士'],
  // 雪梨 is a pear in mainland text.
  { mainland: ['悉尼'], taiwan: ['雪梨'] },
  ['新西兰', '紐西蘭'],
  ['奥巴马', '歐巴馬'],
  ['普京', '普丁'],
  ['马斯克', '馬斯克', 'musk'],
  ['脸书', '臉書', 'facebook'],
  ['推特', 'twitter'],
  ['意大利', '義大利'],
  // Mainland 太空 is outer space, not the space industry.
  { mainland: ['航天'], taiwan: ['太空'] },
  { mainland: ['质量'], taiwan: ['品質'] },
  // Mainland 简讯 is a news brief.
  { mainland: ['短信'], taiwan: ['簡訊'] },
]

/** Mainland China (zh-CN and every other edition) or Taiwan/Hong Kong (zh-TW, zh-HK). */
export type Region = 'mainland' | 'taiwan'

export function regionOf(edition: string): Region {
  return edition === 'zh-TW' || edition === 'zh-HK' ? 'taiwan' : 'mainland'
}

interface FoldedTerm {
  term: string
  region: Region | null
  group: FoldedTerm[]
}

let synonymTerms: FoldedTerm[] | null = null

/** Every synonym term, folded, each knowing its group; longest first, so 人工智能 wins over a shorter overlap. */
function foldedTerms(): FoldedTerm[] {
  if (synonymTerms) return synonymTerms
  synonymTerms = []
  for (const group of SYNONYMS) {
    const sides: [readonly string[], Region | null][] =
      'mainland' in group
        ? [
            [group.mainland, 'mainland'],
            [group.taiwan, 'taiwan'],
          ]
        : [[group as readonly string[], null]]
    const terms: FoldedTerm[] = []
    for (const [list, region] of sides) {
      for (const raw of list) {
        const term = normalize(raw)
        if (!terms.some((t) => t.term === term)) terms.push({ term, region, group: terms })
      }
    }
    if (terms.length > 1) synonymTerms.push(...terms)
  }
  synonymTerms.sort((a, b) => b.term.length - a.term.length)
  return synonymTerms
}

/**
 * One searchable word. A Han word matches where its characters stand together (its bigrams, as a
 * phrase); a Latin word matches as a word.
 */
export interface QueryWord {
  /** The folded word, for highlighting. */
  text: string
  tokens: string[]
}

/** Words that must all match; `region`: only in that region's articles. */
export interface Alternative {
  words: QueryWord[]
  region: Region | null
}

/** A query clause: documents must match one of its alternatives. */
export type Clause = Alternative[]

/** At most this many alternatives per Han run that holds several synonym terms. */
const MAX_ALTERNATIVES = 16

function wordsOf(text: string): QueryWord[] {
  return [...text.matchAll(TOKEN)].map((match) => {
    const word = match[1] ?? foldWord(match[2] as string)
    return { text: word, tokens: tokensOfNormalized(word) }
  })
}

/** The typed term and its own region's terms match anywhere; the other region's, only there. */
function regionFor(typed: FoldedTerm, alternative: FoldedTerm): Region | null {
  return typed.region === null || alternative.region === null || alternative.region === typed.region ? null : alternative.region
}

/** A Han run or Latin word of the query, with each synonym term in it replaced by each of its group's. */
function expand(segment: string, latin: boolean): Clause {
  const hits: { at: number; typed: FoldedTerm }[] = []
  const taken = new Array<boolean>(segment.length).fill(false)
  for (const typed of foldedTerms()) {
    if (latin ? segment !== typed.term : !HAN_RUN.test(typed.term)) continue
    for (let at = segment.indexOf(typed.term); at >= 0; at = segment.indexOf(typed.term, at + 1)) {
      if (taken.slice(at, at + typed.term.length).some(Boolean)) continue
      taken.fill(true, at, at + typed.term.length)
      hits.push({ at, typed })
    }
  }
  hits.sort((a, b) => a.at - b.at)
  let alternatives: { text: string; region: Region | null; end: number }[] = [{ text: '', region: null, end: 0 }]
  for (const { at, typed } of hits) {
    const next: typeof alternatives = []
    for (const alternative of alternatives) {
      for (const replacement of typed.group) {
        const region = regionFor(typed, replacement)
        if (alternative.region && region && alternative.region !== region) continue
        // Spaces around the term: a Latin replacement inside a Han run becomes a word of its own.
        next.push({ text: `${alternative.text}${segment.slice(alternative.end, at)} ${replacement.term} `, region: alternative.region ?? region, end: at + typed.term.length })
      }
    }
    alternatives = next.slice(0, MAX_ALTERNATIVES)
  }
  return alternatives
    .map(({ text, region, end }) => ({ words: wordsOf(`${text}${segment.slice(end)}`), region }))
    .map((alternative) => (latin || hits.length === 0 ? alternative : { ...alternative, words: joinHan(alternative.words) }))
    .filter((alternative) => alternative.words.length > 0)
}

/** Han pieces split around a replaced term are one phrase again: 数据 + 中心 → 数据中心. */
function joinHan(words: QueryWord[]): QueryWord[] {
  const out: QueryWord[] = []
  for (const word of words) {
    const last = out[out.length - 1]
    if (last && HAN_RUN.test(last.text) && HAN_RUN.test(word.text)) {
      const text = last.text + word.text
      out[out.length - 1] = { text, tokens: tokensOfNormalized(text) }
    } else out.push(word)
  }
  return out
}

/** An alternative cut to its first `budget` tokens. */
function cut(alternative: Alternative, budget: number): Alternative {
  const words: QueryWord[] = []
  for (const word of alternative.words) {
    if (budget <= 0) break
    words.push(word.tokens.length > budget ? { text: word.text, tokens: word.tokens.slice(0, budget) } : word)
    budget -= word.tokens.length
  }
  return { ...alternative, words }
}

/**
 * Query-time encoding: clauses to AND together, one per Han run or Latin word of the query. A
 * synonym term expands into the other terms of its group (a regional one into the other region's
 * term, for that region's articles only), keeping the rest of its Han run around it as a phrase.
 * The query is cut to MAX_QUERY_CHARS and to MAX_QUERY_TOKENS tokens; an empty list means
 * "nothing searchable" (only punctuation, emoji…).
 */
export function encodeQuery(query: string): Clause[] {
  const text = normalize(query.slice(0, MAX_QUERY_CHARS))
  const clauses: Clause[] = []
  const seen = new Set<string>()
  let budget = MAX_QUERY_TOKENS
  for (const match of text.matchAll(TOKEN)) {
    if (budget <= 0) break
    const latin = match[1] === undefined
    let clause: Clause = expand(latin ? foldWord(match[2] as string) : (match[1] as string), latin)
    const key = JSON.stringify(clause)
    if (clause.length === 0 || seen.has(key)) continue
    seen.add(key)
    // A pasted paragraph: its first tokens are the query.
    clause = clause.map((alternative) => cut(alternative, budget))
    budget -= Math.max(...clause.map((alternative) => alternative.words.reduce((n, word) => n + word.tokens.length, 0)))
    clauses.push(clause)
  }
  return clauses
}

/**
 * The index keys a query reads: single tokens (a Latin word, a Han word of one or two
 * characters) and, for longer Han words, each pair of neighbouring bigrams (FlexSearch's context
 * entries, which is what makes a Han word match as a phrase).
 */
export function queryKeys(clauses: Clause[]): { tokens: string[]; pairs: [string, string][] } {
  const tokens = new Set<string>()
  const pairs = new Map<string, [string, string]>()
  for (const word of clauses.flatMap((clause) => clause.flatMap((alternative) => alternative.words))) {
    if (word.tokens.length === 1) tokens.add(word.tokens[0] as string)
    for (let i = 1; i < word.tokens.length; i++) {
      const pair: [string, string] = [word.tokens[i - 1] as string, word.tokens[i] as string]
      pairs.set(pairKey(...pair), pair)
    }
  }
  return { tokens: [...tokens], pairs: [...pairs.values()] }
}

/** A context pair as one string, for hashing to its shard (tokens never hold a space). */
export function pairKey(keyword: string, term: string): string {
  return `${keyword} ${term}`
}

/** Stable 32-bit FNV-1a hash of a token, the same in Node and browsers. */
export function hashToken(token: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
