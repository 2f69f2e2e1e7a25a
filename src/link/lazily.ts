/**
 * Lazy fields for the linked site's records: what only some pages show is worked out when a
 * page first reads it. A build reads everything; the dev server only what it serves.
 */

/**
 * A field of a record worked out on its first read and kept. It stays an enumerable field, so
 * reading, spreading and JSON see a plain value.
 */
export function lazily<T extends object, K extends keyof T>(record: T, key: K, compute: () => T[K]): void {
  let value: T[K]
  let done = false
  Object.defineProperty(record, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        value = compute()
        done = true
      }
      return value
    },
  })
}
