// Server-Sent Events to the open pages: what the fake Slack's journal records, deliveries to
// the app, and "state changed" nudges. EventSource reconnects by itself, so a restarted
// sandbox is picked up without a reload; `retry` keeps that reconnect quick.
import type http from 'node:http';

const RECONNECT_MS = 1000;
/** Proxies and idle timers drop silent connections; a comment line keeps it open. */
const HEARTBEAT_MS = 15_000;

export class EventStreamHub {
  private readonly clients = new Set<http.ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;
  private eventId = 0;

  constructor() {
    this.heartbeat = setInterval(() => this.writeAll(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  open(req: http.IncomingMessage, res: http.ServerResponse, hello: unknown): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(`retry: ${RECONNECT_MS}\n\n`);
    res.write(this.format('hello', hello));
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  broadcast(event: string, data: unknown): void {
    if (this.clients.size === 0) return;
    this.writeAll(this.format(event, data));
  }

  /** Ends every stream, so the HTTP server can close without waiting for them. */
  closeAll(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  dispose(): void {
    clearInterval(this.heartbeat);
    this.closeAll();
  }

  private format(event: string, data: unknown): string {
    this.eventId += 1;
    // JSON has no raw newlines, so one data line suffices.
    return `id: ${this.eventId}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  }

  private writeAll(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
