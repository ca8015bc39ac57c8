// Serves the page's own files from src/sandbox/web. Only names listed here are served, so no
// path from the URL ever reaches the file system. Files are read per request: editing the
// page and reloading the browser is enough while working on it.
import fs from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'web');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Defence in depth against markup in message text: even if a renderer bug let some through,
 * no inline script or foreign script could run. Images may come from anywhere, as in Slack.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: http: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export async function listWebAssets(): Promise<Set<string>> {
  const names = await fs.readdir(WEB_DIR);
  return new Set(names.filter((name) => path.extname(name) in CONTENT_TYPES));
}

export async function serveWebFile(res: http.ServerResponse, name: string, assets: ReadonlySet<string>, method: string): Promise<boolean> {
  if (!assets.has(name)) return false;
  const body = await fs.readFile(path.join(WEB_DIR, name));
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}
