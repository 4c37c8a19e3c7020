import http from 'node:http';
import { createServer } from 'node:net';

/** What the benches share: a free port for a server they start, a pause, and one JSON request over keep-alive. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface JsonAnswer {
  status: number;
  body: unknown;
  /** From sending to the whole answer read. */
  ms: number;
}

/** One request with a JSON body (or none) to 127.0.0.1:`port`, the token as a bearer; the answer parsed. */
export function jsonCall(
  agent: http.Agent,
  port: number,
  method: string,
  url: string,
  token: string | null,
  body?: unknown,
): Promise<JsonAnswer> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
