/**
 * Time source of the EDGAR client and its rate limiter. Inject a virtual clock to test
 * schedules without waiting; the default {@link systemClock} uses real time.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, monotonic within a process, fractional allowed. */
  now(): number;
  /**
   * Resolve after `ms` milliseconds (or at once for `ms <= 0`); reject with the signal's reason
   * when `signal` aborts first.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * The real clock: `performance.timeOrigin + performance.now()` (sub-millisecond and monotonic)
 * and `setTimeout`.
 *
 * @example
 * ```ts
 * import { systemClock } from 'fin-tabtext/edgar';
 * const t0 = systemClock.now();
 * await systemClock.sleep(10);
 * ```
 */
export const systemClock: Clock = Object.freeze({
  now(): number {
    return performance.timeOrigin + performance.now();
  },
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
});

/** The abort reason of `signal`, or a standard `AbortError`. */
export function reasonOf(signal: AbortSignal): unknown {
  return abortReason(signal);
}
