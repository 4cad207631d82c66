// Child process entry of startEdgarServerProcess (edgar-server.ts): runs the SEC look-alike
// server in its own process, so its request timestamps come from a process other than the
// client's, as SEC's do. Commands arrive over IPC.
import { type Fault, startEdgarServer } from './edgar-server.js';

interface Command {
  readonly id: number;
  readonly op: 'requests' | 'clear' | 'clear-faults' | 'inject' | 'route' | 'close';
  readonly args?: Record<string, unknown>;
}

const send = (message: unknown): void => {
  process.send?.(message);
};

const server = await startEdgarServer();
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0));
});
process.on('message', (raw) => {
  const command = raw as Command;
  const args = command.args ?? {};
  try {
    if (command.op === 'requests') send({ id: command.id, result: server.requests });
    else if (command.op === 'clear') {
      server.clearRequests();
      send({ id: command.id, result: null });
    } else if (command.op === 'clear-faults') {
      server.clearFaults();
      send({ id: command.id, result: null });
    } else if (command.op === 'inject') {
      const match = args.match as { source: string; flags: string } | undefined;
      server.inject(args.fault as Fault, {
        ...(args.count === undefined ? {} : { count: args.count as number }),
        ...(match === undefined ? {} : { match: new RegExp(match.source, match.flags) }),
      });
      send({ id: command.id, result: null });
    } else if (command.op === 'route') {
      server.route(
        args.host as 'www' | 'data',
        args.path as string,
        Buffer.from(args.body as string, 'base64'),
        { gzipped: args.gzipped === true },
      );
      send({ id: command.id, result: null });
    } else if (command.op === 'close') {
      void server.close().then(() => {
        send({ id: command.id, result: null });
        process.exit(0);
      });
    }
  } catch (error) {
    send({ id: command.id, error: String(error) });
  }
});
send({ ready: server.origin });
