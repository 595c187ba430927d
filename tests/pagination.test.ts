import { describe, expect, it } from 'vitest'
import { pageWindow } from '@/lib/pagination'

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(1, 2)).toEqual([1, 2])
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5])
  })

  it('elides long runs on either side of the current page', () => {
    expect(pageWindow(1, 40)).toEqual([1, 2, 'gap', 40])
    expect(pageWindow(5, 40)).toEqual([1, 'gap', 4, 5, 6, 'gap', 40])
    expect(pageWindow(40, 40)).toEqual([1, 'gap', 39, 40])
  })

  it('shows a single left-out page instead of an ellipsis', () => {
    expect(pageWindow(3, 40)).toEqual([1, 2, 3, 4, 'gap', 40])
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('widens with more siblings and clamps a page out of range', () => {
    expect(pageWindow(10, 40, 2)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 40])
    expect(pageWindow(99, 3)).toEqual([1, 2, 3])
    expect(pageWindow(1, 0)).toEqual([])
  })

  it('never repeats a page and keeps the numbers in order', () => {
    for (let total = 1; total <= 30; total++) {
      for (let page = 1; page <= total; page++) {
        const numbers = pageWindow(page, total).filter((slot): slot is number => slot !== 'gap')
        expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b))
        expect(numbers).toContain(page)
        expect(numbers[0]).toBe(1)
        expect(numbers.at(-1)).toBe(total)
      }
    }
  })
})
