import { env } from './env'

export const widgetNames = ['search', 'recent', 'categories', 'taglist', 'social', 'languages'] as const
export type WidgetName = (typeof widgetNames)[number]

/** Site constants. Environment-dependent values come from `lib/env.ts`. */
export const siteConfig = {
  url: env.siteUrl,
  timeZone: env.timeZone,
  /** Articles per list page (home, tag, category). */
  pageSize: 10,
  /** The front page: stories in the band under the lead; topic sections, headlines in each and the fewest worth a section. */
  frontPage: { topCount: 4, sectionCount: 3, sectionSize: 3, sectionMin: 2 },
  /** Topics (most used first) in the main menu. */
  menuTopics: 5,
  /** Contact address in the footer. */
  contactEmail: 'newsroom@example.com',
  /** Articles in the "recent" widget. */
  recentCount: 6,
  /** Tags shown in the tag cloud widget, most used first. */
  tagCloudSize: 30,
  /** Widgets for articles and lists that do not name their own. */
  defaultWidgets: ['search', 'recent', 'categories', 'taglist'] satisfies WidgetName[] as WidgetName[],
  /** Links for the social widget. */
  social: [
    { label: 'RSS', href: '/index.xml' },
    { label: 'GitHub', href: 'https://github.com/' },
  ],
  /** Author shown in the author box when an article does not name one. */
  defaultAuthor: '编辑部',
  /**
   * What the build renders ahead: the newest articles and the biggest tags and categories of each
   * edition, and the first pages of the home list. Everything else renders on its first request and
   * is cached from then on (ISR): prerendering every page costs the build more than it saves readers.
   * The defaults (lib/env.ts) are one home page of articles (`pageSize`) and the menu's topics
   * (`menuTopics`): on the real corpus 114 pages instead of 189 with 20 and 10, which took a quarter
   * off a rebuild after one new article.
   */
  prerenderArticles: env.prerenderArticles,
  prerenderTerms: env.prerenderTerms,
  /** Pages of the home list pre-rendered per edition at build. */
  prerenderListPages: 2,
  /** Newest articles in each feed (edition, tag, category). */
  feedSize: env.feedSize,
  /** Most URLs in one sitemap file (sitemaps.org allows 50,000); beyond it /sitemap.xml becomes an index of chunks. */
  sitemapSize: 50_000,
  /** Age limit of the Google News sitemap (Google reads only the last 2 days). */
  newsSitemapHours: 48,
  /**
   * Seconds before a cached page is rendered again (relative dates). Route files must write it as a
   * literal (`export const revalidate = 600`: Next reads it without running the module);
   * tests/route-config.test.ts holds them all to this value.
   */
  revalidateSeconds: 600,
} as const
