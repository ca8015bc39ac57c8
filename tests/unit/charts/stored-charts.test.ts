// App Home's charts are uploaded once and remembered; one that could not be made is not
// tried again on every opening.
import { describe, expect, it, vi } from 'vitest';
import type { ChartUploadClient } from '../../../src/charts/chart-uploads.js';
import type { ChartRenderer } from '../../../src/charts/renderer.js';
import { FAILED_CHART_RETRY_MS, uploadStoredChart } from '../../../src/charts/stored-charts.js';
import { createLogger } from '../../../src/logger.js';
import type { Prisma } from '../../../src/db/client.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { reportingCoverageChart } from '../../../src/slack/ui/charts/reporting-coverage.js';

const renderer = { render: async () => Buffer.from('png') } as unknown as ChartRenderer;
const chart = (n: number) => reportingCoverageChart(translator('en'), [{ period: 'FY2027-Q1', reported: n, notReported: 1 }]);
const dbWith = (executeRaw = vi.fn(async () => 1)) => ({ prisma: { $executeRaw: executeRaw } as unknown as Prisma, executeRaw });

describe('stored charts', () => {
  it('uploads a chart once when asked for at the same time, and remembers its file', async () => {
    const uploadV2 = vi.fn(async () => ({ files: [{ files: [{ id: 'F0CHART01' }] }] }));
    const client = { files: { uploadV2 } } as unknown as ChartUploadClient;
    const { prisma, executeRaw } = dbWith();
    const options = { client, logger: createLogger('silent'), renderer };
    const [a, b] = await Promise.all([uploadStoredChart({ prisma }, chart(3), options), uploadStoredChart({ prisma }, chart(3), options)]);
    expect([a, b]).toEqual(['F0CHART01', 'F0CHART01']);
    expect(uploadV2).toHaveBeenCalledTimes(1);
    expect(executeRaw).toHaveBeenCalledTimes(1);
  });

  it('leaves a failed chart alone for a while, then tries again', async () => {
    let clock = 1_000_000;
    const uploadV2 = vi.fn(async () => {
      throw Object.assign(new Error('boom'), { data: { error: 'internal_error' } });
    });
    const client = { files: { uploadV2 } } as unknown as ChartUploadClient;
    const options = { client, logger: createLogger('silent'), renderer, now: () => clock };
    const { prisma } = dbWith();
    expect(await uploadStoredChart({ prisma }, chart(4), options)).toBeNull();
    expect(await uploadStoredChart({ prisma }, chart(4), options)).toBeNull();
    expect(uploadV2).toHaveBeenCalledTimes(1);
    clock += FAILED_CHART_RETRY_MS + 1;
    expect(await uploadStoredChart({ prisma }, chart(4), options)).toBeNull();
    expect(uploadV2).toHaveBeenCalledTimes(2);
  });
});
