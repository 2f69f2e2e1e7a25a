/**
 * Locale-independent ordering. String comparison without a fixed locale follows the
 * machine's (LANG=tr_TR sorts "Ib" and "ia" differently from LANG=en_US), and the same
 * content must give byte-identical output everywhere.
 */

const english = new Intl.Collator('en')

/** Names and titles as a reader expects them ("apple" before "Banana"), the same on every machine. */
export function compareText(a: string, b: string): number {
  return english.compare(a, b) || compareCodePoints(a, b)
}

/** Ids, dates and paths: plain code-point order. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
