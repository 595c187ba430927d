/**
 * A thumbnail in a fixed 16:9 box: the page never shifts, and an image that fails to load is
 * hidden by the head script, leaving the neutral box. Decorative: the title is next to it.
 */
export function Thumbnail({ src, eager = false, className = '' }: { src: string; eager?: boolean; className?: string }) {
  return (
    <div className={`aspect-video overflow-hidden rounded bg-neutral-200 dark:bg-neutral-800 ${className}`}>
      <img
        src={src}
        alt=""
        width={640}
        height={360}
        loading={eager ? 'eager' : 'lazy'}
        fetchPriority={eager ? 'high' : undefined}
        decoding="async"
        referrerPolicy="no-referrer"
        className="h-full w-full object-cover"
      />
    </div>
  )
}
