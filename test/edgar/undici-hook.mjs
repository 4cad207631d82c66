// Module hook of undici-worker.ts: any import of 'undici' fails, so the worker can tell whether
// the EDGAR client loaded it.
export async function resolve(specifier, context, next) {
  if (specifier === 'undici') throw new Error('undici was imported');
  return next(specifier, context);
}
