/**
 * Share targets of an article, built on the server from its canonical URL: a WeChat QR code as
 * inline SVG (no image request, no third-party script) and the Weibo share link.
 */
import QRCode from 'qrcode'

/** Inline SVG of a QR code for `url`: dark modules on white, 2-module quiet zone, scalable. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
}

/** Weibo's share page for `url`, with the headline as the post's text. */
export function weiboShareUrl(url: string, title: string): string {
  const query = new URLSearchParams({ url, title })
  return `https://service.weibo.com/share/share.php?${query.toString()}`
}
