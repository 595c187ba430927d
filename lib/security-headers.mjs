/**
 * Security headers for every response (next.config.mjs `headers()`; proxy.ts adds them to the
 * redirects it answers itself). Plain JavaScript so that next.config.mjs can import it.
 *
 * Trade-off (README, "Security"): `script-src` allows 'unsafe-inline' because every statically
 * generated page carries Next's inline bootstrap and RSC payload scripts (`self.__next_f.push`).
 * A nonce would have to be minted per request, which makes every page dynamic (no SSG, no ISR);
 * hashes are not available for those scripts. What keeps injected markup from running instead:
 * article HTML is sanitised (lib/content/markdown.ts), text is escaped by React, JSON-LD escapes
 * `<`, and no third-party host may serve scripts. `style-src 'unsafe-inline'` is for the style
 * attributes React and Next set; it cannot run code.
 */

/** @param {{ production: boolean }} options */
export function contentSecurityPolicy({ production }) {
  const directives = {
    'default-src': ["'self'"],
    // React's development build evaluates code for its error overlay and stack traces.
    'script-src': ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Thumbnails and inline images come from the news sources' own hosts.
    'img-src': ["'self'", 'https:', 'data:'],
    'font-src': ["'self'"],
    // The search index is fetched from our own /search/ folder; the dev server needs its socket.
    'connect-src': ["'self'", ...(production ? [] : ['ws:'])],
    'media-src': ["'self'", 'https:'],
    'frame-src': ["'none'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

/**
 * @param {{ production: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders({ production }) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ production }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Browsers ignore HSTS over plain http, so local `next start` is unaffected.
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ]
}
