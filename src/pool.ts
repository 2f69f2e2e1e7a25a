/**
 * A small pool: `run` over `items` with at most `limit` at once, results in input order.
 * File work goes through it so that thousands of reports or pages never open more files at
 * once than the usual limit of 1,024 allows.
 */
export async function inPool<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await run(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** How many files Recap keeps open at once. */
export const fileConcurrency = 32
