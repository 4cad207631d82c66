/**
 * Events an {@link EdgarClient} and {@link loadEdgarDataset} report through `onProgress`.
 *
 * - `request`: one HTTP attempt finished (`status` is `null` when no response arrived).
 * - `cache-hit`: a response came from the cache, no request sent.
 * - `cache-damaged`: a cache entry failed its SHA-256 digest or content check; it is not used.
 * - `redirect`: a same-host redirect is followed (`location`), through the limiter.
 * - `rejected-row`: a submissions row matching the query is malformed; it is left out.
 * - `retry`: a transient failure; the next attempt follows after `delayMs`.
 * - `rate-limited`: SEC signaled a block; all traffic of the limiter pauses for `pauseMs`.
 * - `filing`: the data-set loader finished one filing (`done` of `total`).
 */
export type EdgarProgressEvent =
  | {
      readonly type: 'request';
      readonly url: string;
      readonly status: number | null;
      readonly attempt: number;
      readonly bytes: number;
      readonly ms: number;
    }
  | { readonly type: 'cache-hit'; readonly url: string }
  | { readonly type: 'cache-damaged'; readonly url: string }
  | { readonly type: 'redirect'; readonly url: string; readonly location: string; readonly status: number }
  | {
      readonly type: 'rejected-row';
      readonly cik: string;
      readonly accessionNumber: string | null;
      readonly reason: string;
    }
  | {
      readonly type: 'retry';
      readonly url: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | { readonly type: 'rate-limited'; readonly url: string; readonly status: number; readonly pauseMs: number }
  | {
      readonly type: 'filing';
      readonly done: number;
      readonly total: number;
      readonly accessionNumber: string;
      readonly error: string | null;
    };
