// The memory floor of the chosen stack, for "RSS after start": Node, a Bolt app with its
// HTTP receiver, and the app's own database client (dist/db/client.js: Prisma on
// PostgreSQL, or PGlite in its worker), which has answered one model query. No
// listeners, no jobs, no modules of ours beyond the database client. Run compiled, like
// `npm start`, with the compile cache on (src/main.ts); startup.bench.ts starts it.
import module from 'node:module';

module.enableCompileCache?.();
const { App, HTTPReceiver } = await import('@slack/bolt');
const { loadConfig } = await import('../dist/config.js');
const { openDatabase } = await import('../dist/db/client.js');

const config = loadConfig(process.env);
const db = await openDatabase(config.database);
// The first query loads Prisma's query compiler, a large part of the floor.
await db.prisma.department.findFirst();

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? 'floor',
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  ],
});
const app = new App({ receiver, token: process.env.SLACK_BOT_TOKEN, tokenVerificationEnabled: false });
app.command('/reap', async ({ ack }) => ack());
await app.start(Number(process.env.PORT));
process.once('SIGTERM', async () => {
  await app.stop();
  await db.close();
  process.exit(0);
});
