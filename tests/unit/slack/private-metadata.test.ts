// Every modal's private_metadata is a zod-validated object with full names. These hold the
// largest ones the app writes to Slack's 3,000 characters, and check that what the app did
// not write (forged, stale, cut) reads as nothing, so the listener refuses clearly.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeComposerMeta, encodeComposerMeta, type ComposerMeta } from '../../../src/slack/features/briefing/ui/briefing-modal.js';
import { decodeStrategyMeta, strategyMetadata, type StrategyMeta } from '../../../src/slack/features/manage/ui/manage-modals.js';
import { milestoneEditMetadata, milestonesMetadata } from '../../../src/slack/features/manage/ui/milestone-form.js';
import { MAX_PRIVATE_METADATA, metadataCodec, metadataId } from '../../../src/slack/ui/private-metadata.js';
import { addStrategyMetadata } from '../../../src/slack/features/manage/ui/strategy-form.js';
import { decodeMeta, encodeMeta, type UpdateModalMeta } from '../../../src/slack/features/update/ui/update-ids.js';

const BIG_ID = 2_147_483_647;

describe('private_metadata', () => {
  it('keeps the largest realistic metadata of each modal under 3,000 characters, with full names', () => {
    // A Manage menu used on a plan page: the page's response_url at the longest the schema
    // takes (Slack's are about 90 characters) and a long plan key.
    const strategy: StrategyMeta = {
      strategyId: BIG_ID,
      version: BIG_ID,
      origin: {
        responseUrl: `https://hooks.slack.com/${'a'.repeat(500)}`,
        page: { department: 'PRNS-LONGCODE', planKey: `PRNS-${'X'.repeat(40)}-FY2024-2026`, page: 999, pageSize: 50, pillar: 9 },
      },
    };
    const update: UpdateModalMeta = {
      mode: 'edit',
      channelId: 'C'.padEnd(40, '0'),
      strategyId: BIG_ID,
      strategyVersion: BIG_ID,
      lastUpdateId: BIG_ID,
      departmentId: BIG_ID,
      updateId: BIG_ID,
      revision: BIG_ID,
      confirmationChannel: 'D'.padEnd(40, '0'),
      confirmationTs: '1700000000.123456',
      prefilledLength: 40_000,
      linkedAsEvidence: true,
    };
    // A briefing posted to the most channels the composer takes (10), each with a long permalink.
    const briefing: ComposerMeta = {
      mode: 'posted',
      id: BIG_ID,
      parts: 4,
      gen: 999,
      posted: Array.from({ length: 10 }, (_, i) => ({
        channelId: `C0${String(i).padStart(9, '0')}`,
        permalink: `https://city-of-san-jose-employees.slack.com/archives/C0${String(i).padStart(9, '0')}/p1700000000123456?thread_ts=1700000000.123456&cid=C0${String(i).padStart(9, '0')}`,
      })),
      cancelled: true,
    };
    const texts = [
      encodeComposerMeta(briefing),
      strategyMetadata.encode(strategy),
      encodeMeta(update),
      addStrategyMetadata.encode({ departmentId: BIG_ID }),
      milestonesMetadata.encode({ strategyId: BIG_ID }),
      milestoneEditMetadata.encode({ strategyId: BIG_ID, milestoneId: BIG_ID, updatedAt: '2026-12-05T19:51:25.123Z' }),
    ];
    for (const text of texts) expect(text.length).toBeLessThan(MAX_PRIVATE_METADATA);
    // What was written reads back as it was.
    expect(decodeComposerMeta(texts[0])).toEqual(briefing);
    expect(decodeStrategyMeta(texts[1])).toEqual(strategy);
    expect(decodeMeta(texts[2])).toEqual(update);
    expect(JSON.parse(texts[2]!)).toHaveProperty('confirmationChannel');
  });

  it('refuses loudly to write what Slack would not keep', () => {
    const codec = metadataCodec(z.object({ note: z.string() }));
    expect(() => codec.encode({ note: 'x'.repeat(MAX_PRIVATE_METADATA) })).toThrow(/private_metadata too long/);
  });

  it('reads what the app did not write as nothing', () => {
    const codec = metadataCodec(z.object({ strategyId: metadataId }));
    for (const forged of [
      undefined,
      '',
      'not json',
      '[3]',
      'null',
      '{"strategyId":"3"}',
      '{"strategyId":-1}',
      '{"strategyId":1.5}',
      `{"strategyId":${BIG_ID + 1}}`,
      'x'.repeat(3001),
    ]) {
      expect(codec.decode(forged)).toBeNull();
    }
    expect(codec.decode('{"strategyId":3,"extra":"ignored"}')).toEqual({ strategyId: 3 });
    // The old short keys of a form opened before the change are stale: no strategy, no update.
    expect(milestoneEditMetadata.decode('{"strategyId":3,"milestoneId":4,"updatedAt":"yesterday"}')).toBeNull();
    const stale = decodeMeta('{"m":"edit","u":5,"r":2}');
    expect(stale).toMatchObject({ mode: 'new', strategyId: null });
    expect([stale.updateId, stale.revision]).toEqual([undefined, undefined]);
  });

  it('drops a plan page origin it did not write but keeps the strategy and version', () => {
    const forgedOrigin = JSON.stringify({ strategyId: 3, version: 1, origin: { responseUrl: 'https://evil.example/x y', page: { department: 'LIB' } } });
    expect(decodeStrategyMeta(forgedOrigin)).toEqual({ strategyId: 3, version: 1 });
    expect(decodeStrategyMeta(JSON.stringify({ strategyId: 3, version: 1, origin: { u: 'https://hooks.slack.com/a', r: '{}' } }))).toEqual({
      strategyId: 3,
      version: 1,
    });
  });
});
