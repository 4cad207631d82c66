// Child process of proxy.test.ts: with imports of 'undici' made to fail, fetch a document without
// any proxy variable (must work: undici is not loaded), then with HTTP_PROXY set (must try to
// load it). Prints one line per step.
import { register } from 'node:module';

register(new URL('./undici-hook.mjs', import.meta.url));
const { EdgarClient } = await import('../../src/edgar/index.js');
const { baseUrls, ref } = JSON.parse(process.argv[2] ?? '{}');
const client = (): InstanceType<typeof EdgarClient> =>
  new EdgarClient({
    userAgent: 'fin-tabtext tests tests@example.com',
    baseUrls,
    cacheDir: false,
    retry: { maxAttempts: 1 },
  });
const html = await client().fetchDocument(ref);
process.stdout.write(`without proxy: ${html.length} characters\n`);
process.env.HTTP_PROXY = 'http://127.0.0.1:9';
try {
  await client().fetchDocument(ref);
  process.stdout.write('with proxy: sent without undici\n');
} catch (error) {
  const cause = (error as { cause?: { message?: string } }).cause;
  process.stdout.write(`with proxy: ${cause?.message ?? (error as Error).message}\n`);
}
