/** One slot of a numbered pager: a page number, or a gap shown as an ellipsis. */
export type PageSlot = number | 'gap'

/**
 * The page numbers a pager shows: the first and last page, the current one with `siblings` on
 * each side, and an ellipsis for each run left out (a run of one page is shown, not elided:
 * "1 2 3" beats "1 … 3"). For page 5 of 40: 1 … 4 5 6 … 40.
 */
export function pageWindow(current: number, total: number, siblings = 1): PageSlot[] {
  if (total < 1) return []
  const page = Math.min(Math.max(1, current), total)
  const shown = new Set([1, total])
  for (let n = page - siblings; n <= page + siblings; n++) if (n >= 1 && n <= total) shown.add(n)
  const sorted = [...shown].sort((a, b) => a - b)
  const slots: PageSlot[] = []
  let previous = 0
  for (const n of sorted) {
    if (n - previous === 2) slots.push(n - 1)
    else if (n - previous > 2) slots.push('gap')
    slots.push(n)
    previous = n
  }
  return slots
}
