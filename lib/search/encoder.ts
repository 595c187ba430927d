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

/** NFKC, lower case, traditional → simplified, one character at a time. */
export function normalize(text: string): string {
  const map = t2sMap()
  let out = ''
  for (const char of text.normalize('NFKC').toLowerCase()) out += map.get(char) ?? char
  return out
}

/** Words ending in s that are not plurals, or whose singular means something else. */
const NOT_PLURAL = new Set(['news', 'series', 'species', 'always', 'perhaps', 'whereas', 'ways', 'sales', 'arms', 'goods', 'means', 'mathematics', 'economics', 'politics', 'physics'])

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
 * Regional vocabulary that character folding cannot bridge. Each group lists equivalent terms;
 * a query containing one finds any. Written in either script: entries are folded on load.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['英伟达', '輝達', 'nvidia'],
  ['芯片', '晶片'],
  ['特朗普', '川普'],
  ['人工智能', '人工智慧'],
  ['美联储', '聯準會', '联邦储备'],
  ['台积电', '台積電', 'tsmc'],
  ['软件', '軟體'],
  ['硬件', '硬體'],
  ['网络', '網路'],
  ['数据', '資料'],
  ['信息', '資訊'],
  ['视频', '影片'],
  ['打印机', '印表機'],
  ['内存', '記憶體'],
  ['服务器', '伺服器'],
  ['程序', '程式'],
  ['鼠标', '滑鼠'],
  ['出租车', '計程車', '的士'],
  ['悉尼', '雪梨'],
  ['新西兰', '紐西蘭'],
  ['奥巴马', '歐巴馬'],
  ['普京', '普丁'],
  ['马斯克', '馬斯克', 'musk'],
  ['脸书', '臉書', 'facebook'],
  ['推特', 'twitter'],
  ['意大利', '義大利'],
  ['航天', '太空'],
  ['质量', '品質'],
  ['短信', '簡訊'],
]

let synonymGroups: string[][] | null = null

/** Synonym groups, folded, longest term first so that 人工智能 wins over a shorter overlap. */
function groups(): string[][] {
  synonymGroups ??= SYNONYMS.map((group) => [...new Set(group.map(normalize))]).filter((group) => group.length > 1)
  return synonymGroups
}

/**
 * A query clause: documents must match one of the alternatives; an alternative matches when the
 * document has all its tokens.
 */
export type Clause = string[][]

/**
 * Query-time encoding: clauses to AND together. Synonym terms expand into alternatives; every
 * other token is a clause of its own. The query is cut to MAX_QUERY_CHARS and the result to
 * MAX_QUERY_TOKENS clauses; an empty list means "nothing searchable" (only punctuation, emoji…).
 */
export function encodeQuery(query: string): Clause[] {
  let text = normalize(query.slice(0, MAX_QUERY_CHARS))
  const clauses: Clause[] = []
  const seen = new Set<string>()
  const add = (clause: Clause) => {
    const key = JSON.stringify(clause)
    if (!seen.has(key) && clause.every((alternative) => alternative.length > 0)) {
      seen.add(key)
      clauses.push(clause)
    }
  }
  const terms = groups()
    .flatMap((group) => group.map((term) => ({ term, group })))
    .sort((a, b) => b.term.length - a.term.length)
  for (const { term, group } of terms) {
    const isLatin = !HAN_RUN.test(term)
    const at = findTerm(text, term, isLatin)
    if (at < 0) continue
    add(group.map((alternative) => [...new Set(tokensOfNormalized(alternative))]))
    text = `${text.slice(0, at)} ${text.slice(at + term.length)}`
  }
  for (const token of tokensOfNormalized(text)) add([[token]])
  return clauses.slice(0, MAX_QUERY_TOKENS)
}

/** Position of a term in the query; Latin terms only as whole words. */
function findTerm(text: string, term: string, wholeWord: boolean): number {
  let from = 0
  for (;;) {
    const at = text.indexOf(term, from)
    if (at < 0 || !wholeWord) return at
    const before = text[at - 1]
    const after = text[at + term.length]
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return at
    from = at + 1
  }
}

/** Every distinct token a query may need, for fetching shards. */
export function queryTokens(clauses: Clause[]): string[] {
  return [...new Set(clauses.flat(2))]
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

/** Which script a text is written in, from the text itself (labels can be wrong). */
export function detectScript(text: string): 'hans' | 'hant' | 'latin' {
  const map = t2sMap()
  let han = 0
  let traditional = 0
  let latin = 0
  for (const char of text) {
    if (HAN_RUN.test(char)) {
      han++
      if (map.has(char)) traditional++
    } else if (/\p{Script=Latin}/u.test(char)) latin++
  }
  // Roughly isMostlyHan: a Latin word averages five letters.
  if (han === 0 || han * 10 < latin) return 'latin'
  return traditional * 20 > han ? 'hant' : 'hans'
}
