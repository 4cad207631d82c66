import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EdgarClient, type EdgarClientOptions } from '../../src/edgar/index.js';
import type { EdgarTestServer } from '../support/edgar-server.js';

export const USER_AGENT = 'fin-tabtext tests tests@example.com';

/** A client pointed at the test server, no cache unless given, fast retries. */
export function testClient(
  server: Pick<EdgarTestServer, 'baseUrls'>,
  options: Partial<EdgarClientOptions> = {},
): EdgarClient {
  return new EdgarClient({
    userAgent: USER_AGENT,
    baseUrls: server.baseUrls,
    cacheDir: false,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
}

/** A fresh temporary folder and its remover. */
export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `fin-tabtext-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
