// A local echo server for the snippet specs: the generated curl command is run for real with
// `bash -c` and this server records exactly what arrived. Bound to 127.0.0.1 only.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';

export type Received = { method: string; url: string; authorization: string | undefined; body: string };

export type EchoServer = { url: string; received: Received[]; close: () => Promise<void> };

export async function startEchoServer(): Promise<EchoServer> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/echo`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// A proxy variable or a ~/.curlrc on the test machine must not reroute the request away from 127.0.0.1.
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name) && name !== 'CURL_HOME'),
);
childEnv.CURL_HOME = '/nonexistent';

/** Runs a pasted command exactly as a user's bash would: `bash -c '<the snippet text>'`. */
export async function runInBash(command: string): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)('/bin/bash', ['-c', command], { env: childEnv, timeout: 15_000 });
}
