import type { Command } from '../command.js';
import { altmanCommand } from './altman.js';
import { datasetCommand } from './dataset.js';
import { demoCommand } from './demo.js';
import { fetchCommand } from './fetch.js';
import { mdnaCommand } from './mdna.js';
import { queueCommand } from './queue.js';
import { scoreCommand } from './score.js';
import { summarizeCommand } from './summarize.js';
import { tabtextCommand } from './tabtext.js';

/** Every sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  fetchCommand,
  mdnaCommand,
  scoreCommand,
  altmanCommand,
  tabtextCommand,
  summarizeCommand,
  demoCommand,
  datasetCommand,
  queueCommand,
];
