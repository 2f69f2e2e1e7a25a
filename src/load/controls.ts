/**
 * Control characters never reach a page or the search index: they are removed from every
 * file when it is loaded, from YAML values (where "\e" escapes can make them) and from raw
 * HTML (where &#27; can). Tab, newline and carriage return stay: they are Markdown's own.
 */
const controls = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g

export function stripControls(text: string): string {
  return text.replace(controls, '')
}

/** The same for every string inside a parsed YAML value. */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T
  if (Array.isArray(value)) return value.map(stripControlsDeep) as T
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripControls(k), stripControlsDeep(v)])) as T
  }
  return value
}
