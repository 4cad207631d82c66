import type { Command } from '../command.js';
import { demoCommand } from './demo.js';

/** Every sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  // demo stays last
  demoCommand,
];
