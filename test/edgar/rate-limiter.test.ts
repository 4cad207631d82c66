import { describe, expect, it } from 'vitest';
import { type Clock, createRateLimiter } from '../../src/edgar/index.js';
import { FinTabTextError } from '../../src/errors/index.js';
import { maxPerSecondWindow } from '../support/edgar-server.js';

/** A virtual clock: `sleep` advances time by `ms` plus whatever `drift` returns (late or early). */
function virtualClock(drift: (ms: number) => number = () => 0): Clock & { sleeps: number[] } {
  let now = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      // a macrotask first, so callers record grant times before virtual time moves on
      await new Promise<void>((r) => setImmediate(r));
      now += Math.max(0, ms + drift(ms));
    },
  };
}

async function grantTimes(clock: Clock, cap: number, n: number): Promise<number[]> {
  const limiter = createRateLimiter({ maxRequestsPerSecond: cap, clock });
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: n }, () =>
      limiter.acquire().then(() => {
        times.push(clock.now());
      }),
    ),
  );
  return times;
}

describe('createRateLimiter', () => {
  it('spaces 1,000 grants evenly: no one-second window above the cap, close to the cap overall', async () => {
    for (const cap of [1, 3, 9, 10]) {
      const clock = virtualClock();
      const times = await grantTimes(clock, cap, 1000);
      expect(times).toHaveLength(1000);
      expect(maxPerSecondWindow(times)).toBeLessThanOrEqual(cap);
      const rate = ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!);
      expect(rate).toBeGreaterThanOrEqual(cap * 0.95);
      // integer-millisecond timers fire late here; the limiter makes up for it
      expect(rate).toBeGreaterThanOrEqual((cap / 1.035) * 0.995);
      expect(rate).toBeLessThanOrEqual(cap);
    }
  });

  it('never bursts after late timers (a stalled event loop) and waits again after early ones', async () => {
    let i = 0;
    // every 7th sleep is 400 ms late; the others fire 0.9 ms early
    const clock = virtualClock(() => (++i % 7 === 0 ? 400 : -0.9));
    const times = await grantTimes(clock, 10, 300);
    expect(maxPerSecondWindow(times)).toBeLessThanOrEqual(10);
    // a late grant is made up by slightly shorter gaps, never by a burst (90% of 103.5 ms at least)
    const gaps = times.slice(1).map((t, k) => t - times[k]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(93);
    // any 10 consecutive grants span the second plus the 3.5% head-room
    for (let k = 10; k < times.length; k++) expect(times[k]! - times[k - 10]!).toBeGreaterThanOrEqual(1035);
  });

  it('pause() holds every waiter until the pause ends and never shortens a longer pause', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxRequestsPerSecond: 10, clock });
    await limiter.acquire();
    const start = clock.now();
    limiter.pause(60_000);
    limiter.pause(5_000);
    expect(limiter.pausedUntil).toBe(start + 60_000);
    const times: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.acquire().then(() => times.push(clock.now()))));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start + 60_000);
  });

  it('an aborted waiter leaves the queue and rejects with the reason', async () => {
    const limiter = createRateLimiter({ maxRequestsPerSecond: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(limiter.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('rejects caps above SEC fair access (10/s) and nonsense', () => {
    expect(() => createRateLimiter({ maxRequestsPerSecond: 11 })).toThrow(FinTabTextError);
    expect(() => createRateLimiter({ maxRequestsPerSecond: 11 })).toThrow(/at most 10/);
    expect(() => createRateLimiter({ maxRequestsPerSecond: 0 })).toThrow(/maxRequestsPerSecond/);
    expect(() => createRateLimiter({ maxRequestsPerSecond: Number.NaN })).toThrow(/maxRequestsPerSecond/);
    expect(() => createRateLimiter({ safetyMargin: -1 })).toThrow(/safetyMargin/);
    expect(createRateLimiter().maxRequestsPerSecond).toBe(9);
  });
});

describe('createRateLimiter tickets (what EdgarClient uses)', () => {
  it('spaces each grant more than a second after the answer of the request cap places back', async () => {
    const limiter = createRateLimiter({ maxRequestsPerSecond: 10 });
    const grants: number[] = [];
    const answers: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const ticket = await limiter.acquireTicket!();
        grants[i] = performance.timeOrigin + performance.now();
        // a slow answer: 250 ms after the grant
        await new Promise((r) => setTimeout(r, 250));
        answers[i] = performance.timeOrigin + performance.now();
        ticket.answered();
      }),
    );
    // grants are FIFO, so index order is grant order
    for (let k = 10; k < 25; k++) expect(grants[k]! - answers[k - 10]!).toBeGreaterThanOrEqual(1000);
    // without the answers the span rule alone would have allowed 10 per 1035 ms
    expect(grants[24]! - grants[0]!).toBeGreaterThan(2 * 1250);
  }, 20_000);

  it('takes an unanswered request as arrived after maxArrivalDelayMs, so one hung request cannot stall the rest', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxRequestsPerSecond: 10, maxArrivalDelayMs: 200, clock });
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 21 }, () =>
        limiter.acquireTicket!().then(() => {
          grants.push(clock.now());
        }),
      ),
    );
    for (let k = 10; k < 21; k++) expect(grants[k]! - grants[k - 10]!).toBeGreaterThanOrEqual(1201);
    expect(grants[20]! - grants[0]!).toBeLessThan(2 * 1201 + 50);
  });

  it('checks its options with did-you-mean', () => {
    expect(() => createRateLimiter({ maxRequestPerSecond: 5 } as never)).toThrow(
      /createRateLimiter: unknown option 'options\.maxRequestPerSecond'\. Did you mean 'maxRequestsPerSecond'\?/,
    );
  });
});
