import { InvalidArgumentError } from '../errors/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
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
   * Like {@link RateLimiter.acquire}, for a caller that reports back when the server has answered
   * (optional; the client uses it when present). The limiter then knows the request reached the
   * server by that time, whatever the delays between the grant and the send (a busy CPU, a late
   * timer, the network), and spaces later grants from it.
   * @throws The signal's reason when `signal` aborts while waiting.
   */
  acquireTicket?(signal?: AbortSignal): Promise<RateLimitTicket>;
  /**
   * Stop granting requests for `ms` milliseconds from now (a rate-limit block). A pause never
   * shortens an earlier, longer one.
   */
  pause(ms: number): void;
  /** Epoch milliseconds until which grants are paused (in the past when not paused). */
  readonly pausedUntil: number;
}

/** A grant of {@link RateLimiter.acquireTicket}. */
export interface RateLimitTicket {
  /**
   * Report that the response began to arrive, or that the request failed: the server counted it
   * by now, if at all. Call it once; later calls are ignored.
   */
  answered(): void;
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
   * For grants of `acquireTicket`: how long after its grant a request still unanswered is taken
   * to have reached the server. Until then (or its answer) it holds back the grant `cap`
   * places later; so a slow server lowers the rate instead of risking a burst.
   * @default 1000
   */
  readonly maxArrivalDelayMs?: number;
  /**
   * Time source.
   * @default systemClock
   */
  readonly clock?: Clock;
}

interface Waiter {
  resolve: (ticket: RateLimitTicket) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  readonly tracked: boolean;
}

/** One granted request: when it was granted and, when tracked, when it was answered. */
interface Grant {
  readonly at: number;
  readonly tracked: boolean;
  answeredAt: number | null;
}

const UNTRACKED: RateLimitTicket = Object.freeze({ answered(): void {} });

/**
 * Create a rate limiter that spaces requests evenly at `1000 / maxRequestsPerSecond * (1 +
 * safetyMargin)` ms. Spacing is measured on actual grant times: a stalled event loop never
 * releases a burst afterwards (gaps never drop below 90% of the interval) and any
 * `maxRequestsPerSecond` consecutive grants span more than a second. For grants of
 * `acquireTicket` (what {@link EdgarClient} uses), the limiter also waits until a second has
 * passed since the request `maxRequestsPerSecond` places back was answered: a request reaches
 * the server after its grant and before its answer, so no one-second window at the server holds
 * more than the cap, however late the sends are (busy CPU, network jitter). The sustained rate
 * is `maxRequestsPerSecond` per `max(1000 * (1 + safetyMargin), 1000 + time to first byte)` ms.
 * Waiters are served first in, first out.
 *
 * @param options - Cap, safety margin, arrival bound and clock.
 * @returns A {@link RateLimiter}.
 * @throws {InvalidArgumentError} when `maxRequestsPerSecond` is not in (0, 10], `safetyMargin` is
 *   not in [0, 1], or an option is unknown.
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
  checkOptions('createRateLimiter', options, [
    'maxRequestsPerSecond',
    'safetyMargin',
    'maxArrivalDelayMs',
    'clock',
  ]);
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
  const maxArrivalDelayMs =
    checkNumber('createRateLimiter', 'options.maxArrivalDelayMs', options.maxArrivalDelayMs, {
      min: 0,
      max: 60_000,
    }) ?? 1000;
  const clock = options.clock ?? systemClock;
  // Requests are spaced `interval` apart on average; each request also waits until the one
  // `span` places back is `span * interval` old. A late timer is thus made up by the next gaps
  // (never shorter than 90% of the interval), while `span` consecutive grants always take at
  // least 1000 * (1 + margin) ms: no burst, and the sustained rate stays at cap / (1 + margin).
  const interval = (1000 / cap) * (1 + margin);
  const span = Math.max(1, Math.floor(cap));
  // Kept long enough to bound every grant that can still matter (see `arrivalBound`).
  const keep = span * 4;
  const history: Grant[] = [];
  const queue: Waiter[] = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;
  let wake: AbortController | undefined;

  // Latest time the request can have reached the server: its answer, or (unanswered) its
  // grant plus maxArrivalDelayMs. Untracked grants rely on the span rule alone.
  const arrivalBound = (grant: Grant): number =>
    !grant.tracked
      ? Number.NEGATIVE_INFINITY
      : Math.min(grant.answeredAt ?? Number.POSITIVE_INFINITY, grant.at + maxArrivalDelayMs);

  const readyAt = (): number => {
    const last = history.length === 0 ? Number.NEGATIVE_INFINITY : history[history.length - 1]!.at;
    const spanStart = history.length < span ? Number.NEGATIVE_INFINITY : history[history.length - span]!.at;
    // A new grant is the (span+1)-th of any group that includes a grant `span` or more places
    // back: it must reach the server more than a second after each of those did.
    let bound = Number.NEGATIVE_INFINITY;
    for (let i = 0; i <= history.length - span; i++) bound = Math.max(bound, arrivalBound(history[i]!));
    return Math.max(last + 0.9 * interval, spanStart + span * interval, bound + 1001, pausedUntil);
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const now = clock.now();
        const ready = readyAt();
        if (now >= ready) {
          const waiter = queue.shift()!;
          const grant: Grant = { at: now, tracked: waiter.tracked, answeredAt: null };
          history.push(grant);
          if (history.length > keep) history.shift();
          if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
          waiter.resolve(
            waiter.tracked
              ? {
                  answered(): void {
                    if (grant.answeredAt !== null) return;
                    grant.answeredAt = clock.now();
                    wake?.abort();
                  },
                }
              : UNTRACKED,
          );
          continue;
        }
        // Timers may fire a little early against a sub-millisecond clock: the loop re-checks.
        // An answer can bring the ready time forward: it cuts the sleep short.
        wake = new AbortController();
        await clock.sleep(Math.max(1, Math.ceil(ready - now)), wake.signal).catch(() => {});
        wake = undefined;
      }
    } finally {
      pumping = false;
    }
  };

  const enqueue = (signal: AbortSignal | undefined, tracked: boolean): Promise<RateLimitTicket> => {
    if (signal?.aborted) return Promise.reject(reasonOf(signal));
    return new Promise<RateLimitTicket>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined, tracked };
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
  };

  return {
    maxRequestsPerSecond: cap,
    get pausedUntil(): number {
      return pausedUntil;
    },
    async acquire(signal?: AbortSignal): Promise<void> {
      await enqueue(signal, false);
    },
    acquireTicket(signal?: AbortSignal): Promise<RateLimitTicket> {
      return enqueue(signal, true);
    },
    pause(ms: number): void {
      if (!(ms > 0)) return;
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
      wake?.abort();
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
