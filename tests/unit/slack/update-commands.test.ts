// What /reap update and /reap language accept as arguments.
import { describe, expect, it } from 'vitest';
import { parseLanguageChoice } from '../../../src/slack/features/settings/language-command.js';
import { parseStrategyQuery } from '../../../src/slack/commands/command-text.js';
import { idempotencyKeyFor } from '../../../src/slack/features/update/listeners/update-submission.js';

describe('/reap update [strategy]', () => {
  it.each([
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['42', { kind: 'id', id: 42 }],
    ['#42', { kind: 'id', id: 42 }],
    ['2.3', { kind: 'label', label: '2.3', scope: null }],
    ['02.03', { kind: 'label', label: '2.3', scope: null }],
    ['LIB 2.3', { kind: 'label', label: '2.3', scope: 'LIB' }],
    ['lib-2.3', { kind: 'label', label: '2.3', scope: 'lib' }],
    ['LIB: 1.1', { kind: 'label', label: '1.1', scope: 'LIB' }],
    ['LIB-FY2024-2026 2.3', { kind: 'label', label: '2.3', scope: 'LIB-FY2024-2026' }],
    ['0', { kind: 'invalid', text: '0' }],
    ['2.3.4', { kind: 'invalid', text: '2.3.4' }],
    ['storytime', { kind: 'words', text: 'storytime' }],
    ['Tiếng Việt', { kind: 'words', text: 'Tiếng Việt' }],
    ['<script>', { kind: 'words', text: '<script>' }],
    ['...', { kind: 'invalid', text: '...' }],
    ['x'.repeat(201), { kind: 'invalid', text: 'x'.repeat(201) }],
    ['9'.repeat(12), { kind: 'invalid', text: '9'.repeat(12) }],
  ])('reads %j', (input, expected) => {
    expect(parseStrategyQuery(input)).toEqual(expected);
  });

  it('keys a submission on the view id and hash, so a repeat of the same submission has the same key', () => {
    expect(idempotencyKeyFor({ id: 'V0ABC', hash: '1700000000.abcd1234' })).toBe('view:V0ABC:1700000000.abcd1234');
    expect(idempotencyKeyFor({ id: 'V'.repeat(30), hash: 'h'.repeat(40) }).length).toBeLessThanOrEqual(200);
  });
});

describe('/reap language', () => {
  it.each([
    ['en', 'en'],
    ['ES', 'es'],
    [' vi ', 'vi'],
    ['es-MX', 'es'],
    ['vi_VN', 'vi'],
    ['auto', 'auto'],
    ['slack', 'auto'],
    ['fr', null],
    ['', null],
    ['english', null],
    ['es es', null],
  ])('reads %j', (input, expected) => {
    expect(parseLanguageChoice(input)).toBe(expected);
  });
});
