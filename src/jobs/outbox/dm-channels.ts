// A direct message is queued for a user, but Slack posts into a channel id that
// conversations.open gives. The id is remembered, in memory and on every SENT row, so a
// DM is opened once per person rather than once per message.
import type { WebClient } from '@slack/web-api';
import type { Prisma } from '../../db/client.js';
import type { OutboxMessage } from '../../generated/prisma/client.js';
import { knownDmChannels } from './claims.js';
import type { Semaphore } from './semaphore.js';

/** lastError of a DM row whose stored channel Slack forgot; the next attempt opens a new one. */
export const DM_FORGOTTEN = 'channel_not_found: direct message reopened';
const MAX_CACHED_DMS = 20_000;

export class DmChannels {
  private readonly byUser = new Map<string, string>();

  constructor(
    private readonly prisma: Prisma,
    private readonly client: WebClient,
    private readonly slackSlots: Semaphore,
  ) {}

  /** Loads, in one query, the channels of the DM recipients among `rows` not remembered yet. */
  async prefetch(rows: OutboxMessage[]): Promise<void> {
    const missing = [...new Set(rows.filter((r) => r.userId && !r.slackChannel && !this.byUser.has(r.userId)).map((r) => r.userId!))];
    if (missing.length === 0) return;
    for (const [user, channel] of await knownDmChannels(this.prisma, missing)) this.remember(user, channel);
  }

  remember(userId: string, channel: string): void {
    if (this.byUser.size >= MAX_CACHED_DMS) this.byUser.clear();
    this.byUser.set(userId, channel);
  }

  forget(userId: string): void {
    this.byUser.delete(userId);
  }

  /** The channel a DM row can be posted in without asking Slack, if one is known. */
  known(row: OutboxMessage): string | undefined {
    // Slack forgot the DM id we had: open it again rather than trust any remembered id.
    return row.lastError === DM_FORGOTTEN ? undefined : (row.slackChannel ?? this.byUser.get(row.userId!));
  }

  /** Opens the DM with Slack and remembers it; throws what Slack throws. */
  async open(userId: string): Promise<string> {
    const opened = await this.slackSlots.run(() => this.client.conversations.open({ users: userId }));
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel id');
    this.remember(userId, id);
    return id;
  }
}
