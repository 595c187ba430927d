import Link from 'next/link'
import './globals.css'

/** Requests outside every edition (rare: the proxy routes almost everything into one). */
export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body className="mx-auto max-w-xl p-8">
        <h1 className="text-2xl font-bold">页面不存在 · Page not found</h1>
        <p className="mt-4">
          <Link href="/" className="underline">
            返回首页 · Home
          </Link>
        </p>
      </body>
    </html>
  )
}
