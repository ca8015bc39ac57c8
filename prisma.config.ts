// Prisma CLI configuration. The CLI runs with its WebAssembly schema engine through a
// PGlite adapter, because Prisma's native engines cannot be downloaded on the City's
// build machines (see README, "Adding a migration").
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// `prisma generate` reads the datasource URL before anything else and falls back to
// downloading an engine when it is unset; give it a harmless default.
process.env.DATABASE_URL ??= 'postgresql://unused@localhost/unused';

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    // The adapter is built against an older driver-adapter-utils; the runtime contract is the same.
    return new PrismaPGlite(new PGlite()) as unknown as never;
  },
});
