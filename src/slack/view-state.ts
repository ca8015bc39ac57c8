// Reading what someone entered in a modal (view.state.values). Each input block holds one
// element, so a value is found by the block's id alone; a block missing from the state (an
// input the view did not show, or a crafted payload) reads as empty, never as an error.

/** What Slack sends for one element; only the fields REAP Tracker's inputs use. */
export interface StateValue {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_date_time?: number | null;
  selected_option?: { value?: string } | null;
  selected_options?: readonly { value?: string }[] | null;
  selected_user?: string | null;
  selected_conversation?: string | null;
  selected_conversations?: readonly string[] | null;
}

/** view.state.values: block id → action id → element state. */
export type ViewValues = Readonly<Record<string, Readonly<Record<string, StateValue | undefined>> | undefined>>;

/** The (single) element state of an input block, whatever its action_id. */
export function stateOf(values: ViewValues, blockId: string): StateValue | undefined {
  const block = values[blockId];
  return block ? Object.values(block)[0] : undefined;
}

/** Text as typed; null when the block or its value is absent. */
export const typedOf = (values: ViewValues, blockId: string): string | null => {
  const value = stateOf(values, blockId)?.value;
  return typeof value === 'string' ? value : null;
};
export const textOf = (values: ViewValues, blockId: string): string => typedOf(values, blockId) ?? '';
export const dateOf = (values: ViewValues, blockId: string): string | null => stateOf(values, blockId)?.selected_date ?? null;
export const selectedOf = (values: ViewValues, blockId: string): string | null => stateOf(values, blockId)?.selected_option?.value ?? null;
export const checkedOf = (values: ViewValues, blockId: string): string[] =>
  (stateOf(values, blockId)?.selected_options ?? []).flatMap((o) => (o.value === undefined ? [] : [o.value]));

/** A static select of members or a users_select: either way, a Slack user id or null. */
export function personOf(values: ViewValues, blockId: string): string | null {
  const s = stateOf(values, blockId);
  return s?.selected_user ?? s?.selected_option?.value ?? null;
}

export const conversationOf = (values: ViewValues, blockId: string): string | null => stateOf(values, blockId)?.selected_conversation ?? null;
export const conversationsOf = (values: ViewValues, blockId: string): string[] => [...(stateOf(values, blockId)?.selected_conversations ?? [])];

/** A datetimepicker's moment; null when absent or not a number. */
export function dateTimeOf(values: ViewValues, blockId: string): Date | null {
  const unix = stateOf(values, blockId)?.selected_date_time;
  return typeof unix === 'number' && Number.isFinite(unix) ? new Date(unix * 1000) : null;
}
