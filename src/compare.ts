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

/**
 * compareText as numbers: `rank(text)` orders texts as compareText does. Each order keeps the
 * ranks of the texts it sorted last and sorts again only when asked about a text it has not
 * seen, so a process that sorts mostly the same names or titles again and again (the dev
 * server, after every edit) compares numbers instead of collating strings.
 */
export class TextOrder {
  private ranks = new Map<string, number>()

  /** Ranks for every text in `texts`; equal texts get equal ranks. */
  of(texts: readonly string[]): (text: string) => number {
    if (texts.some((t) => !this.ranks.has(t))) {
      this.ranks = new Map([...new Set(texts)].sort(compareText).map((t, i) => [t, i]))
    }
    const ranks = this.ranks
    return (text) => ranks.get(text)!
  }
}
