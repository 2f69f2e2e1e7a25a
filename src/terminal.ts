/**
 * The one place that makes text safe for the terminal. Report titles, YAML values, file
 * names and queries are untrusted: an escape sequence in them could clear the screen, fake
 * a success line or set the window title. Every line the CLI prints passes through here;
 * control characters (and the bidi overrides that reorder a line) are shown as visible
 * escapes such as \x1b instead of being sent to the terminal.
 */

/** C0 controls except tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates. */
const unsafe = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g

export function terminalSafe(text: string): string {
  return text.replace(unsafe, (c) => {
    const code = c.codePointAt(0)!
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
