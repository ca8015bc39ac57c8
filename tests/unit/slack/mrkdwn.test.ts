// Text people typed, cut to Slack's limits (75 characters in an option, 3,000 in a
// section): a cut that split an emoji or Vietnamese letter would show a broken character,
// and text over the limit makes Slack refuse the whole view.
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate } from '../../../src/slack/ui/mrkdwn.js';

describe('truncate', () => {
  it('leaves text that fits as it is', () => {
    expect(truncate('Library hours', 75)).toBe('Library hours');
    expect(truncate('x'.repeat(75), 75)).toBe('x'.repeat(75));
    // Five characters in ten UTF-16 units: fits in five.
    expect(truncate('📚📚📚📚📚', 5)).toBe('📚📚📚📚📚');
  });

  it('cuts longer text to the limit, ending with an ellipsis', () => {
    const cut = truncate('a'.repeat(100), 75);
    expect(cut).toBe(`${'a'.repeat(74)}…`);
    expect(Array.from(cut)).toHaveLength(75);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const cut = truncate(`${'a'.repeat(73)}📚📚📚`, 75);
    expect(cut).toBe(`${'a'.repeat(73)}📚…`);
    expect(truncate('thư viện 📚 مكتبة', 10)).toBe('thư viện …');
  });
});

describe('escapeMrkdwn', () => {
  it('escapes what Slack would read as markup', () => {
    expect(escapeMrkdwn('<@U123> & <!channel>')).toBe('&lt;@U123&gt; &amp; &lt;!channel&gt;');
  });
});
