/**
 * Co-occurrence: the topics that appear in the same sections as a topic, most often first.
 * One pass over the topic's mentions.
 */

export function cooccurring(
  topic: string,
  sections: readonly string[],
  topicsOf: (section: string) => readonly string[],
  order: (a: string, b: string) => number,
  limit = 8,
): { topic: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const id of sections) {
    for (const other of topicsOf(id)) if (other !== topic) counts.set(other, (counts.get(other) ?? 0) + 1)
  }
  return [...counts]
    .map(([other, count]) => ({ topic: other, count }))
    .sort((a, b) => b.count - a.count || order(a.topic, b.topic))
    .slice(0, limit)
}
