import type { RedisClientType } from '@redis/client'
export function sharedStoreUrl(): string | null
export function withSharedStore<T, F>(run: (client: RedisClientType) => Promise<T>, fallback: F): Promise<T | F>
export function sharedStoreState(): Promise<'off' | 'up' | 'down'>
