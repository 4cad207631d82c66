/**
 * The local SEC server of edgar-server.ts in a process of its own, so that its request
 * timestamps are taken by a process no client shares (rate measurements must not depend on
 * the clients' event loops). The parent talks to it over IPC: inject faults, read the recorded
 * requests, forget them, close. Run as a child when `FIN_TABTEXT_EDGAR_SERVER_CHILD=1`.
 */

import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type EdgarHostName, type Fault, type RecordedRequest, startEdgarServer } from './edgar-server.js';
import { fixturePath } from './fixtures.js';

type Command =
  | {
      readonly id: number;
      readonly type: 'inject';
      readonly fault: Fault;
      readonly count: number;
      readonly match?: string;
    }
  | {
      readonly id: number;
      readonly type: 'route';
      readonly host: EdgarHostName;
      readonly path: string;
      /** A fixture file (relative to test/fixtures) to serve, or ... */
      readonly fixture?: string;
      /** ... a body. */
      readonly body?: string;
    }
  | { readonly id: number; readonly type: 'requests' }
  | { readonly id: number; readonly type: 'clear' }
  | { readonly id: number; readonly type: 'close' };

/** A command without its id. */
type Body = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;

type Reply = { readonly id: number; readonly requests?: RecordedRequest[] };

/** The server, seen from the parent. */
export interface EdgarServerProcess {
  readonly origin: string;
  readonly baseUrls: { readonly www: string; readonly data: string };
  /** Inject `fault` into the next `count` requests whose path matches `match`. */
  inject(fault: Fault, options?: { count?: number; match?: RegExp }): Promise<void>;
  /** Serve a fixture file (`.gz` files are served as gzip) or a body at `path` of `host`. */
  route(host: EdgarHostName, path: string, content: { fixture: string } | { body: string }): Promise<void>;
  /** Every request so far, in arrival order (server clock). */
  requests(): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  close(): Promise<void>;
}

/** Fork the server process and wait until it listens. */
export async function startEdgarServerProcess(): Promise<EdgarServerProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FIN_TABTEXT_EDGAR_SERVER_CHILD: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { origin: string }).origin));
    child.once('exit', (code) => reject(new Error(`edgar server process exited with ${String(code)}`)));
  });
  let next = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  child.on('message', (message) => {
    const reply = message as Reply;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const call = (command: Body): Promise<Reply> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.send({ ...command, id });
    });
  return {
    origin,
    baseUrls: { www: `${origin}/www`, data: `${origin}/data` },
    async inject(fault, options = {}) {
      await call({
        type: 'inject',
        fault,
        count: options.count ?? 1,
        ...(options.match === undefined ? {} : { match: options.match.source }),
      });
    },
    async route(host, path, content) {
      await call({ type: 'route', host, path, ...content });
    },
    async requests() {
      return (await call({ type: 'requests' })).requests ?? [];
    },
    async clearRequests() {
      await call({ type: 'clear' });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call({ type: 'close' });
      await exited;
    },
  };
}

async function runChild(): Promise<void> {
  const server = await startEdgarServer();
  process.on('message', async (message) => {
    const command = message as Command;
    switch (command.type) {
      case 'inject':
        server.inject(command.fault, {
          count: command.count,
          ...(command.match === undefined ? {} : { match: new RegExp(command.match) }),
        });
        process.send?.({ id: command.id });
        break;
      case 'route':
        if (command.fixture !== undefined) {
          server.route(command.host, command.path, readFileSync(fixturePath(command.fixture)), {
            gzipped: command.fixture.endsWith('.gz'),
          });
        } else server.route(command.host, command.path, command.body ?? '');
        process.send?.({ id: command.id });
        break;
      case 'requests':
        process.send?.({ id: command.id, requests: server.requests });
        break;
      case 'clear':
        server.clearRequests();
        process.send?.({ id: command.id });
        break;
      case 'close':
        await server.close();
        process.send?.({ id: command.id }, () => process.exit(0));
        break;
    }
  });
  // The parent died: do not linger.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ origin: server.origin });
}

if (process.env.FIN_TABTEXT_EDGAR_SERVER_CHILD === '1' && process.send !== undefined) {
  void runChild();
}
