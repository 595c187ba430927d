export interface FreshnessStamp {
  changedAt: number
  upcoming: number[]
}
export const FRESHNESS_PATH: string
export const CATALOG_RELOAD_MS: number
export function freshnessStamp(changedAt: number, articles: readonly { draft: boolean; time: number }[]): FreshnessStamp
export function isOutdated(renderedAt: number, stamp: FreshnessStamp | null, now: number): boolean
export function stampReader(projectDir: string, checkEveryMs?: number): (now?: number) => FreshnessStamp | null
