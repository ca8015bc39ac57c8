// A Slack message as the draft of an update ("Report as REAP update"): its wire-format text
// turned into plain words, cut to the narrative's limit only with a notice, and the form it
// prefills within Slack's limits in every language.
import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { UPDATE_FIELD_LIMITS } from '../../../src/domain/progress-update-input.js';
import { charCount } from '../../../src/domain/validation.js';
import { validateView } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { cutToLimit, mentionedUserIds, prefillFromMessage, slackTextToPlain } from '../../../src/slack/features/update/ui/message-prefill.js';
import { buildUpdateModal, type NewUpdateModel } from '../../../src/slack/features/update/ui/update-modal.js';
import { carriedMeta, decodeMeta, encodeMeta } from '../../../src/slack/features/update/ui/update-ids.js';

const LIMIT = UPDATE_FIELD_LIMITS.narrative;
const PERMALINK = 'https://sanjose.slack.com/archives/C0LIBRARY/p1763485200000100';

describe('slackTextToPlain', () => {
  it('turns links into "label (url)" and bare links into the url', () => {
    expect(slackTextToPlain('Flyer: <https://sjpl.org/storytime|storytime page> and <https://sjpl.org/a>')).toBe(
      'Flyer: storytime page (https://sjpl.org/storytime) and https://sjpl.org/a',
    );
    // Slack labels auto-linked text with the text itself: no need to say it twice.
    expect(slackTextToPlain('see <https://sjpl.org|sjpl.org> or <mailto:ana@sanjoseca.gov|ana@sanjoseca.gov>')).toBe(
      'see https://sjpl.org or ana@sanjoseca.gov',
    );
  });

  it('names mentioned people when their names are known, else keeps their id readable', () => {
    const names = new Map([['U0LIB03', 'Grace Kim']]);
    expect(slackTextToPlain('Thanks <@U0LIB03> and <@U0NOBODY>, cc <@U0LIB02|minh>', names)).toBe('Thanks @Grace Kim and @U0NOBODY, cc @minh');
    expect(mentionedUserIds('<@U0LIB03> <@U0LIB03> <@U0LIB02|minh> <@W0ENT1>')).toEqual(['U0LIB03', 'W0ENT1']);
  });

  it('reads channels, broadcasts, user groups, dates and escaped characters as Slack shows them', () => {
    const text =
      '<!here> posted in <#C0LIBRARY|lib-equity> and <#C0OTHER>: <!subteam^S0LEADS|@equity-leads> meet <!date^1763485200^{date_short}|Nov 18, 2026>. Q&amp;A &lt;30 min&gt;';
    expect(slackTextToPlain(text)).toBe('@here posted in #lib-equity and #C0OTHER: @equity-leads meet Nov 18, 2026. Q&A <30 min>');
  });

  it('keeps the words and line breaks, and drops characters the database cannot store', () => {
    expect(slackTextToPlain('  *Story time* ran\r\nat _Tully_\u0000 branch\u0007.  ')).toBe('*Story time* ran\nat _Tully_ branch.');
  });
});

describe('prefillFromMessage', () => {
  it('fills in the whole text and the permalink when the text fits', () => {
    expect(prefillFromMessage('Ran <https://x.org|two sessions>.', { permalink: PERMALINK })).toEqual({
      narrative: 'Ran two sessions (https://x.org).',
      evidenceUrl: PERMALINK,
      shortenedFrom: null,
    });
    // Exactly at the limit is not cut.
    expect(prefillFromMessage('a'.repeat(LIMIT)).shortenedFrom).toBeNull();
  });

  it('cuts a long text to the limit at a word, says how long it was, and never splits an emoji', () => {
    const words = 'Families joined the bilingual story time 🎉 '.repeat(200);
    const plainLength = charCount(words.trim());
    const prefill = prefillFromMessage(words, { permalink: PERMALINK });
    expect(prefill.shortenedFrom).toBe(plainLength);
    expect(charCount(prefill.narrative)).toBeLessThanOrEqual(LIMIT);
    expect(charCount(prefill.narrative)).toBeGreaterThan(LIMIT - 80);
    expect(prefill.narrative.endsWith('…')).toBe(true);
    expect(prefill.narrative).not.toMatch(/\s…$/);
    expect(words.startsWith(prefill.narrative.slice(0, -1))).toBe(true);
    expect(prefill.narrative).not.toContain('\uFFFD');
    // A long run without spaces (a URL) is cut where it is.
    const run = cutToLimit('x'.repeat(LIMIT + 50), LIMIT);
    expect(charCount(run)).toBe(LIMIT);
    // The limit counts what the reader sees, after links are rewritten.
    expect(prefillFromMessage(`${'a'.repeat(LIMIT - 20)} <https://sjpl.org/very/long/page|page>`).shortenedFrom).toBe(
      LIMIT - 20 + 1 + 'page (https://sjpl.org/very/long/page)'.length,
    );
  });

  it('leaves out a permalink that is not a usable link', () => {
    expect(prefillFromMessage('hi', { permalink: null }).evidenceUrl).toBeNull();
    expect(prefillFromMessage('hi', { permalink: 'javascript:alert(1)' }).evidenceUrl).toBeNull();
    expect(prefillFromMessage('hi', { permalink: `https://x.org/${'p'.repeat(UPDATE_FIELD_LIMITS.evidenceUrl)}` }).evidenceUrl).toBeNull();
  });
});

describe('the update form prefilled from a message', () => {
  const model = (meta: Partial<NewUpdateModel['meta']>, narrative: string, evidenceUrl: string | null): NewUpdateModel => ({
    mode: 'new',
    meta: { mode: 'new', channelId: 'C0LIBRARY', strategyId: null, strategyVersion: null, lastUpdateId: null, departmentId: 3, ...meta },
    timeZone: 'America/Los_Angeles',
    departments: null,
    departmentId: 3,
    strategies: [],
    selected: null,
    values: { narrative, evidenceUrl },
  });
  const blockText = (view: ModalView, id: string) => JSON.stringify(view.blocks.find((b) => b.block_id === id) ?? null);
  const initial = (view: ModalView, id: string) =>
    (view.blocks.find((b) => b.block_id === id) as { element?: { initial_value?: string } } | undefined)?.element?.initial_value;

  for (const lang of LANGUAGES) {
    const t = translator(lang);
    it(`shows the shortened notice with the limit, within Slack's limits (${lang})`, () => {
      const prefill = prefillFromMessage('word '.repeat(1000), { permalink: PERMALINK });
      const view = buildUpdateModal(t, model({ prefilledLength: prefill.shortenedFrom!, linkedAsEvidence: true }, prefill.narrative, prefill.evidenceUrl));
      const result = validateView(view, ['modal']);
      expect(result.errors).toEqual([]);
      expect(initial(view, 'narrative')).toBe(prefill.narrative);
      expect(initial(view, 'evidence_url')).toBe(PERMALINK);
      const notice = blockText(view, 'shortened');
      const number = new Intl.NumberFormat(lang);
      expect(notice).toContain(number.format(prefill.shortenedFrom!));
      expect(notice).toContain(number.format(LIMIT));
      expect(notice).toContain(t('update.modal.evidenceUrl'));
      // Without a link the notice does not promise one.
      const unlinked = buildUpdateModal(t, model({ prefilledLength: 4999 }, prefill.narrative, null));
      expect(blockText(unlinked, 'shortened')).not.toContain(t('update.modal.evidenceUrl'));
      expect(initial(unlinked, 'evidence_url')).toBeUndefined();
    });
  }

  it('shows no notice when nothing was cut', () => {
    const view = buildUpdateModal(translator('en'), model({}, 'Short note.', PERMALINK));
    expect(view.blocks.some((b) => b.block_id === 'shortened')).toBe(false);
  });

  it('keeps the notice through private_metadata and the form’s rebuilds, and reads a forged one safely', () => {
    const meta = decodeMeta(encodeMeta({ mode: 'new', channelId: 'C0LIBRARY', prefilledLength: 5000, linkedAsEvidence: true, strategyId: 4 }));
    expect(carriedMeta(meta)).toEqual({ channelId: 'C0LIBRARY', prefilledLength: 5000, linkedAsEvidence: true });
    expect(carriedMeta(decodeMeta('{"channelId":"C0GENERAL"}'))).toEqual({ channelId: 'C0GENERAL' });
    expect(decodeMeta('{"prefilledLength":"5000","linkedAsEvidence":1}')).toMatchObject({ prefilledLength: undefined, linkedAsEvidence: undefined });
  });
});
