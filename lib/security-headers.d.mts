export function contentSecurityPolicy(options: { production: boolean }): string
export function securityHeaders(options: { production: boolean }): { key: string; value: string }[]
