import { describe, expect, it } from 'vitest'
import { currentView, environmentView, getArticles, isPublished, unpublishedState, withView, type ArticleMeta } from '@/lib/content'

const at = Date.UTC(2026, 10, 28, 12)
const article = (fields: Partial<ArticleMeta>) => ({ draft: false, time: at, ...fields }) as ArticleMeta

describe('what readers may see', () => {
  it('publishes an article once its time has come, with no rebuild', () => {
    const scheduled = article({ time: at + 60_000 })
    expect(isPublished(scheduled, at)).toBe(false)
    expect(unpublishedState(scheduled, at)).toBe('scheduled')
    expect(isPublished(scheduled, at + 60_000)).toBe(true)
    expect(unpublishedState(scheduled, at + 60_000)).toBeNull()
  })

  it('never publishes a draft, whatever its date', () => {
    const draft = article({ draft: true, time: at - 86_400_000 })
    expect(isPublished(draft, at)).toBe(false)
    expect(unpublishedState(draft, at)).toBe('draft')
  })

  it('shows only published content outside previews (tests run without VERCEL_ENV or SHOW_DRAFTS)', () => {
    expect(environmentView()).toBe('public')
  })

  it('has no view by default: a query outside a page render or withView() is an error', async () => {
    expect(() => currentView()).toThrow(/No content view set/)
    expect(withView('preview', () => currentView())).toBe('preview')
    // The scope follows awaits, as route handlers do.
    expect(await withView('public', async () => (await Promise.resolve(), currentView()))).toBe('public')
    expect(() => getArticles('zh-CN')).toThrow(/No content view set/)
  })
})
