/**
 * Files an editor keeps beside the ones being edited: Emacs lock files (`.#x.md`, a symbolic
 * link that leads nowhere while a buffer has unsaved changes) and auto-saves (`#x.md#`),
 * backups (`x.md~`) and Vim swap files (`.x.md.swp`, `.swo`, …). They are not content:
 * load, check, build and the dev server's watcher all pass over them the same way.
 */
import path from 'node:path'

export function isEditorFile(file: string): boolean {
  const name = path.basename(file)
  return name.startsWith('.#') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#')) || /^\..*\.sw[a-p]$/.test(name)
}
