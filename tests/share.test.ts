import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrSvg, weiboShareUrl } from '@/lib/share'

const url = 'https://news.example.com/news/qq/20250212a03tsr00'

/** Dark modules of the SVG, read back from its path (`M x y.5 h n` runs, `m dx 0 h n` steps). */
function modulesOf(svg: string): Set<string> {
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? ''
  const dark = new Set<string>()
  let x = 0
  let y = 0
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?/g)) {
    if (cmd === 'M') {
      x = Number(a)
      y = Math.floor(Number(b))
    } else if (cmd === 'm') {
      x += Number(a)
    } else {
      for (let i = 0; i < Number(a); i++) dark.add(`${x + i},${y}`)
      x += Number(a)
    }
  }
  return dark
}

describe('qrSvg', () => {
  it('is a standalone SVG with a quiet zone, sized to the QR version', async () => {
    const svg = await qrSvg(url)
    const size = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`)
    expect(svg).not.toMatch(/<script|href=|style=/)
  })

  it('draws exactly the modules of the URL, so a phone reads the canonical URL back', async () => {
    const svg = await qrSvg(url)
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
    const expected = new Set<string>()
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) expected.add(`${col + 2},${row + 2}`)
    }
    expect(modulesOf(svg)).toEqual(expected)
    expect(expected.size).toBeGreaterThan(200)
    // Another URL gives another code.
    expect(modulesOf(await qrSvg(`${url}x`))).not.toEqual(expected)
  })
})

describe('weiboShareUrl', () => {
  it('encodes the canonical URL and the headline', () => {
    const share = new URL(weiboShareUrl(url, '标题 & 副题'))
    expect(share.origin + share.pathname).toBe('https://service.weibo.com/share/share.php')
    expect(share.searchParams.get('url')).toBe(url)
    expect(share.searchParams.get('title')).toBe('标题 & 副题')
    expect(weiboShareUrl(url, 't')).toContain(encodeURIComponent(url))
  })
})
