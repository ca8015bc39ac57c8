// Passes a request the front door does not serve itself (the health check, the sandbox's
// page and its event stream) through to the main thread's HTTP server, streaming both ways.
import http from 'node:http';

export function forwardRequest(req: http.IncomingMessage, res: http.ServerResponse, to: { port: number; agent: http.Agent }): void {
  const upstream = http.request({ host: '127.0.0.1', port: to.port, method: req.method, path: req.url, headers: req.headers, agent: to.agent }, (answer) => {
    // Hop-by-hop: they describe the inner connection, not the one to the client.
    const { connection: _connection, 'keep-alive': _keepAlive, ...headers } = answer.headers;
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('the app is not answering');
  });
  // A client that goes away (a closed page's event stream) releases the upstream request.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
