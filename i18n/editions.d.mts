/** Types of editions.mjs (the data is there; these name its values). */
export type Locale = 'zh-CN' | 'en' | 'zh-TW' | 'zh-HK'
export type ContentFolder = 'zh-CN' | 'en' | 'en-US' | 'zh-TW' | 'zh-HK'

export interface Edition {
  locale: Locale
  /** '' for the default edition, else `/<segment>`. */
  prefix: '' | `/${string}`
  folders: readonly ContentFolder[]
}

export declare const EDITIONS: readonly Edition[]
export declare const DEFAULT_LOCALE: Locale
export declare function editionRewrites(): { source: string; destination: string }[]
