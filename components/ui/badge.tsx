/** The 草稿 / 定时 mark itself: rendered by server components and by instant search alike. */
export function UnpublishedBadge({ state, label }: { state: 'draft' | 'scheduled'; label: string }) {
  return (
    <span data-badge={state} className="mr-2 inline-block rounded bg-amber-200 px-2 py-0.5 align-middle text-xs font-bold text-amber-950">
      {label}
    </span>
  )
}
