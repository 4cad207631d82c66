// `npm run bench`: every benchmark in its own process (so each reports its own peak RSS),
// in order. Pass names to run a subset: `npm run bench -- score extract`.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const ALL = [
  'score',
  'vader',
  'extract',
  'xbrl',
  'summarize',
  'records',
  'edgar',
  'bulk',
  'pipeline',
  'queue',
];
const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : ALL;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  `# fin-tabtext benchmarks\n\nMachine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n\n`,
);
let failed = 0;
for (const name of names) {
  if (!ALL.includes(name)) {
    process.stderr.write(`unknown benchmark "${name}"; choose from ${ALL.join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  process.stdout.write(`## ${name}\n\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
  process.stdout.write('\n');
}
if (failed > 0) process.exitCode = 1;
