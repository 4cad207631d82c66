import { reasonOf } from './clock.js';

/** One load of a URL shared by every concurrent caller; it stops when all of them gave up. */
export interface SharedLoad {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
}

/** Join a shared load: resolve with it, or reject at once when `signal` aborts. */
export function follow(
  shared: SharedLoad,
  signal: AbortSignal | undefined,
  forget: () => void,
): Promise<unknown> {
  shared.waiters++;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      shared.waiters--;
      if (shared.waiters === 0) {
        forget();
        shared.controller.abort(reasonOf(signal!));
      }
      reject(reasonOf(signal!));
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The signal of one call: the client's and the caller's together. */
export function joinSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return AbortSignal.any([a, b]);
}
