/** Stage timings: each stage of a build is timed, and the CLI prints them. */
export interface StageTiming {
  stage: string
  ms: number
}

export interface Timer {
  timings: StageTiming[]
  time<T>(stage: string, run: () => T): T
  timeAsync<T>(stage: string, run: () => Promise<T>): Promise<T>
}

export function createTimer(): Timer {
  const timings: StageTiming[] = []
  const record = (stage: string, start: number) => timings.push({ stage, ms: performance.now() - start })
  return {
    timings,
    time(stage, run) {
      const start = performance.now()
      try {
        return run()
      } finally {
        record(stage, start)
      }
    },
    async timeAsync(stage, run) {
      const start = performance.now()
      try {
        return await run()
      } finally {
        record(stage, start)
      }
    },
  }
}
