// What the public port answers before Bolt sees a request, and how long it waits for a
// client. Anyone on the network can reach /slack/events, so nothing sent there may take
// the port down: Bolt's receiver throws on anything but a POST, and its signature check
// only refuses timestamps in the past.
import http from 'node:http';

/** Slack's window for X-Slack-Request-Timestamp, both ways (replays and forged clocks). */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/**
 * Answers what must not reach Bolt's receiver: any method but POST (405) and a timestamp
 * more than five minutes ahead (401). Returns true when it answered.
 */
export function refuseBeforeBolt(req: http.IncomingMessage, res: http.ServerResponse, nowMs = Date.now()): boolean {
  if ((req.method ?? '').toUpperCase() !== 'POST') {
    answer(req, res, 405, 'Only signed POST requests from Slack are accepted here.', { allow: 'POST' });
    return true;
  }
  const raw = req.headers['x-slack-request-timestamp'];
  const sent = typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (Number.isFinite(sent) && sent > Math.floor(nowMs / 1000) + TIMESTAMP_WINDOW_SECONDS) {
    answer(req, res, 401, 'The request timestamp is in the future.');
    return true;
  }
  return false;
}

/** Writes a short plain-text answer and drops whatever body the client still sends. */
export function answer(req: http.IncomingMessage, res: http.ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}): void {
  req.resume();
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(req.method === 'HEAD' ? undefined : text);
}

export interface ConnectionLimits {
  /** A client must have sent all its headers by then (slow-header clients). */
  headersTimeoutMs: number;
  /** A client must have sent the whole request by then (slow-body clients). */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are refused at once, so a flood cannot use up memory. */
  maxConnections: number;
}

// Slack's requests are a few kilobytes and arrive at once; these leave wide room for a
// slow network while a client that trickles bytes is let go within seconds.
export const DEFAULT_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

/** Creates an HTTP server that lets slow or idle clients go and caps connections. */
export function createLimitedServer(listener: http.RequestListener, limits: ConnectionLimits = DEFAULT_LIMITS): http.Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks both timeouts on this interval; its default (30 s) would let a slow
      // client keep its connection half a minute past its limit.
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
