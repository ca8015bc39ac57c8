// Every free-text input says its limit in its hint, in the reader's language.
import { expect } from 'vitest';

type Input = { type: string; block_id?: string; hint?: { text: string }; element?: { type: string; max_length?: number } };

export function expectLimitHints(view: unknown): number {
  const inputs = ((view as { blocks: Input[] }).blocks ?? []).filter((b) => b.type === 'input' && b.element?.type === 'plain_text_input');
  for (const b of inputs) {
    const max = b.element!.max_length;
    expect(max, `${b.block_id} has max_length`).toBeDefined();
    const forms = ['en-US', 'es', 'vi'].map((l) => max!.toLocaleString(l));
    expect(
      forms.some((f) => b.hint?.text.includes(f)),
      `${b.block_id}'s hint "${b.hint?.text}" names ${max}`,
    ).toBe(true);
  }
  return inputs.length;
}
