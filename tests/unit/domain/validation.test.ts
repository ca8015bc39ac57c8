import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { charCount, choiceField, dateField, isHttpUrl, isIsoDate, optionalHttpUrlField, parseFields, textField } from '../../../src/domain/validation.js';
import { updateContentSchema } from '../../../src/domain/progress-update-input.js';

const one = (schema: z.ZodType, value: unknown) => parseFields(z.object({ f: schema }), { f: value });

describe('textField', () => {
  it('counts characters as code points and refuses over the limit without cutting', () => {
    expect(charCount('👩🏽‍💻')).toBe(4);
    expect(charCount('🎉🎉')).toBe(2);
    expect(one(textField(2), '🎉🎉')).toEqual({ ok: true, data: { f: '🎉🎉' } });
    expect(one(textField(2), 'abc')).toEqual({
      ok: false,
      problems: [{ field: 'f', messageKey: 'errors.invalid.tooLong', params: { field: 'f', limit: 2, length: 3 } }],
    });
  });

  it('keeps surrounding spaces, requires non-blank text when asked, refuses NUL', () => {
    expect(one(textField(10), '  a ')).toEqual({ ok: true, data: { f: '  a ' } });
    expect(one(textField(10), null)).toEqual({ ok: true, data: { f: '' } });
    expect(one(textField(10, { required: true }), ' \n ')).toMatchObject({ ok: false, problems: [{ messageKey: 'errors.invalid.required' }] });
    expect(one(textField(10), 'a\u0000b')).toMatchObject({ ok: false, problems: [{ messageKey: 'errors.invalid.characters' }] });
  });

  it('reports wrong types generically', () => {
    expect(one(textField(10), 42)).toMatchObject({ ok: false, problems: [{ field: 'f', messageKey: 'errors.invalid.input' }] });
  });
});

describe('other fields', () => {
  it('accepts http(s) URLs only', () => {
    expect(isHttpUrl('https://example.org/a?b#c')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'ftp://x.org', 'mailto:a@b.c', 'example.org', 'http://a b.org', 'https://']) {
      expect(isHttpUrl(bad)).toBe(false);
    }
    expect(one(optionalHttpUrlField(100), '')).toEqual({ ok: true, data: { f: null } });
  });

  it('offers the choices when a value is not one of them', () => {
    expect(one(choiceField(['A', 'B']), 'C')).toMatchObject({
      ok: false,
      problems: [{ messageKey: 'errors.invalid.choice', params: { options: ['A', 'B'] } }],
    });
    expect(one(choiceField(['A', 'B']), undefined)).toMatchObject({ ok: false, problems: [{ messageKey: 'errors.invalid.required' }] });
  });

  it('checks calendar dates against the City’s today', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-5')).toBe(false);
    const today = '2025-11-12';
    expect(one(dateField({ required: true, rule: 'notPast', today }), today)).toEqual({ ok: true, data: { f: today } });
    expect(one(dateField({ required: true, rule: 'notPast', today }), '2025-11-11')).toMatchObject({
      ok: false,
      problems: [{ messageKey: 'errors.invalid.dateInPast' }],
    });
    expect(one(dateField({ required: true, rule: 'future', today }), today)).toMatchObject({
      ok: false,
      problems: [{ messageKey: 'errors.invalid.dateNotInFuture' }],
    });
    expect(one(dateField({ required: false, rule: 'any', today }), '')).toEqual({ ok: true, data: { f: null } });
  });
});

describe('updateContentSchema', () => {
  it('defaults visibility to INTERNAL and optional text to empty', () => {
    const r = parseFields(updateContentSchema, { status: 'ONGOING', narrative: 'n' });
    expect(r).toEqual({
      ok: true,
      data: expect.objectContaining({ status: 'ONGOING', narrative: 'n', visibility: 'INTERNAL', evidenceUrl: null, roadblocks: '' }),
    });
  });

  it('ignores fields it does not know (a crafted authorId changes nothing)', () => {
    const r = parseFields(updateContentSchema, { status: 'ONGOING', narrative: 'n', authorId: 99 });
    expect(r.ok && 'authorId' in r.data).toBe(false);
  });
});
