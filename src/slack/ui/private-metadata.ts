// What a modal carries from opening to Submit, in its private_metadata: one zod schema per
// modal, with full names, written and read by its `metadataCodec`. Slack hands the text
// back as the client sent it, so anyone can forge it: reading validates every field and
// answers null for anything the app did not write (the listener then refuses clearly).
// Ids and short strings fit Slack's 3,000 characters with full names; nothing is compressed
// (tests/unit/slack/private-metadata.test.ts holds the largest realistic ones to the limit).
import { z } from 'zod';

/** Slack's limit on private_metadata. */
export const MAX_PRIVATE_METADATA = 3000;

export interface MetadataCodec<T, In = T> {
  /** The text for private_metadata. Throws rather than let Slack refuse or cut it. */
  encode(value: In): string;
  /** private_metadata read back; null for anything the app did not write (forged, stale, not JSON). */
  decode(raw: unknown): T | null;
}

/**
 * Writing and reading one modal's private_metadata, as `schema` describes it. `In` is what
 * the builder writes, when the schema's own input type is looser (fields that fall back).
 */
export function metadataCodec<S extends z.ZodType, In = z.input<S>>(schema: S): MetadataCodec<z.output<S>, In> {
  return {
    encode(value) {
      const text = JSON.stringify(value);
      if (text.length > MAX_PRIVATE_METADATA) throw new Error(`private_metadata too long (${text.length})`);
      return text;
    },
    decode(raw) {
      if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_PRIVATE_METADATA) return null;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return null;
      }
      const parsed = schema.safeParse(json);
      return parsed.success ? parsed.data : null;
    },
  };
}

/** A database id: a positive 32-bit integer. */
export const metadataId = z.number().int().positive().max(2_147_483_647);

/** A Slack id or message ts: letters, digits and dots, as Slack writes them. */
export const slackRef = z.string().regex(/^[A-Z0-9.]{1,40}$/i);
