// How the text of `/reap …` is read: which subcommand, and for `/reap update` which
// strategy. Pure and free of imports: the HTTP front door (src/http/front-door) reads it
// too, in its own thread, to open the update modal's loading view with the trigger.

export function parseCommandText(text: string | undefined): { name: string; args: string } {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { name: 'help', args: '' };
  const first = trimmed.split(/\s+/)[0]!;
  return { name: first.toLowerCase(), args: trimmed.slice(first.length).trim() };
}

export type StrategyQuery =
  | { kind: 'none' }
  | { kind: 'id'; id: number }
  | { kind: 'label'; label: string; scope: string | null }
  /** Words of a strategy's title ("storytimes spanish"), matched against what they may report on. */
  | { kind: 'words'; text: string }
  | { kind: 'invalid'; text: string };

export function parseStrategyQuery(args: string): StrategyQuery {
  const text = args.trim();
  if (text === '') return { kind: 'none' };
  const id = /^#?(\d{1,9})$/.exec(text);
  if (id) return Number(id[1]) > 0 ? { kind: 'id', id: Number(id[1]) } : { kind: 'invalid', text };
  const label = /^(?:([A-Za-z][A-Za-z0-9-]*?)[\s:-]+)?(\d{1,4})\.(\d{1,4})$/.exec(text);
  if (label) return { kind: 'label', label: `${Number(label[2])}.${Number(label[3])}`, scope: label[1] ?? null };
  // Any letter makes it worth looking for in titles; digits and dots alone ("2.3.4") cannot be.
  if (/\p{L}/u.test(text) && text.length <= 200) return { kind: 'words', text };
  return { kind: 'invalid', text };
}

/**
 * True when `/reap <text>` answers with the update modal: `update` followed by nothing or
 * by something that can name a strategy (text that cannot is answered without a modal).
 */
export function answersWithUpdateModal(text: string | undefined): boolean {
  const { name, args } = parseCommandText(text);
  return name === 'update' && parseStrategyQuery(args).kind !== 'invalid';
}
