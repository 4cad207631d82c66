import { InvalidArgumentError } from '../errors/index.js';
import { type Clock, reasonOf, systemClock } from './clock.js';

/** SEC's fair-access ceiling: no more than 10 requests per second per user, all machines together. */
export const SEC_MAX_REQUESTS_PER_SECOND = 10;

/**
 * Paces requests. One limiter is shared by every request of an {@link EdgarClient}; pass the
 * same limiter to several clients (option `limiter`) so they share one budget. To share a budget
 * across processes, implement this interface over a shared store.
 */
export interface RateLimiter {
  /** The cap this limiter enforces, in requests per second. */
  readonly maxRequestsPerSecond: number;
  /**
   * Resolve when one request may start now. Call it immediately before sending.
   * @throws The signal's reason when `signal` aborts while waiting.
   */
  acquire(signal?: AbortSignal): Promise<void>;
  /**
   * Stop granting requests for `ms` milliseconds from now (a rate-limit block). A pause never
   * shortens an earlier, longer one.
   */
  pause(ms: number): void;
  /** Epoch milliseconds until which grants are paused (in the past when not paused). */
  readonly pausedUntil: number;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Requests per second, at most 10 (SEC fair access).
   * @default 9
   */
  readonly maxRequestsPerSecond?: number;
  /**
   * Head-room as a fraction of a second: any `maxRequestsPerSecond` consecutive requests span at
   * least `1000 * (1 + safetyMargin)` ms, so network or scheduling jitter of up to
   * `1000 * safetyMargin` ms cannot put more than the cap into a one-second window seen by the
   * server. The sustained rate is `maxRequestsPerSecond / (1 + safetyMargin)`.
   * @default 0.035
   */
  readonly safetyMargin?: number;
  /**
   * Time source.
   * @default systemClock
   */
  readonly clock?: Clock;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * Create a rate limiter that spaces requests evenly at `1000 / maxRequestsPerSecond * (1 +
 * safetyMargin)` ms. Spacing is measured on actual grant times: a stalled event loop never
 * releases a burst afterwards (gaps never drop below 90% of the interval) and any
 * `maxRequestsPerSecond` consecutive grants span more than a second, so no one-second window
 * holds more than the cap. Waiters are served first in, first out.
 *
 * @param options - Cap, safety margin and clock.
 * @returns A {@link RateLimiter}.
 * @throws {InvalidArgumentError} when `maxRequestsPerSecond` is not in (0, 10] or
 *   `safetyMargin` is not in [0, 1].
 * @example
 * ```ts
 * import { createRateLimiter } from 'fin-tabtext/edgar';
 * import { EdgarClient } from 'fin-tabtext';
 * const limiter = createRateLimiter({ maxRequestsPerSecond: 8 });
 * // two clients, one budget of 8 requests per second
 * const a = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', limiter });
 * const b = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', limiter });
 * ```
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const cap = options.maxRequestsPerSecond ?? 9;
  validateCap(cap, 'maxRequestsPerSecond');
  const margin = options.safetyMargin ?? 0.035;
  if (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0 || margin > 1) {
    throw new InvalidArgumentError(
      'safetyMargin',
      `createRateLimiter({ safetyMargin }) needs a number from 0 to 1, got ${String(margin)}; ` +
        'e.g. createRateLimiter({ maxRequestsPerSecond: 9, safetyMargin: 0.035 }).',
    );
  }
  const clock = options.clock ?? systemClock;
  // Requests are spaced `interval` apart on average; each request also waits until the one
  // `span` places back is `span * interval` old. A late timer is thus made up by the next gaps
  // (never shorter than 90% of the interval), while `span` consecutive grants always take at
  // least 1000 * (1 + margin) ms: no burst, and the sustained rate stays at cap / (1 + margin).
  const interval = (1000 / cap) * (1 + margin);
  const span = Math.max(1, Math.floor(cap));
  const history: number[] = [];
  const queue: Waiter[] = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const now = clock.now();
        const last = history.length === 0 ? Number.NEGATIVE_INFINITY : history[history.length - 1]!;
        const spanStart = history.length < span ? Number.NEGATIVE_INFINITY : history[history.length - span]!;
        const ready = Math.max(last + 0.9 * interval, spanStart + span * interval, pausedUntil);
        if (now >= ready) {
          const waiter = queue.shift()!;
          history.push(now);
          if (history.length > span) history.shift();
          if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
          waiter.resolve();
          continue;
        }
        // Timers may fire a little early against a sub-millisecond clock: the loop re-checks.
        await clock.sleep(Math.max(1, Math.ceil(ready - now)));
      }
    } finally {
      pumping = false;
    }
  };

  return {
    maxRequestsPerSecond: cap,
    get pausedUntil(): number {
      return pausedUntil;
    },
    acquire(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(reasonOf(signal));
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
        if (signal) {
          waiter.onAbort = (): void => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(reasonOf(signal));
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        void pump();
      });
    },
    pause(ms: number): void {
      if (!(ms > 0)) return;
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}

/** Throw unless `cap` is a number in (0, 10]. */
export function validateCap(cap: unknown, field: string): asserts cap is number {
  if (typeof cap !== 'number' || !Number.isFinite(cap) || cap <= 0 || cap > SEC_MAX_REQUESTS_PER_SECOND) {
    throw new InvalidArgumentError(
      field,
      `${field} must be a number above 0 and at most ${SEC_MAX_REQUESTS_PER_SECOND} ` +
        `(SEC fair access allows no more than 10 requests per second), got ${String(cap)}; ` +
        `e.g. new EdgarClient({ userAgent: 'Acme Research jane@acme.com', ${field}: 9 }).`,
    );
  }
}
