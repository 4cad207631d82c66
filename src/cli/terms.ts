// A sentence that gives library advice: a call such as `scoreFile(...)`, `new EdgarClient(...)`,
// or `{ textColumn: 'a' }`. The CLI never shows those; it names its flags instead.
const API_SENTENCE = /\b[A-Za-z_]\w*\([^)]*\)|\bnew [A-Z]\w*\(|\{ *[a-z]\w*: |Call it as|\be\.g\./;

/**
 * A library error's message in CLI terms: the option fields the command maps become its flags
 * (`options.textColumn` → `--text-column`), the function-name prefix goes, and sentences that
 * show an API call are dropped.
 *
 * @param message - The library's message.
 * @param fields - Field to flag, from {@link Command.fields}.
 * @returns The message for the terminal.
 */
export function inCliTerms(message: string, fields: Readonly<Record<string, string>> = {}): string {
  let text = message.replace(/^(?:new )?[A-Za-z]+(?:\([^)]*\))?:\s+/, '');
  for (const [field, flag] of Object.entries(fields).sort((a, b) => b[0].length - a[0].length)) {
    text = text.split(field).join(flag);
  }
  const sentences = text
    .replaceAll('e.g. ', 'e.g.\u00a0')
    .split(/(?<=[.;!?])\s+/)
    .filter((s) => !API_SENTENCE.test(s));
  const kept = sentences
    .join(' ')
    .replace(/[;,]\s*$/, '.')
    .trim();
  return kept === '' ? 'invalid input; see --help.' : kept;
}
