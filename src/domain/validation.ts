// Field builders for the use cases' zod schemas. Each one reports its problem with a
// message key the Slack catalogs translate, and the issue path names the modal field, so
// a refusal can be shown under the right input. Text is never trimmed or truncated: what
// people typed (emoji, right-to-left scripts, line breaks) is stored byte for byte, and an
// over-long value is refused with the limit rather than cut.
import { z } from 'zod';
import type { FieldProblem, MessageKey, MessageParams } from './messages.js';

/** Characters as people count them: code points, so an emoji is one, not two UTF-16 units. */
export const charCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

type Ctx = z.RefinementCtx;

function problem(ctx: Ctx, messageKey: MessageKey, params: MessageParams = {}): void {
  ctx.addIssue({ code: 'custom', message: messageKey, params: { messageKey, ...params } });
}

/** Slack sends an empty input as null or leaves it out; both mean "". */
const emptyToString = (v: unknown) => (v === null || v === undefined ? '' : v);

/** Free text up to `limit` characters; `required` refuses an empty or blank value. */
export function textField(limit: number, options: { required?: boolean } = {}) {
  return z.preprocess(
    emptyToString,
    z.string().superRefine((s, ctx) => {
      if (options.required && s.trim() === '') return problem(ctx, 'errors.invalid.required');
      // PostgreSQL text cannot hold NUL; refusing it here beats a database error later.
      if (s.includes('\u0000')) return problem(ctx, 'errors.invalid.characters');
      const length = charCount(s);
      if (length > limit) problem(ctx, 'errors.invalid.tooLong', { limit, length });
    }),
  );
}

/** An http(s) URL, or nothing. */
export function optionalHttpUrlField(limit: number) {
  return z.preprocess(
    emptyToString,
    z
      .string()
      .superRefine((s, ctx) => {
        if (s === '') return;
        const length = charCount(s);
        if (length > limit) return problem(ctx, 'errors.invalid.tooLong', { limit, length });
        if (!isHttpUrl(s)) problem(ctx, 'errors.invalid.url');
      })
      .transform((s) => (s === '' ? null : s)),
  );
}

export function isHttpUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** One of `options`; missing or anything else is refused with the list of choices. */
export function choiceField<const T extends readonly [string, ...string[]]>(options: T) {
  return z.preprocess(
    emptyToString,
    z.string().transform((s, ctx) => {
      if (s === '') {
        problem(ctx, 'errors.invalid.required');
        return z.NEVER;
      }
      if (!(options as readonly string[]).includes(s)) {
        problem(ctx, 'errors.invalid.choice', { options: [...options] });
        return z.NEVER;
      }
      return s as T[number];
    }),
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export type DateRule = 'any' | 'notPast' | 'future';

/**
 * A calendar date (what Slack's datepicker sends). `today` is the City's date: a due date
 * before it makes no sense for new work ("notPast"), and a deferral must move the date
 * past today ("future").
 */
export function dateField(options: { required: true; rule: DateRule; today: string }): z.ZodType<string, unknown>;
export function dateField(options: { required: false; rule: DateRule; today: string }): z.ZodType<string | null, unknown>;
export function dateField(options: { required: boolean; rule: DateRule; today: string }): z.ZodType<string | null, unknown> {
  return z.preprocess(
    emptyToString,
    z.string().transform((s, ctx) => {
      if (s === '') {
        if (options.required) {
          problem(ctx, 'errors.invalid.required');
          return z.NEVER;
        }
        return null;
      }
      if (!isIsoDate(s)) {
        problem(ctx, 'errors.invalid.date');
        return z.NEVER;
      }
      if (options.rule === 'notPast' && s < options.today) {
        problem(ctx, 'errors.invalid.dateInPast', { today: options.today });
        return z.NEVER;
      }
      if (options.rule === 'future' && s <= options.today) {
        problem(ctx, 'errors.invalid.dateNotInFuture', { today: options.today });
        return z.NEVER;
      }
      return s;
    }),
  );
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: FieldProblem[] };

/** Runs a schema and turns every zod issue into a field problem with a message key. */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: result.error.issues.map(toFieldProblem) };
}

function toFieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
  const custom = issue.code === 'custom' ? (issue.params as MessageParams | undefined) : undefined;
  if (custom && typeof custom.messageKey === 'string') {
    const { messageKey, ...params } = custom;
    return { field, messageKey: messageKey as MessageKey, params: { field, ...params } };
  }
  // Wrong types (a number where text belongs, a missing object) come from crafted payloads,
  // not from the modal; one generic key is enough.
  return { field, messageKey: 'errors.invalid.input', params: { field, detail: issue.message } };
}
