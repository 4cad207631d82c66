/**
 * Builds the small bulk-archive samples in test/fixtures/bulk/ from the real SEC JSON files in
 * test/fixtures/sec-json/, named and laid out as in SEC's nightly `companyfacts.zip` and
 * `submissions.zip` (one `CIK##########.json` per company; submissions' older pages as
 * `CIK##########-submissions-NNN.json`, stored before the main file as SEC's archive sorts them).
 * Run: npx tsx scripts/build-bulk-samples.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createZipWriter } from '../test/support/zip.js';

const root = join(import.meta.dirname, '..');
const json = (name: string): Buffer => gunzipSync(readFileSync(join(root, 'test/fixtures/sec-json', name)));

const facts = createZipWriter(join(root, 'test/fixtures/bulk/companyfacts-sample.zip'));
await facts.add('CIK0001640147.json', json('companyfacts_CIK0001640147.json.gz'));
await facts.add('CIK0001997711.json', json('companyfacts_CIK0001997711.json.gz'));
console.log('companyfacts-sample.zip', await facts.close(), 'bytes');

const subs = createZipWriter(join(root, 'test/fixtures/bulk/submissions-sample.zip'));
await subs.add(
  'CIK0000320193-submissions-001.json',
  json('submissions_CIK0000320193-submissions-001.json.gz'),
);
await subs.add('CIK0000320193.json', json('submissions_CIK0000320193.json.gz'));
console.log('submissions-sample.zip', await subs.close(), 'bytes');
