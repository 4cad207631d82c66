import { Interrupted, interruptExitCode, processIo, removeTemporaryFiles } from './io.js';
import { runCli } from './run.js';

// Ctrl-C / SIGTERM abort the running command through its signal: it stops, writeRecords removes
// its temporary file, and runCli prints one line and returns 130/143. A command stuck in
// synchronous work cannot see the signal, so a second signal (or 5 s) exits at once, removing
// temporary files on the way out.
const controller = new AbortController();
const outputs = new Set<string>();
let stopping: 'SIGINT' | 'SIGTERM' | undefined;

function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  if (stopping !== undefined) hardExit(signal);
  stopping = signal;
  controller.abort(new Interrupted(signal));
  setTimeout(() => hardExit(signal), 5000).unref();
}

function hardExit(signal: 'SIGINT' | 'SIGTERM'): never {
  removeTemporaryFiles(outputs);
  process.stderr.write(`fin-tabtext: interrupted by ${signal}; temporary files removed\n`);
  process.exit(interruptExitCode(signal));
}

process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

runCli(process.argv.slice(2), { ...processIo(), signal: controller.signal, outputs }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fin-tabtext: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
