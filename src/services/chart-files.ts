// Charts already uploaded to Slack, by the hash of their spec (ChartFile): App Home shows a
// chart from its file at once instead of drawing and uploading it again, in any process.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { ServiceContext } from './service-context.js';

/** The file ids of the charts among `hashes` that were uploaded before. One statement. */
export async function knownChartFiles(ctx: Pick<ServiceContext, 'prisma'>, hashes: readonly string[]): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await ctx.prisma.$queryRaw<{ hash: string; fileId: string }[]>(PrismaNS.sql`
    /* known chart files */
    SELECT hash, "fileId" FROM "ChartFile" WHERE hash IN (${PrismaNS.join([...hashes])})`);
  return new Map(rows.map((r) => [r.hash, r.fileId]));
}

/** Remembers an uploaded chart; the first file stays if two processes uploaded the same chart. */
export async function rememberChartFile(ctx: Pick<ServiceContext, 'prisma'>, hash: string, fileId: string): Promise<void> {
  await ctx.prisma.$executeRaw(PrismaNS.sql`
    /* remember chart file */
    INSERT INTO "ChartFile" (hash, "fileId") VALUES (${hash}, ${fileId}) ON CONFLICT (hash) DO NOTHING`);
}
