export interface CacheEntry {
  lastModified?: number
  value: { kind: string; status?: number; [key: string]: unknown } | null
}
export function judgeEntry<T extends CacheEntry | null | undefined>(entry: T, stamp: import('../content/freshness.mjs').FreshnessStamp | null, now: number): T | null
export function encodeEntry(entry: unknown): string
export function decodeEntry(text: string): unknown
declare const ContentAwareCache: unknown
export default ContentAwareCache
