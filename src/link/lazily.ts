/**
 * Lazy values for the linked site and its pages: what only some pages show is worked out when a
 * page first reads it. A build reads everything; the dev server only what it serves.
 */

/** A value worked out on first use and kept. */
export function once<T>(make: () => T): () => T {
  let value: T
  let made = false
  return () => {
    if (!made) {
      value = make()
      made = true
    }
    return value
  }
}

/**
 * A field of a record worked out on its first read and kept. It stays an enumerable field, so
 * reading, spreading and JSON see a plain value.
 */
export function lazily<T extends object, K extends keyof T>(record: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(record, key, { enumerable: true, configurable: true, get: once(compute) })
}
