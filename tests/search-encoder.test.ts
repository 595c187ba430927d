import { describe, expect, it } from 'vitest'
import { encode, encodeQuery, encodeRuns, foldWord, hashToken, MAX_QUERY_TOKENS, normalize, queryKeys, SYNONYMS, type Clause } from '@/lib/search/encoder'

/** A clause as readable strings: `word+word@region`. */
const show = (clauses: Clause[]) => clauses.map((clause) => clause.map((a) => `${a.words.map((w) => w.text).join('+')}${a.region ? `@${a.region}` : ''}`))

describe('search encoder', () => {
  it('cuts Han runs into overlapping bigrams, a one-character run into one token', () => {
    expect(encode('英伟达')).toEqual(['英伟', '伟达'])
    expect(encode('美，中国')).toEqual(['美', '中国'])
  })

  it('folds traditional to simplified characters', () => {
    expect(normalize('台積電')).toBe('台积电')
    expect(encode('台積電')).toEqual(encode('台积电'))
    expect(encode('聯準會')).toEqual(['联准', '准会'])
  })

  it('lower-cases and NFKC-normalises Latin words and folds simple plurals', () => {
    expect(encode('Chips ＡＩ companies Boxes news GPU 3.5')).toEqual(['chip', 'ai', 'company', 'box', 'news', 'gpu', '3', '5'])
    expect(foldWord('glass')).toBe('glass')
    expect(foldWord('status')).toBe('status')
  })

  it('separates Han and Latin text written together', () => {
    expect(encode('AI芯片')).toEqual(['ai', '芯片'])
  })

  it('keeps the runs of a text apart: a phrase never spans two', () => {
    expect(encodeRuns('数据，中心 AI芯片')).toEqual([['数据'], ['中心'], ['ai'], ['芯片']])
    expect(encodeRuns('数据中心')).toEqual([['数据', '据中', '中心']])
  })

  it('keeps a Han word whole (a phrase) and reads its neighbouring pairs', () => {
    expect(show(encodeQuery('新能源汽车 销量'))).toEqual([['新能源汽车'], ['销量']])
    expect(queryKeys(encodeQuery('新能源汽车 销量'))).toEqual({
      tokens: ['销量'],
      pairs: [
        ['新能', '能源'],
        ['能源', '源汽'],
        ['源汽', '汽车'],
      ],
    })
  })

  it('expands synonyms at query time, in either script', () => {
    expect(show(encodeQuery('英伟达'))).toEqual([['英伟达', '辉达', 'nvidia']])
    expect(show(encodeQuery('輝達'))).toEqual(show(encodeQuery('英伟达')))
    expect(show(encodeQuery('晶片'))).toEqual([['芯片', '晶片']])
    expect(show(encodeQuery('川普 关税'))).toEqual([['特朗普', '川普'], ['关税']])
    expect(show(encodeQuery('人工智慧'))).toEqual([['人工智能', '人工智慧']])
    // Inside a longer word, the synonym is replaced in place and the word stays one phrase.
    expect(show(encodeQuery('英伟达芯片'))).toEqual([['英伟达芯片', '英伟达晶片', '辉达芯片', '辉达晶片', 'nvidia+芯片', 'nvidia+晶片']])
  })

  it('expands regional terms only into the other region, both ways', () => {
    expect(show(encodeQuery('数据中心'))).toEqual([['数据中心', '资料中心@taiwan']])
    expect(show(encodeQuery('資料'))).toEqual([['数据@mainland', '资料']])
    expect(show(encodeQuery('视频 程序'))).toEqual([
      ['视频', '影片@taiwan'],
      ['程序', '程式@taiwan'],
    ])
    expect(show(encodeQuery('悉尼'))).toEqual([['悉尼', '雪梨@taiwan']])
    // A term meaning the same everywhere stays everywhere.
    expect(show(encodeQuery('服务器'))).toEqual([['服务器', '伺服器']])
  })

  it('every regional group pairs a mainland term with a different Taiwan/Hong Kong one', () => {
    for (const group of SYNONYMS) {
      if (!('mainland' in group)) continue
      const mainland = group.mainland.map(normalize)
      expect(
        group.taiwan.map(normalize).some((term) => mainland.includes(term)),
        JSON.stringify(group),
      ).toBe(false)
    }
  })

  it('matches Latin synonyms only as whole words', () => {
    expect(show(encodeQuery('musky'))).toEqual([['musky']])
    expect(show(encodeQuery('Musk'))).toEqual([['马斯克', 'musk']])
  })

  it('survives odd queries', () => {
    expect(encodeQuery('')).toEqual([])
    expect(encodeQuery('!!!？？。。')).toEqual([])
    expect(encodeQuery('😀🎉')).toEqual([])
    expect(encodeQuery('.*+?^${}()|[]\\')).toEqual([])
    expect(show(encodeQuery('(台积电)* [a-z]+'))).toEqual([['台积电', 'tsmc'], ['a'], ['z']])
    const tokens = (clauses: Clause[]) => clauses.reduce((n, clause) => n + Math.max(...clause.map((a) => a.words.reduce((m, w) => m + w.tokens.length, 0))), 0)
    expect(tokens(encodeQuery('新闻报道'.repeat(2500) + ' word'.repeat(2000)))).toBeLessThanOrEqual(MAX_QUERY_TOKENS)
    expect(tokens(encodeQuery('台积电'.repeat(3000)))).toBeLessThanOrEqual(MAX_QUERY_TOKENS)
    expect(tokens(encodeQuery('随机汉字组成的很长很长的查询语句没有重复的字符啊一二三四五六七八九十甲乙丙丁戊己庚辛壬癸'))).toBe(MAX_QUERY_TOKENS)
  })

  it('hashes tokens stably', () => {
    expect(hashToken('台积')).toBe(hashToken('台积'))
    expect(hashToken('a')).not.toBe(hashToken('b'))
  })
})
