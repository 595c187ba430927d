import { describe, expect, it } from 'vitest'
import { detectScript, encode, encodeQuery, foldWord, hashToken, MAX_QUERY_TOKENS, normalize, queryTokens } from '@/lib/search/encoder'

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

  it('expands regional synonyms at query time, in either script', () => {
    expect(encodeQuery('英伟达')).toEqual([[['英伟', '伟达'], ['辉达'], ['nvidia']]])
    expect(encodeQuery('輝達')).toEqual(encodeQuery('英伟达'))
    expect(encodeQuery('晶片')).toEqual([[['芯片'], ['晶片']]])
    expect(encodeQuery('川普 关税')).toEqual([[['特朗', '朗普'], ['川普']], [['关税']]])
    expect(encodeQuery('人工智慧')).toEqual([[['人工', '工智', '智能'], ['人工', '工智', '智慧']]])
  })

  it('matches Latin synonyms only as whole words', () => {
    expect(encodeQuery('musky')).toEqual([[['musky']]])
    expect(encodeQuery('Musk')).toEqual([[['马斯', '斯克'], ['musk']]])
  })

  it('survives odd queries', () => {
    expect(encodeQuery('')).toEqual([])
    expect(encodeQuery('!!!？？。。')).toEqual([])
    expect(encodeQuery('😀🎉')).toEqual([])
    expect(encodeQuery('.*+?^${}()|[]\\')).toEqual([])
    expect(encodeQuery('(台积电)* [a-z]+')).toEqual([[['台积', '积电'], ['tsmc']], [['a']], [['z']]])
    const long = encodeQuery('新闻报道'.repeat(2500) + ' word'.repeat(2000))
    expect(long.length).toBeLessThanOrEqual(MAX_QUERY_TOKENS)
    expect(queryTokens(encodeQuery('随机汉字组成的很长很长的查询语句没有重复的字符啊一二三四五六七八九十甲乙丙丁戊己庚辛壬癸'))).toHaveLength(MAX_QUERY_TOKENS)
  })

  it('hashes tokens stably', () => {
    expect(hashToken('台积')).toBe(hashToken('台积'))
    expect(hashToken('a')).not.toBe(hashToken('b'))
  })

  it('detects the script from the text', () => {
    expect(detectScript('這是一則關於台積電的新聞')).toBe('hant')
    expect(detectScript('这是一则关于台积电的新闻')).toBe('hans')
    expect(detectScript('TSMC reported record profits')).toBe('latin')
  })
})
