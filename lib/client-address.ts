/**
 * Who a request comes from, for the draft-mode rate limit. `instrumentation.ts` appends the
 * connection's own address to X-Forwarded-For on every request, as a proxy would, so the header's
 * last entry is always the peer that really connected. Entries left of it were written by whoever
 * sent them: they are trusted only as far as TRUSTED_PROXIES says proxies stand in front.
 */
/** Appends the connection's address, as every proxy does with the address it was reached from. */
export function appendPeer(forwardedFor: string | string[] | undefined, peer: string | undefined): string | undefined {
  const earlier = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor
  if (!peer) return earlier
  return earlier?.trim() ? `${earlier}, ${peer}` : peer
}

/**
 * The client address: on Vercel the first entry (its edge replaces whatever the client sent);
 * elsewhere the entry `trustedProxies` places left of the connecting peer. With too few entries
 * (a client that reached us directly while proxies are configured) it is the leftmost one that
 * a trusted hop could have written, never one further left.
 */
export function clientAddress(forwardedFor: string | null | undefined, options: { trustedProxies: number; onVercel: boolean }): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return 'unknown'
  if (options.onVercel) return entries[0]!
  return entries[Math.max(0, entries.length - 1 - options.trustedProxies)]!
}
