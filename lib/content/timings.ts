/** Milliseconds spent per content-build step, summed over calls (the content report prints them). */
export type StepTimings = Record<string, number>

export function timed<T>(timings: StepTimings | undefined, step: string, run: () => T): T {
  if (!timings) return run()
  const started = performance.now()
  try {
    return run()
  } finally {
    timings[step] = (timings[step] ?? 0) + performance.now() - started
  }
}
