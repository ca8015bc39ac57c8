// The page's API makes the app act as a user, so only pages served by this sandbox may call
// it. A website open in the same browser could otherwise POST to localhost (CSRF), or reach
// it through a DNS name that resolves to 127.0.0.1 (DNS rebinding); checking Host and Origin
// stops both. Requests without Origin (curl, scripts on this machine) are allowed.
import type http from 'node:http';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isAllowedHost(req: http.IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  if (typeof host !== 'string') return false;
  const match = /^(.*?)(?::(\d+))?$/.exec(host.toLowerCase());
  if (!match) return false;
  const [, name = '', hostPort] = match;
  return LOOPBACK_NAMES.has(name) && (hostPort === undefined ? port === 80 : Number(hostPort) === port);
}

export function isAllowedOrigin(req: http.IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    // WHATWG URL keeps the brackets of an IPv6 hostname, as in the Host header.
    return url.protocol === 'http:' && LOOPBACK_NAMES.has(url.hostname.toLowerCase()) && Number(url.port || 80) === port;
  } catch {
    return false;
  }
}
