// The floor for "cold start to healthy": a bare Node HTTP server loaded through the same
// TypeScript loader, answering /healthz with no database and no Slack app.
import http from 'node:http';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"status":"ok"}');
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
