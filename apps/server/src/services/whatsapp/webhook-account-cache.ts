import type { Database } from "@nexis/db";
import { findAccountForSession } from "@nexis/db/queries/ingest";
import type { SecretBox } from "../secrets/secret-box.ts";

/** The account a webhook's session names, with its opened webhook key (null when it has none). */
export interface WebhookAccount {
  id: string;
  workspaceId: string;
  key: string | null;
}

export interface WebhookAccountCache {
  /** The account (or undefined when there is none); `fresh` skips the cache, e.g. after a signature mismatch. */
  get(accountId: string, options?: { fresh?: boolean }): Promise<WebhookAccount | undefined>;
  /** Forgets an account, when it is removed or its key changes. */
  invalidate(accountId: string): void;
}

/**
 * Keeps each account's opened webhook key for a short while, so a busy number's webhooks cost
 * neither a query nor a decryption each. Entries live `ttlMs` (other server instances' removals
 * are seen within that), at most `maxEntries` of them; concurrent lookups of one account share a
 * query. Unknown accounts are not kept, so a new account is found at once.
 */
export function createWebhookAccountCache(options: { db: Database; secretBox: SecretBox; ttlMs?: number; maxEntries?: number }): WebhookAccountCache {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { expiresAt: number; account: Promise<WebhookAccount | undefined> }>();

  async function load(accountId: string): Promise<WebhookAccount | undefined> {
    const row = await findAccountForSession(options.db, { accountId });
    if (!row) return undefined;
    return { id: row.id, workspaceId: row.workspaceId, key: row.webhookSecret ? options.secretBox.open(row.webhookSecret) : null };
  }

  return {
    get(accountId, { fresh = false } = {}) {
      const now = Date.now();
      const cached = entries.get(accountId);
      if (cached && !fresh && cached.expiresAt > now) return cached.account;
      const account = load(accountId);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(accountId, { expiresAt: now + ttlMs, account });
      // Not found or failed: not kept.
      account.then(
        (found) => {
          if (!found && entries.get(accountId)?.account === account) entries.delete(accountId);
        },
        () => {
          if (entries.get(accountId)?.account === account) entries.delete(accountId);
        },
      );
      return account;
    },
    invalidate(accountId) {
      entries.delete(accountId);
    },
  };
}
