import type { Clock } from './clock.js';
import { TimestampSequence, slackId, viewHash } from './ids.js';
import type {
  BotIdentity,
  ChannelSeed,
  EphemeralMessage,
  FakeChannel,
  FakeUser,
  JsonObject,
  StoredFile,
  StoredMessage,
  TeamInfo,
  UserSeed,
  ViewRecord,
} from './types.js';
import { carryOverState, initialState, withGeneratedIds } from './view-state.js';

/** Closed modals still readable through view(); older ones are forgotten. */
export const CLOSED_VIEWS_KEPT = 1_000;

/**
 * The fake workspace's state: team, users (including the bot user), channels and DMs with
 * membership, messages, ephemerals, modal stacks and App Home views per user, and files.
 * It stores and looks up; Slack's rules (who may post where, trigger ids, hashes) are enforced
 * by the method handlers so each rule lives next to the error code it produces.
 */
export class Workspace {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly files = new Map<string, StoredFile>();
  private readonly messagesByChannel = new Map<string, StoredMessage[]>();
  private readonly ephemeralList: EphemeralMessage[] = [];
  private readonly views = new Map<string, ViewRecord>();
  /** Per user: the modal view ids, bottom (root) first. Slack shows one modal stack at a time. */
  private readonly modalStacks = new Map<string, string[]>();
  private readonly homeViews = new Map<string, string>();
  /** Closed modals, oldest first: kept a while for inspection, then forgotten (see forgetClosed). */
  private readonly closedViews: string[] = [];
  /** Ids of closed modals no longer kept: a late views.update on one is a race, not a bad id. */
  private readonly forgottenViews = new Set<string>();
  private readonly timestamps = new TimestampSequence();

  constructor(
    readonly team: TeamInfo,
    readonly bot: BotIdentity,
    private readonly clock: Clock,
  ) {
    this.addUser({ id: bot.userId, name: bot.name, real_name: bot.name });
    const botUser = this.users.get(bot.userId);
    if (botUser) botUser.is_bot = true;
  }

  nextTs(): string {
    return this.timestamps.next(this.clock.now());
  }

  // ---------- users and channels ----------

  addUser(seed: UserSeed): FakeUser {
    const user: FakeUser = {
      id: seed.id,
      name: seed.name,
      real_name: seed.real_name ?? seed.name,
      email: seed.email,
      tz: seed.tz ?? 'America/Los_Angeles',
      locale: seed.locale ?? 'en-US',
      deleted: seed.deleted ?? false,
      is_bot: false,
      is_admin: seed.is_admin ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(seed: ChannelSeed): FakeChannel {
    const channel: FakeChannel = {
      id: seed.id,
      name: seed.name.replace(/^#/, ''),
      kind: seed.is_private ? 'group' : 'channel',
      is_private: seed.is_private ?? false,
      is_archived: seed.is_archived ?? false,
      members: new Set(seed.members ?? []),
      created: Math.floor(this.clock.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The bot's DM with a user, created on first use like Slack's conversations.open. */
  dmWith(userId: string): { channel: FakeChannel; created: boolean } {
    const existing = [...this.channels.values()].find((c) => c.kind === 'im' && c.dmUser === userId);
    if (existing) return { channel: existing, created: false };
    const channel: FakeChannel = {
      id: slackId('D'),
      name: userId,
      kind: 'im',
      is_private: true,
      is_archived: false,
      dmUser: userId,
      members: new Set([userId, this.bot.userId]),
      created: Math.floor(this.clock.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return { channel, created: true };
  }

  /** Group DM between the bot and several users (conversations.open with 2–8 users). */
  mpimWith(userIds: readonly string[]): FakeChannel {
    const wanted = new Set([...userIds, this.bot.userId]);
    const sameMembers = (c: FakeChannel): boolean => c.members.size === wanted.size && [...wanted].every((u) => c.members.has(u));
    const existing = [...this.channels.values()].find((c) => c.kind === 'mpim' && sameMembers(c));
    if (existing) return existing;
    const channel: FakeChannel = {
      id: slackId('G'),
      name: `mpdm-${[...wanted].join('--')}-1`,
      kind: 'mpim',
      is_private: true,
      is_archived: false,
      members: wanted,
      created: Math.floor(this.clock.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /**
   * Resolves what chat.* accept as `channel`: a conversation id, a user id (Slack posts to the
   * bot's DM with that user) or a channel name with or without `#`.
   */
  resolveChannel(ref: string): FakeChannel | undefined {
    const byId = this.channels.get(ref);
    if (byId) return byId;
    if (this.users.has(ref) && ref !== this.bot.userId) return this.dmWith(ref).channel;
    const name = ref.replace(/^#/, '');
    return [...this.channels.values()].find((c) => c.kind !== 'im' && c.name === name);
  }

  // ---------- messages ----------

  addMessage(message: Omit<StoredMessage, 'type' | 'ts' | 'team'> & { ts?: string }): StoredMessage {
    const stored: StoredMessage = {
      type: 'message',
      team: this.team.id,
      ...message,
      ts: message.ts ?? this.nextTs(),
      blocks: message.blocks === undefined ? undefined : withGeneratedIds(message.blocks),
    };
    const list = this.messagesByChannel.get(stored.channel) ?? [];
    list.push(stored);
    this.messagesByChannel.set(stored.channel, list);
    return stored;
  }

  messages(channelId: string): StoredMessage[] {
    return [...(this.messagesByChannel.get(channelId) ?? [])];
  }

  allMessages(): StoredMessage[] {
    return [...this.messagesByChannel.values()].flat();
  }

  findMessage(channelId: string, ts: string): StoredMessage | undefined {
    return this.messagesByChannel.get(channelId)?.find((m) => m.ts === ts);
  }

  replaceMessage(channelId: string, ts: string, changes: Partial<StoredMessage>): StoredMessage | undefined {
    const message = this.findMessage(channelId, ts);
    if (!message) return undefined;
    Object.assign(message, changes);
    if (changes.blocks !== undefined) message.blocks = withGeneratedIds(changes.blocks);
    return message;
  }

  deleteMessage(channelId: string, ts: string): boolean {
    const list = this.messagesByChannel.get(channelId);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  addEphemeral(message: Omit<EphemeralMessage, 'ts'>): EphemeralMessage {
    const stored: EphemeralMessage = {
      ...message,
      ts: this.nextTs(),
      blocks: message.blocks === undefined ? undefined : withGeneratedIds(message.blocks),
    };
    this.ephemeralList.push(stored);
    return stored;
  }

  ephemerals(userId?: string): EphemeralMessage[] {
    return this.ephemeralList.filter((e) => userId === undefined || e.user === userId);
  }

  findEphemeral(ts: string): EphemeralMessage | undefined {
    return this.ephemeralList.find((e) => e.ts === ts);
  }

  replaceEphemeral(ts: string, changes: Pick<EphemeralMessage, 'text' | 'blocks'>): boolean {
    const original = this.findEphemeral(ts);
    if (!original) return false;
    original.text = changes.text;
    original.blocks = changes.blocks === undefined ? undefined : withGeneratedIds(changes.blocks);
    return true;
  }

  removeEphemeral(ts: string): void {
    const index = this.ephemeralList.findIndex((e) => e.ts === ts);
    if (index >= 0) this.ephemeralList.splice(index, 1);
  }

  // ---------- views ----------

  view(viewId: string): ViewRecord | undefined {
    return this.views.get(viewId);
  }

  /** The live view with this external_id; with `includeClosed`, the latest one ever opened. */
  viewByExternalId(externalId: string, options: { includeClosed?: boolean } = {}): ViewRecord | undefined {
    const all = [...this.views.values()].filter((v) => v.definition.external_id === externalId);
    return all.find((v) => this.isLive(v)) ?? (options.includeClosed ? all.at(-1) : undefined);
  }

  /** A view is live while it is on a modal stack or is a user's current App Home. */
  isLive(view: ViewRecord): boolean {
    if (view.type === 'home') return this.homeViews.get(view.userId) === view.id;
    return this.modalStacks.get(view.userId)?.includes(view.id) ?? false;
  }

  modalStack(userId: string): ViewRecord[] {
    return (this.modalStacks.get(userId) ?? []).flatMap((id) => this.views.get(id) ?? []);
  }

  homeView(userId: string): ViewRecord | undefined {
    const id = this.homeViews.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }

  /** views.open: a new modal replaces whatever modal the user had open. */
  openModal(userId: string, definition: JsonObject): ViewRecord {
    const view = this.createView(userId, 'modal', definition, null, null);
    view.rootViewId = view.id;
    this.modalStacks.set(userId, [view.id]);
    return view;
  }

  pushModal(userId: string, definition: JsonObject): ViewRecord {
    const stack = this.modalStacks.get(userId) ?? [];
    const previous = stack.at(-1) ?? null;
    const root = stack[0] ?? null;
    const view = this.createView(userId, 'modal', definition, root, previous);
    if (view.rootViewId === null) view.rootViewId = view.id;
    this.modalStacks.set(userId, [...stack, view.id]);
    return view;
  }

  /** views.update / response_action update: same id, new definition and hash, input kept. */
  updateView(view: ViewRecord, definition: JsonObject): ViewRecord {
    const normalized = this.normalize(definition);
    view.definition = normalized;
    view.state = carryOverState(initialState(normalized.blocks as unknown[]), view.state);
    view.hash = viewHash(this.clock.now());
    view.errors = null;
    return view;
  }

  publishHome(userId: string, definition: JsonObject): ViewRecord {
    const current = this.homeView(userId);
    if (current) return this.updateView(current, definition);
    const view = this.createView(userId, 'home', definition, null, null);
    this.homeViews.set(userId, view.id);
    return view;
  }

  /** Removes the top modal (submission acked with an empty body, or the user pressed Close). */
  popModal(userId: string): void {
    const stack = this.modalStacks.get(userId) ?? [];
    const closed = stack.pop();
    if (stack.length === 0) this.modalStacks.delete(userId);
    if (closed !== undefined) this.forgetClosed([closed]);
  }

  /** Closes the whole modal (response_action clear, or the X button). */
  clearModals(userId: string): void {
    const closed = this.modalStacks.get(userId) ?? [];
    this.modalStacks.delete(userId);
    this.forgetClosed(closed);
  }

  /**
   * A closed modal stays readable (tests look at what it last showed) until CLOSED_VIEWS_KEPT
   * more have closed. Every modal ever opened was kept before: a benchmark's thousands of
   * 100-option forms, or a sandbox left running, held gigabytes.
   */
  private forgetClosed(ids: readonly string[]): void {
    this.closedViews.push(...ids);
    while (this.closedViews.length > CLOSED_VIEWS_KEPT) {
      const id = this.closedViews.shift()!;
      this.views.delete(id);
      this.forgottenViews.add(id);
    }
  }

  /** True for a modal that closed long ago and is no longer kept (see forgetClosed). */
  wasForgotten(viewId: string): boolean {
    return this.forgottenViews.has(viewId);
  }

  private createView(userId: string, type: 'modal' | 'home', definition: JsonObject, rootViewId: string | null, previousViewId: string | null): ViewRecord {
    const normalized = this.normalize(definition);
    const view: ViewRecord = {
      id: slackId('V'),
      userId,
      type,
      definition: normalized,
      hash: viewHash(this.clock.now()),
      rootViewId,
      previousViewId,
      state: initialState(normalized.blocks as unknown[]),
      errors: null,
    };
    this.views.set(view.id, view);
    return view;
  }

  private normalize(definition: JsonObject): JsonObject {
    return { ...structuredClone(definition), blocks: withGeneratedIds(definition.blocks) };
  }

  // ---------- files ----------

  addFile(file: Omit<StoredFile, 'id' | 'uploaded' | 'completed' | 'channels' | 'created'>): StoredFile {
    const stored: StoredFile = {
      ...file,
      id: slackId('F'),
      uploaded: false,
      completed: false,
      channels: [],
      created: Math.floor(this.clock.now() / 1000),
    };
    this.files.set(stored.id, stored);
    return stored;
  }
}
