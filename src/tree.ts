/** Questions asked of any syntax tree (mdast or hast). */
import type { Node } from 'unist'
import { EXIT, visit } from 'unist-util-visit'

/** Whether `tree` holds a node that passes `test`; the walk stops at the first. */
export function contains(tree: Node, test: (node: Node) => boolean): boolean {
  let found = false
  visit(tree, (node) => {
    if (!test(node)) return undefined
    found = true
    return EXIT
  })
  return found
}
