// The main thread's HTTP server: the health check and, in the sandbox, the local Slack
// page. In HTTP mode it listens on 127.0.0.1 only and the front door (./front-door), which
// owns the public port and Slack's endpoint, passes these paths through to it; in Socket
// Mode it is the public server itself.
import http from 'node:http';
import type { Database } from '../db/client.js';
import { createLimitedServer } from './guard.js';

export type ExtraHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;

export interface HttpServerOptions {
  db: Database;
  /** Tried before the 404, e.g. the sandbox page. Returns true when it answered. */
  extra?: ExtraHandler;
}

export function createHttpServer(opts: HttpServerOptions): http.Server {
  const server = createLimitedServer((req, res) => {
    void route(opts, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  return server;
}

async function route(opts: HttpServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    const up = await opts.db.ping(2000);
    res.writeHead(up ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' }));
    return;
  }
  if (opts.extra && (await opts.extra(req, res))) return;
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

/**
 * Used by the front door before Bolt's receiver reads a request. Bolt compares the content type by string equality, so a correct body labelled
 * `application/x-www-form-urlencoded; charset=utf-8` would be parsed as JSON and
 * rejected. Keep only the media type; the signature covers the body, not this header.
 */
export function normalizeContentType(req: http.IncomingMessage): void {
  const raw = req.headers['content-type'];
  if (typeof raw !== 'string') return;
  const media = raw.split(';')[0]!.trim().toLowerCase();
  if (media === 'application/x-www-form-urlencoded' || media === 'application/json') req.headers['content-type'] = media;
}
