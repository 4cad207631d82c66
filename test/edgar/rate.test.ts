// The rate cap and `concurrency`, measured where SEC measures: at the server, with the server's
// own timestamps, the server running in its own process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/edgar/index.js';
import {
  maxPerSecondWindow,
  type RecordedRequest,
  type RemoteEdgarServer,
  spinCores,
  startEdgarServerProcess,
} from '../support/edgar-server.js';
import { testClient } from './helpers.js';

let server: RemoteEdgarServer;
beforeAll(async () => {
  server = await startEdgarServerProcess();
}, 30_000);
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  await server.clearFaults();
  await server.clearRequests();
});

const INDEX = '/Archives/edgar/data/1648960/000121390024004875/index.json';

/** The most requests the server was answering at once (from arrival to the end of the response). */
function maxInFlight(requests: readonly RecordedRequest[]): number {
  const events = requests.flatMap((r) => [
    { at: r.time, delta: 1 },
    { at: r.finished ?? Number.POSITIVE_INFINITY, delta: -1 },
  ]);
  // an end and an arrival at the same instant: the end first
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let best = 0;
  for (const event of events) {
    now += event.delta;
    best = Math.max(best, now);
  }
  return best;
}

describe('rate limit, measured at the server', () => {
  it('holds no more than the cap in any one-second window over 220 requests', async () => {
    const client = testClient(server, { maxRequestsPerSecond: 10, concurrency: 6 });
    // distinct URLs (the query string is ignored by the server) so nothing is shared or cached
    const bodies = await Promise.all(
      Array.from({ length: 220 }, (_, i) => client.getJson(`${INDEX}?n=${i}`, 'www')),
    );
    expect(bodies).toHaveLength(220);
    const times = (await server.requests()).map((r) => r.time);
    expect(times).toHaveLength(220);
    expect(maxPerSecondWindow(times)).toBeLessThanOrEqual(10);
  }, 60_000);

  it('holds the cap while two other processes keep both cores busy', async () => {
    const stop = await spinCores(2);
    try {
      const client = testClient(server, { maxRequestsPerSecond: 10, concurrency: 8 });
      await Promise.all(Array.from({ length: 150 }, (_, i) => client.getJson(`${INDEX}?load=${i}`, 'www')));
    } finally {
      await stop();
    }
    const times = (await server.requests()).map((r) => r.time);
    expect(times).toHaveLength(150);
    expect(maxPerSecondWindow(times)).toBeLessThanOrEqual(10);
  }, 90_000);

  it('shares one budget between clients that share a limiter', async () => {
    const limiter = createRateLimiter({ maxRequestsPerSecond: 10 });
    const a = testClient(server, { limiter, concurrency: 4 });
    const b = testClient(server, { limiter, concurrency: 4 });
    await Promise.all(
      Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? a : b).getJson(`${INDEX}?shared=${i}`, 'www')),
    );
    const requests = await server.requests();
    expect(requests).toHaveLength(80);
    expect(maxPerSecondWindow(requests.map((r) => r.time))).toBeLessThanOrEqual(10);
  }, 60_000);
});

describe('concurrency, measured at the server', () => {
  it.each([1, 3, 6])(
    'keeps at most %i requests in flight, and uses them all',
    async (concurrency) => {
      // answers take 1.5 s, so at 10 requests per second far more than 6 would be in flight
      await server.inject({ kind: 'slow', delayMs: 1500 }, { count: 1000, match: /index\.json/ });
      const client = testClient(server, { maxRequestsPerSecond: 10, concurrency, timeoutMs: 10_000 });
      await Promise.all(
        Array.from({ length: concurrency * 3 }, (_, i) =>
          client.getJson(`${INDEX}?c=${concurrency}-${i}`, 'www'),
        ),
      );
      const requests = await server.requests();
      expect(requests).toHaveLength(concurrency * 3);
      expect(maxInFlight(requests)).toBe(concurrency);
    },
    60_000,
  );
});
