// A timing tap: a small process that sits on the wire between the benchmark and the app
// under test, in both directions, and times the app from outside it:
//
//   load generator ──▶ tap /to/<port>/… ──▶ app on 127.0.0.1:<port>
//   app's Web API calls ──▶ tap /api/… ──▶ fake Slack's /api/… (TAP_UPSTREAM, its origin)
//
// Why a process of its own: the load generator and the fake Slack share the benchmark's
// process, which is saturated at 50 back-to-back users (it validates every 100-option
// view the app sends). A `views.open` reaching that process waits there behind its own
// work before anything can note its time, so "command → views.open" measured there counts
// the benchmark's queue as well as the app's. This process only copies bytes, so the
// moment it sees a request is close to the moment the request crossed the wire.
//
// It reports to its parent over IPC:
//   { type: 'ack', id, ms }      a request carrying `x-bench-id`: from forwarding it to the
//                                app until the app's whole response is back (the ack)
//   { type: 'open', trigger, ms } from forwarding the command carrying `trigger_id` until
//                                the app's `views.open` with that trigger is fully here
//   { type: 'publish', id, ms }  from forwarding an `app_home_opened` event carrying
//                                `x-bench-id` until the app's first `views.publish` for that
//                                user that Slack accepted was fully here (a publish refused
//                                with hash_conflict is followed by another)
// and answers { type: 'flushed' } to { type: 'flush' }: IPC keeps order, so every report
// sent before is then in the parent's hands.
//
// Prints `TAP <port>` on stdout once it listens.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.env.TAP_UPSTREAM ?? 'http://127.0.0.1:1');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
// A trigger's command is forwarded before its views.open can exist; forget after a minute.
const commandSentAt = new Map<string, number>();
/** Each user's App Home opening still waiting for its publish. */
const homeOpenedAt = new Map<string, { id: string; at: number }>();
const report = (message: object) => process.send?.(message);

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Sends `body` on to host:port and pipes the answer back; resolves once it is all back, with
 * the answer's text when `keep` (only what is read is kept: views.update answers are large).
 */
function forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, port: number, path: string, keep = false): Promise<string> {
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: `127.0.0.1:${port}`, 'content-length': String(body.length) };
  delete headers['x-bench-id'];
  delete headers['transfer-encoding'];
  return new Promise((resolve) => {
    const out = http.request({ host: '127.0.0.1', port, path, method: req.method, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      const chunks: Buffer[] = [];
      if (keep) answer.on('data', (c: Buffer) => chunks.push(c));
      answer.pipe(res);
      answer.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      answer.on('error', () => resolve(''));
    });
    out.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`tap: ${err.message}`);
      resolve('');
    });
    out.end(body);
  });
}

/** The user of an `app_home_opened` event (Events API JSON), else null. */
function homeOpenerOf(body: Buffer, contentType: string | undefined): string | null {
  if (!contentType?.includes('application/json')) return null;
  try {
    const event = (JSON.parse(body.toString('utf8')) as { event?: { type?: unknown; user?: unknown } }).event;
    return event?.type === 'app_home_opened' && typeof event.user === 'string' ? event.user : null;
  } catch {
    return null;
  }
}

function triggerOf(body: Buffer, contentType: string | undefined): string | null {
  // Interactivity payloads (a Submit's is tens of kilobytes) are one `payload` field: no trigger to note.
  if (body.subarray(0, 8).toString('latin1') === 'payload=') return null;
  const text = body.toString('utf8');
  if (contentType?.includes('application/json')) {
    try {
      const parsed = JSON.parse(text) as { trigger_id?: unknown };
      return typeof parsed.trigger_id === 'string' ? parsed.trigger_id : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(text).get('trigger_id');
}

const server = http.createServer((req, res) => {
  void (async () => {
    const body = await readBody(req);
    const url = req.url ?? '/';
    const inbound = /^\/to\/(\d+)(\/.*)$/.exec(url);
    if (inbound) {
      const started = performance.now();
      // Slash commands carry their trigger in the form.
      const trigger = triggerOf(body, req.headers['content-type']);
      if (trigger) {
        commandSentAt.set(trigger, started);
        setTimeout(() => commandSentAt.delete(trigger), 60_000).unref();
      }
      const id = req.headers['x-bench-id'];
      const opener = homeOpenerOf(body, req.headers['content-type']);
      if (opener && typeof id === 'string') homeOpenedAt.set(opener, { id, at: started });
      await forward(req, res, body, Number(inbound[1]), inbound[2]!);
      if (typeof id === 'string') report({ type: 'ack', id, ms: performance.now() - started });
      return;
    }
    const method = url.split('?')[0];
    if (method === '/api/views.open') {
      const trigger = triggerOf(body, req.headers['content-type']);
      const sent = trigger ? commandSentAt.get(trigger) : undefined;
      if (trigger && sent !== undefined) {
        report({ type: 'open', trigger, ms: performance.now() - sent });
        commandSentAt.delete(trigger);
      }
    }
    const publishedFor = method === '/api/views.publish' ? new URLSearchParams(body.toString('utf8')).get('user_id') : null;
    const arrived = performance.now();
    const answer = await forward(req, res, body, Number(upstream.port), url, publishedFor !== null);
    const opened = publishedFor ? homeOpenedAt.get(publishedFor) : undefined;
    if (publishedFor && opened && /"ok"\s*:\s*true/.test(answer)) {
      report({ type: 'publish', id: opened.id, ms: arrived - opened.at });
      homeOpenedAt.delete(publishedFor);
    }
  })();
});

process.on('message', (m: { type?: string }) => {
  if (m?.type === 'flush') report({ type: 'flushed' });
});
process.on('disconnect', () => process.exit(0));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`TAP ${(server.address() as AddressInfo).port}\n`);
});
