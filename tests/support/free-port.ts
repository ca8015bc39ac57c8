// Ports for servers a test starts in a child process, where port 0 cannot be read back.
import net from 'node:net';

/**
 * A port nothing listens on, below Linux's ephemeral range (32768 and up). A port in that
 * range can be taken at any moment as the local end of an outgoing connection (a database
 * client, a fetch), so a server told to listen there may fail with EADDRINUSE; and a
 * server started on port 0 may be handed a port freed a moment before.
 */
export async function freePortBelowEphemeralRange(): Promise<number> {
  for (let port = 20_000 + Math.floor(Math.random() * 10_000); ; port++) {
    const server = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return port;
    }
  }
}
