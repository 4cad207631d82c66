import type { CliIo } from './io.js';

/** A progress reporter: a redrawn bar on a TTY, a plain line every few seconds otherwise. */
export interface Progress {
  update(done: number, total: number | undefined, label?: string): void;
  done(message?: string): void;
}

const BAR_WIDTH = 28;

/**
 * Create the progress reporter for a command. It draws on stderr so stdout stays clean
 * for data; `quiet` turns it off.
 */
export function createProgress(io: CliIo, title: string, options: { quiet?: boolean } = {}): Progress {
  const tty = io.stderr.isTTY === true;
  // The first plain line comes after 2 s, so a short run prints only its closing line.
  let lastPlain = Date.now();
  let drawn = false;
  const now = (): number => Date.now();
  return {
    update(done, total, label = '') {
      if (options.quiet) return;
      if (tty) {
        const fraction = total !== undefined && total > 0 ? Math.min(1, done / total) : 0;
        const filled = Math.round(fraction * BAR_WIDTH);
        const bar = total === undefined ? '' : `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
        const count = total === undefined ? `${done}` : `${done}/${total}`;
        const width = io.stderr.columns ?? 100;
        const line = `${title} ${bar}${count} ${label}`.slice(0, Math.max(20, width - 1));
        io.stderr.write(`\r\x1b[2K${line}`);
        drawn = true;
        return;
      }
      // Not at done === total: done() prints the one closing line.
      const t = now();
      if (t - lastPlain >= 2000) {
        lastPlain = t;
        io.stderr.write(`${title}: ${total === undefined ? done : `${done}/${total}`} ${label}\n`);
      }
    },
    done(message) {
      if (options.quiet) return;
      if (tty && drawn) io.stderr.write('\r\x1b[2K');
      if (message) io.stderr.write(`${message}\n`);
    },
  };
}
