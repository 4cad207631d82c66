import { decodeBody, parseJsonBody } from './decode.js';
import { documentProblem } from './validate.js';

/** A short description of a caught error, with its code when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}

/** How a body is decoded and checked before it is returned or cached. */
export type BodyKind = 'bytes' | 'text' | 'json' | 'document';

/** A body refused by its check: cut short, unparsable, or not what was asked for. */
export class InvalidBodyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidBodyError';
  }
}

function decodeDocument(body: Uint8Array): string {
  const text = decodeBody(body);
  const problem = documentProblem(text);
  if (problem !== null) throw new InvalidBodyError(`the body is ${problem}`);
  return text;
}

function decodeJson(body: Uint8Array): unknown {
  try {
    return parseJsonBody(body);
  } catch (cause) {
    throw new InvalidBodyError(`the body is not complete JSON (cut short?): ${describeError(cause)}`, {
      cause,
    });
  }
}

export const DECODERS: Readonly<Record<BodyKind, (body: Uint8Array) => unknown>> = {
  bytes: (body) => body,
  text: decodeBody,
  json: decodeJson,
  document: decodeDocument,
};
