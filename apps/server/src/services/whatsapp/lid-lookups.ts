import type { Database } from "@nexis/db";
import * as identity from "@nexis/db/queries/ingest-identity";
import type { Logger } from "@nexis/observability";
import { type WahaApiClient, WahaHttpError } from "@nexis/waha-client";
import PQueue from "p-queue";
import type { EventBus, WorkspaceEvent } from "../events/workspace-events.ts";
import { isLid, isPhoneId, messageIdentities, normalizeWaId } from "./contact-identity.ts";
import { type AppliedWebhook, type IngestItem, phoneFromWaId } from "./ingest.ts";
import type { MessagePayload } from "./webhook-payloads.ts";

export interface LidLookupsOptions {
  db: Database;
  /** The WhatsApp service; an account's session is named by the account id. */
  client: WahaApiClient;
  events: EventBus;
  logger: Logger;
  /** How long one (account, hidden id) is not asked about again, whatever the answer. Default 10 min. */
  retryAfterMs?: number;
  /** (account, hidden id) pairs remembered at most; the oldest are forgotten first. Default 10,000. */
  maxRemembered?: number;
}

export interface LidLookups {
  /** The after-commit step of a webhook: queues the lookups it needs. Never throws, never waits. */
  afterWebhook(item: IngestItem, applied: AppliedWebhook): void;
  /** Resolves when no lookup is queued or running (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * The hidden ids (`<n>@lid`) a stored message names without the phone beside them: a one-to-one
 * chat's other person, or a group message's author.
 */
function lidsWithoutPhone(payload: MessagePayload): string[] {
  const hints = messageIdentities(payload);
  const chatId = normalizeWaId(payload.fromMe ? (payload.to ?? payload.from) : payload.from);
  const author = payload.participant ? normalizeWaId(payload.participant) : null;
  const lids = chatId.endsWith("@g.us") ? (author && !hints.author ? [author] : []) : !hints.chat ? [chatId] : [];
  return lids.filter(isLid);
}

/**
 * Learns who a hidden id is when no message told us: after a webhook committed, asks the WhatsApp
 * service (WAHA's `GET /api/{session}/lids/{lid}`) about each hidden id no contact holds, and when
 * it knows the phone, makes one contact and one chat of the two ids (`linkContactIdentity`) and
 * publishes the chats that changed. Each (account, hidden id) is asked at most once per
 * `retryAfterMs`, answered or not. Failures are logged and never touch ingest.
 *
 * Limit: a group author no contact or chat holds yet is learnt but not stored (no contact is
 * created for group members), so only their later one-to-one chat benefits.
 */
export function createLidLookups(options: LidLookupsOptions): LidLookups {
  const { db, client, events, logger } = options;
  const retryAfterMs = options.retryAfterMs ?? 10 * 60_000;
  const maxRemembered = options.maxRemembered ?? 10_000;
  /** `account lid` → when it may be asked about again; insertion order is age. */
  const asked = new Map<string, number>();
  const queue = new PQueue({ concurrency: 2 });

  function firstAsk(key: string): boolean {
    const now = Date.now();
    const until = asked.get(key);
    if (until !== undefined && until > now) return false;
    asked.delete(key);
    asked.set(key, now + retryAfterMs);
    for (const oldest of asked.keys()) {
      if (asked.size <= maxRemembered) break;
      asked.delete(oldest);
    }
    return true;
  }

  async function lookUp(target: IngestItem["target"], lid: string) {
    const { accountId, workspaceId } = target;
    // Another message may have revealed the phone since this one was stored.
    if ((await identity.phoneIdsForLids(db, [{ accountId, lid }])).size > 0) return;
    const answer = await client.findPhoneByLid(accountId, lid);
    const pn = answer.pn ? normalizeWaId(answer.pn) : null;
    if (!pn || !isPhoneId(pn)) return;
    const { changedChatIds } = await db.transaction((tx) => identity.linkContactIdentity(tx, { accountId, workspaceId, pn, lid, phoneNumber: phoneFromWaId(pn) }));
    for (const chatId of changedChatIds) events.publish(workspaceId, { type: "chat", chatId } satisfies WorkspaceEvent);
  }

  function report(lid: string, error: unknown) {
    // The session not linked (422), gone (404) or its engine without lookups (501) is expected.
    const line = `could not look up the phone of ${lid}`;
    if (error instanceof WahaHttpError && [404, 422, 501].includes(error.status)) logger.debug(line, error);
    else logger.warn(line, error);
  }

  return {
    afterWebhook(item, applied) {
      const { event } = item;
      if (applied.duplicate || (event.event !== "message" && event.event !== "message.any")) return;
      for (const lid of lidsWithoutPhone(event.payload)) {
        if (!firstAsk(`${item.target.accountId} ${lid}`)) continue;
        void queue.add(() => lookUp(item.target, lid)).catch((error: unknown) => report(lid, error));
      }
    },
    idle: () => queue.onIdle(),
  };
}
