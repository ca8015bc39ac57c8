// The confirmation of a saved update and its department channel post: valid Block Kit for a
// message at the largest content the service accepts, everything typed shown as typed
// (only &, < and > escaped), and an Edit button that names the update.
import { describe, expect, it } from 'vitest';
import { UPDATE_FIELD_LIMITS } from '../../../src/domain/progress-update-input.js';
import type { ProgressUpdateView } from '../../../src/services/progress-updates.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { channelPostMessage, confirmationMessage, fullUpdateModal, UPDATE_FULL_ACTION_ID } from '../../../src/slack/features/update/ui/update-confirmation.js';
import { validateView } from '../../../src/sandbox/fake-slack/index.js';

const L = UPDATE_FIELD_LIMITS;
const full = (c: string, n: number) => c.repeat(n);

const biggest: ProgressUpdateView = {
  id: 501,
  strategyId: 40,
  periodKey: 'FY2027-Q2',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  statusFrom: 'IN_PROGRESS',
  statusTo: 'COMPLETED',
  // & grows to &amp; when escaped: the worst case for Slack's 3000-character section text.
  narrative: full('&', L.narrative),
  measureValues: full('<', L.measureValues),
  outputs: full('o', L.outputs),
  roadblocks: full('r', L.roadblocks),
  helpNeeded: full('h', L.helpNeeded),
  practices: full('p', L.practices),
  visibility: 'PUBLIC',
  evidenceUrl: `https://example.org/a|b>c?${'x'.repeat(1900)}`,
  communitiesReached: full('c', L.communitiesReached),
  languagesServed: full('l', L.languagesServed),
  accessibilityNotes: full('a', L.accessibilityNotes),
  authorId: 1,
  onBehalfOfId: 2,
  revision: 1,
  createdAt: new Date('2026-11-18T17:00:00Z'),
  editedAt: null,
  channelPost: null,
};

const strategy = { label: '2.1', text: 'Add assistive technology & sensory-friendly hours at <four> branches. '.repeat(40) };

describe('the confirmation message', () => {
  for (const lang of LANGUAGES) {
    const t = translator(lang);
    it(`is valid Block Kit at the largest content, with and without the channel post (${lang})`, () => {
      for (const channel of [null, { channel: 'C0LIBRARY', ok: true as const }, { channel: 'C0LIBRARY', ok: false as const, reason: 'x' }]) {
        const m = confirmationMessage(t, { kind: 'saved', strategy, update: biggest, channel });
        expect(validateBlocks(m.blocks, 'message')).toEqual([]);
        expect(m.blocks.length).toBeLessThanOrEqual(50);
        const total = m.blocks.map((b) => JSON.stringify(b)).join('').length;
        expect(total).toBeLessThan(13_000);
      }
      for (const channel of [null, { channel: 'C0LIBRARY', ok: true as const }, { channel: 'C0LIBRARY', ok: false as const, reason: 'x' }]) {
        const edited = confirmationMessage(t, { kind: 'edited', strategy, update: { ...biggest, revision: 3 }, channel });
        expect(validateBlocks(edited.blocks, 'message')).toEqual([]);
      }
      const post = channelPostMessage(t, { strategy, update: biggest, author: { slackUserId: 'U0LIB03' }, onBehalfOf: { slackUserId: 'U0LIB02' } });
      expect(validateBlocks(post.blocks, 'message')).toEqual([]);
      const editedPost = channelPostMessage(t, {
        strategy,
        update: { ...biggest, revision: 3 },
        author: { slackUserId: 'U0LIB03' },
        onBehalfOf: { slackUserId: 'U0LIB02' },
        editedBy: { slackUserId: 'U0LIB01' },
      });
      expect(validateBlocks(editedPost.blocks, 'message')).toEqual([]);
      expect(editedPost.blocks.map((b) => JSON.stringify(b)).join('').length).toBeLessThan(13_000);
    });
  }

  it('shows typed text as typed, escaping only what Slack would read as markup', () => {
    const t = translator('en');
    const narrative = 'Story time 📚👩🏽‍🏫 — مرحبا — שלום & <b>bold?</b> *not bold*';
    const m = confirmationMessage(t, {
      kind: 'saved',
      strategy: { label: '1.3', text: 'Storytimes' },
      update: {
        ...biggest,
        narrative,
        measureValues: '',
        outputs: '',
        roadblocks: '',
        helpNeeded: '',
        practices: '',
        communitiesReached: '',
        languagesServed: '',
        accessibilityNotes: '',
        evidenceUrl: null,
      },
    });
    const narrativeBlock = m.blocks.find((b) => b.block_id === 'narrative') as { text: { text: string } };
    expect(narrativeBlock.text.text).toBe('*What was done*\nStory time 📚👩🏽‍🏫 — مرحبا — שלום &amp; &lt;b&gt;bold?&lt;/b&gt; *not bold*');
    // Empty fields are left out; the Edit button names the update.
    expect(m.blocks.map((b) => b.block_id)).toEqual(['head', 'status', 'narrative', 'details', 'update_actions']);
    const button = (m.blocks.at(-1) as { elements: { action_id: string; value: string }[] }).elements[0]!;
    expect(button).toMatchObject({ action_id: 'update.edit', value: '{"u":501}' });
    expect(m.text).toBe('Progress update saved for 1.3: Completed.');
  });

  it('posts a long update to the channel as a summary with a button to read it all, and a short one in full', () => {
    const t = translator('en');
    const narrative = 'We ran story time at Tully & Alum Rock. '.repeat(30); // 1,200 characters
    const long = {
      ...biggest,
      narrative,
      measureValues: '',
      outputs: 'Twelve sessions.',
      roadblocks: '',
      helpNeeded: '',
      practices: '',
      communitiesReached: '',
      languagesServed: '',
      accessibilityNotes: '',
      evidenceUrl: null,
    };
    const post = channelPostMessage(t, { strategy, update: long, author: { slackUserId: 'U0LIB03' } });
    expect(validateBlocks(post.blocks, 'message')).toEqual([]);
    const text = JSON.stringify(post.blocks);
    expect(text).not.toContain(narrative.trim().replace(/&/g, '&amp;'));
    expect((post.blocks.find((b) => b.block_id === 'narrative') as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(400);
    expect(text).toContain('Also filled in: Outputs');
    const button = (post.blocks.find((b) => b.block_id === 'update_full') as { elements: { action_id: string; value: string; text: { text: string } }[] })
      .elements[0]!;
    expect(button).toMatchObject({ action_id: UPDATE_FULL_ACTION_ID, value: '{"u":501}', text: { text: 'Read the full update' } });

    const short = channelPostMessage(t, { strategy, update: { ...long, narrative: 'Two sessions.' }, author: { slackUserId: 'U0LIB03' } });
    expect(JSON.stringify(short.blocks)).toContain('Two sessions.');
    expect(JSON.stringify(short.blocks)).toContain('Twelve sessions.');
    expect(JSON.stringify(short.blocks)).not.toContain(UPDATE_FULL_ACTION_ID);
  });

  it.each(LANGUAGES)('opens the whole update, every character of every field, in a valid modal (%s)', (lang) => {
    const view = fullUpdateModal(translator(lang), { strategy, update: biggest, author: { slackUserId: 'U0LIB03' } });
    expect(validateView(view, ['modal']).errors).toEqual([]);
    const of = (field: string) =>
      (view.blocks as { block_id?: string; text?: { text: string } }[])
        .filter((b) => b.block_id?.startsWith(`full_${field}_`))
        .map((b) => b.text!.text.replace(/^\*[^*]+\*\n/, ''))
        .join('');
    expect(of('narrative')).toBe('&amp;'.repeat(L.narrative));
    expect(of('measureValues')).toBe('&lt;'.repeat(L.measureValues));
    expect(of('accessibilityNotes')).toBe('a'.repeat(L.accessibilityNotes));
    // The author's confirmation offers the same button when it had to shorten a field.
    const confirmation = confirmationMessage(translator(lang), { kind: 'saved', strategy, update: biggest });
    expect(JSON.stringify(confirmation.blocks)).toContain(UPDATE_FULL_ACTION_ID);
  });

  it('marks an edited channel post with who changed it, keeping who reported it', () => {
    const t = translator('en');
    const post = channelPostMessage(t, {
      strategy,
      update: { ...biggest, revision: 2 },
      author: { slackUserId: 'U0LIB03' },
      editedBy: { slackUserId: 'U0LIB01' },
    });
    expect((post.blocks[0] as { text: { text: string } }).text.text).toMatch(/^\*<@U0LIB03>\* reported progress on \*2\.1\*/);
    expect(JSON.stringify(post.blocks.at(-1))).toContain(':pencil2: Edited by <@U0LIB01> (revision 2)');
    // A first post says nothing about edits.
    const first = channelPostMessage(t, { strategy, update: biggest, author: { slackUserId: 'U0LIB03' } });
    expect(first.blocks.map((b) => b.block_id)).not.toContain('edited');
  });

  it('names a citywide strategy’s plan in the lead department’s channel and to the author', () => {
    const t = translator('en');
    const wsj = { label: '2.1', citywidePlan: 'Welcoming San José Plan 2.0: Moving toward Inclusion', text: 'Translate transit notices' };
    const post = channelPostMessage(t, { strategy: wsj, update: biggest, author: { slackUserId: 'U0DOT03' } });
    expect((post.blocks[0] as { text: { text: string } }).text.text).toMatch(
      /^\*<@U0DOT03>\* reported progress on \*2\.1 \(Welcoming San José Plan 2\.0\)\* Translate transit notices/,
    );
    expect(confirmationMessage(t, { kind: 'saved', strategy: wsj, update: biggest }).text).toContain('2.1 (Welcoming San José Plan 2.0)');
  });

  it('tells the editor whether the channel post now shows their change', () => {
    const t = translator('vi');
    const ok = confirmationMessage(t, { kind: 'edited', strategy, update: biggest, channel: { channel: 'C0LIBRARY', ok: true } });
    expect(JSON.stringify(ok.blocks)).toContain('Bài đăng trong <#C0LIBRARY> nay hiển thị bản này.');
    const failed = confirmationMessage(t, {
      kind: 'edited',
      strategy,
      update: biggest,
      channel: { channel: 'C0LIBRARY', ok: false, reason: t('update.confirmation.reasons.message_not_found') },
    });
    expect(JSON.stringify(failed.blocks)).toContain('Tôi không sửa được bài đăng trong <#C0LIBRARY> (bài đăng đã bị xóa)');
  });

  it('names the channel post outcome so the author knows the update is saved either way', () => {
    const t = translator('es');
    const m = confirmationMessage(t, {
      kind: 'saved',
      strategy,
      update: biggest,
      channel: { channel: 'C0LIBRARY', ok: false, reason: t('update.confirmation.reasons.not_in_channel') },
    });
    expect(JSON.stringify(m.blocks)).toContain('No pude publicarlo en <#C0LIBRARY> (la aplicación no es miembro del canal), pero su informe está guardado.');
  });
});

describe('typed measure values in the confirmation, the channel post and the full update', () => {
  const many = Array.from({ length: 30 }, (_, i) => ({
    measureId: i + 1,
    label: `Measure ${i + 1} & <more> ${'m'.repeat(180)}`,
    kind: 'CURRENCY' as const,
    unit: '',
    target: 1000,
    direction: 'DECREASE' as const,
    value: 1250.5,
    note: '*why* '.repeat(200),
  }));

  it('says each value against its target, with the note, escaped', () => {
    const msg = confirmationMessage(translator('en'), {
      kind: 'saved',
      strategy: { label: '2.1', text: 'Sensory hours' },
      update: { ...biggest, narrative: 'Short.' },
      measures: [
        {
          measureId: 1,
          label: 'Grant spent <Q2>',
          kind: 'CURRENCY',
          unit: '',
          target: 1000,
          direction: 'DECREASE',
          value: 1250.5,
          note: 'Vendor invoice arrived late',
        },
      ],
    });
    const text = JSON.stringify(msg.blocks);
    expect(text).toContain('*Measures*\\n• *Grant spent &lt;Q2&gt;:* $1,250.50 · :warning: off target ($1,000)\\n>Vendor invoice arrived late');
  });

  for (const lang of LANGUAGES) {
    it(`stays within Slack's limits with 30 long measures and notes (${lang})`, () => {
      const t = translator(lang);
      const input = { strategy: { label: '2.1', text: 'Sensory hours' }, update: biggest, measures: many };
      const confirmation = confirmationMessage(t, { kind: 'saved', ...input });
      expect(validateBlocks(confirmation.blocks, 'message')).toEqual([]);
      expect(confirmation.blocks.length).toBeLessThanOrEqual(50);
      const post = channelPostMessage(t, { ...input, author: { slackUserId: 'U1' } });
      expect(validateBlocks(post.blocks, 'message')).toEqual([]);
      const modal = fullUpdateModal(t, { ...input, author: { slackUserId: 'U1' } });
      expect(validateView(modal, ['modal']).errors).toEqual([]);
    });
  }
});
