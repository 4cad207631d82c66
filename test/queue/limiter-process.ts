// A process that sends `count` requests to the SEC test server through the shared Redis limiter
// (`npm run bench -- queue`: the rate several processes hold together, measured at the server).
// Arguments as JSON in argv[2]; prints "done" when every request has been answered.
import { EdgarClient } from '../../src/edgar/index.js';
import { createRedisRateLimiter } from '../../src/queue/index.js';

const { redisUrl, prefix, baseUrls, count, name, safetyMargin } = JSON.parse(process.argv[2] ?? '{}') as {
  redisUrl: string;
  prefix: string;
  baseUrls: { www: string; data: string };
  count: number;
  name: string;
  safetyMargin: number;
};
const limiter = createRedisRateLimiter({
  connection: redisUrl,
  prefix,
  maxRequestsPerSecond: 9,
  safetyMargin,
});
const client = new EdgarClient({
  userAgent: `fin-tabtext bench ${name} bench@example.com`,
  baseUrls,
  cacheDir: false,
  limiter,
  concurrency: 4,
});
const INDEX = '/Archives/edgar/data/1648960/000121390024004875/index.json';
await Promise.all(Array.from({ length: count }, (_, i) => client.get(`${INDEX}?${name}=${i}`, 'www')));
await limiter.close();
process.stdout.write('done\n');
