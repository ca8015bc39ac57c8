import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyError, readBody } from './http-body.js';

/**
 * HTTP plumbing only: listen on loopback, read the body, hand the request to a router and
 * write its reply. Slack semantics live in web-api.ts (the /api/ surface) and control.ts
 * (the /_fake/ surface).
 */

export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Drop the connection without answering (a network failure, for fault injection). */
  destroy?: boolean;
  /** Wait this long before answering (fault-injected latency). */
  delayMs?: number;
}

export interface IncomingCall {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

export type Router = (call: IncomingCall) => Promise<HttpReply>;

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export class HttpServer {
  private server: Server | undefined;
  private boundPort = 0;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly router: Router,
  ) {}

  get listeningPort(): number {
    if (!this.server) throw new Error('fake Slack is not started');
    return this.boundPort;
  }

  async start(): Promise<number> {
    if (this.server) return this.boundPort;
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => resolve());
    });
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    return this.boundPort;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // Keep-alive sockets from fetch would otherwise hold close() open.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const raw = await readBody(request);
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
      const reply = await this.router({ method: request.method ?? 'GET', url, headers: request.headers, raw });
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (reply.destroy) {
        request.socket.destroy();
        return;
      }
      response.writeHead(reply.status, reply.headers);
      response.end(reply.body);
    } catch (error) {
      const status = error instanceof BodyError && error.code === 'request_too_large' ? 413 : 500;
      if (!response.headersSent) response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    }
  }
}
