// Counts the operations a use case sends to the database. Prisma's `$on('query')` event is
// not emitted with driver adapters, so a client extension sees every model operation and
// raw query (inside transactions too) on its way out.
import type { Prisma } from '../../../../src/db/client.js';

export interface CountingClient {
  prisma: Prisma;
  count: () => number;
  reset: () => void;
}

export function countingClient(base: Prisma): CountingClient {
  let n = 0;
  const extended = base.$extends({
    query: {
      $allOperations({ args, query }) {
        n++;
        return query(args);
      },
    },
  });
  // The extended client has the same runtime surface the services use.
  return { prisma: extended as unknown as Prisma, count: () => n, reset: () => (n = 0) };
}
