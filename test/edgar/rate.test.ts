import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/edgar/index.js';
import { type EdgarTestServer, maxPerSecondWindow, startEdgarServer } from '../support/edgar-server.js';
import { testClient } from './helpers.js';

let server: EdgarTestServer;
beforeAll(async () => {
  server = await startEdgarServer();
});
afterAll(async () => {
  await server.close();
});

const INDEX = '/Archives/edgar/data/1648960/000121390024004875/index.json';

describe('rate limit, measured at the server', () => {
  it('holds no more than the cap in any one-second window over 220 requests', async () => {
    server.clearRequests();
    const client = testClient(server, { maxRequestsPerSecond: 10, concurrency: 6 });
    // distinct URLs (the query string is ignored by the server) so nothing is shared or cached
    const bodies = await Promise.all(
      Array.from({ length: 220 }, (_, i) => client.getJson(`${INDEX}?n=${i}`, 'www')),
    );
    expect(bodies).toHaveLength(220);
    const times = server.requests.map((r) => r.time);
    expect(times).toHaveLength(220);
    expect(maxPerSecondWindow(times)).toBeLessThanOrEqual(10);
  }, 60_000);

  it('shares one budget between clients that share a limiter', async () => {
    server.clearRequests();
    const limiter = createRateLimiter({ maxRequestsPerSecond: 10 });
    const a = testClient(server, { limiter, concurrency: 4 });
    const b = testClient(server, { limiter, concurrency: 4 });
    await Promise.all(
      Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? a : b).getJson(`${INDEX}?shared=${i}`, 'www')),
    );
    expect(server.requests).toHaveLength(80);
    expect(maxPerSecondWindow(server.requests.map((r) => r.time))).toBeLessThanOrEqual(10);
  }, 60_000);
});
