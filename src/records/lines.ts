import { StringDecoder } from 'node:string_decoder';

/**
 * Split a stream of text or UTF-8 bytes into lines (without the `\n`), in time linear in the
 * input whatever the line length: each chunk is scanned once for line ends, and the pieces of a
 * line that spans many chunks are kept in a list and joined once, when its end arrives. (Appending
 * every chunk to one pending string and searching it again from the start is quadratic on long
 * lines.) A final line without `\n` is yielded too; an empty input yields nothing.
 *
 * @param chunks - Text or byte chunks, for example a file read stream.
 * @returns The lines, in order.
 * @example
 * ```ts
 * for await (const line of splitLines(createReadStream('rows.jsonl'))) JSON.parse(line);
 * ```
 */
export async function* splitLines(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  let any = false;
  const finish = (tail: string): string => {
    if (pending.length === 0) return tail;
    pending.push(tail);
    const line = pending.join('');
    pending = [];
    return line;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text === '') continue;
    any = true;
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      yield finish(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  const last = decoder.end();
  if (last !== '') {
    any = true;
    pending.push(last);
  }
  if (any && pending.length > 0) yield finish('');
}
