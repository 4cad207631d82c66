// Proxies without axios: with HTTP_PROXY/HTTPS_PROXY set, fetchTransport sends through undici's
// EnvHttpProxyAgent (imported on first use); NO_PROXY is honored. The proxy here is a real
// forward proxy on 127.0.0.1; the SEC look-alike runs in its own process.
import { spawnSync } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EdgarClient } from '../../src/edgar/index.js';
import { fixtureFilings, type RemoteEdgarServer, startEdgarServerProcess } from '../support/edgar-server.js';
import { readFixture } from '../support/fixtures.js';
import { USER_AGENT } from './helpers.js';

let server: RemoteEdgarServer;
let proxy: Server;
let proxyOrigin: string;
const proxied: { url: string; userAgent: string | undefined }[] = [];
const saved: Record<string, string | undefined> = {};
const VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];

beforeAll(async () => {
  server = await startEdgarServerProcess();
  proxy = createServer((req, res) => {
    // a forward proxy gets the absolute URL in the request line
    proxied.push({ url: req.url ?? '', userAgent: req.headers['user-agent'] });
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // undici tunnels through the proxy with CONNECT
  proxy.on('connect', (req, socket, head) => {
    proxied.push({ url: `CONNECT ${req.url}`, userAgent: req.headers['user-agent'] });
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyOrigin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  for (const name of VARIABLES) {
    saved[name] = process.env[name];
    delete process.env[name];
  }
}, 30_000);
afterAll(async () => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await server?.close();
});

describe('proxies', () => {
  const mcd = fixtureFilings().find((f) => f.ticker === 'MCD')!;
  const ref = { cik: mcd.cik, accessionNumber: mcd.accession, primaryDocument: mcd.primaryDocument };
  const client = (): EdgarClient =>
    new EdgarClient({ userAgent: USER_AGENT, baseUrls: server.baseUrls, cacheDir: false });

  it('go through HTTP_PROXY when it is set, and around it for NO_PROXY hosts', async () => {
    expect(await client().fetchDocument(ref)).toBe(readFixture(mcd.file));
    expect(proxied).toEqual([]);

    process.env.HTTP_PROXY = proxyOrigin;
    try {
      expect(await client().fetchDocument(ref)).toBe(readFixture(mcd.file));
      // through the proxy: as a CONNECT tunnel to the server, or a forwarded absolute URL
      expect(proxied).toHaveLength(1);
      expect(proxied[0]!.url).toMatch(
        new RegExp(`^(CONNECT ${new URL(server.origin).host}|${server.baseUrls.www}/Archives/)`),
      );

      process.env.NO_PROXY = '127.0.0.1';
      expect(await client().fetchDocument(ref)).toBe(readFixture(mcd.file));
      expect(proxied).toHaveLength(1);
    } finally {
      delete process.env.HTTP_PROXY;
      delete process.env.NO_PROXY;
    }
    const seen = (await server.requests()).map((r) => r.path);
    expect(seen).toHaveLength(3);
  });

  it('never load undici without a proxy variable, and load it on first use with one', () => {
    const worker = fileURLToPath(new URL('./undici-worker.ts', import.meta.url));
    const env = { ...process.env };
    for (const name of VARIABLES) delete env[name];
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', worker, JSON.stringify({ baseUrls: server.baseUrls, ref })],
      { env, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual([
      `without proxy: ${readFixture(mcd.file).length} characters`,
      'with proxy: undici was imported',
    ]);
  });
});
