// Child process of the resume test in dataset.test.ts: runs loadEdgarDataset against the test
// server with a given cache folder and prints one accession number per record. The test kills it
// with SIGKILL part-way.
import { loadEdgarDataset } from '../../src/edgar/index.js';

const { baseUrls, cacheDir, tickersOrCiks } = JSON.parse(process.argv[2] ?? '{}') as {
  baseUrls: { www: string; data: string };
  cacheDir: string;
  tickersOrCiks: string[];
};
for await (const record of loadEdgarDataset({
  userAgent: 'fin-tabtext tests tests@example.com',
  baseUrls,
  cacheDir,
  tickersOrCiks,
  formTypes: ['10-K', '10-Q'],
})) {
  process.stdout.write(`${record.accession_number}\n`);
}
