import { queryRows } from "@nexis/db";
import { signWebhookBody } from "@nexis/waha-client/webhooks";
import { sql } from "drizzle-orm";
import { createSecretBox } from "../../src/services/secrets/secret-box.ts";
import { testAppOptions, type TestServer, type TestUser } from "./server.ts";

/** A number added through `account.addAccount`, with its webhook key opened to sign our own webhooks. */
export interface WebhookAccount {
  accountId: string;
  hmacKey: string;
  /** POSTs a webhook as the WhatsApp service would: signed with the account's key, stamped now. */
  post(envelope: { id: string; event: string; payload: unknown; me?: unknown }): Promise<Response>;
  /** POSTs a raw body, signed. */
  postRaw(body: string): Promise<Response>;
}

/** Adds an account (its session waits for a QR in the sandbox) and opens its stored webhook key. */
export async function addWebhookAccount(server: TestServer, user: TestUser, name = "Ingest"): Promise<WebhookAccount> {
  const { id: accountId } = await user.trpc.account.addAccount.mutate({ name });
  const [row] = await queryRows<{ secret: string }>(server.database.db, sql`select webhook_secret as secret from whatsapp_account where id = ${accountId}`);
  const hmacKey = createSecretBox(testAppOptions(server.database).authSecret ?? "", "whatsapp-webhook-key").open(row?.secret ?? "") ?? "";
  if (!hmacKey) throw new Error("could not open the account's webhook key");
  const postRaw = (body: string) =>
    fetch(`${server.baseUrl}/webhooks/whatsapp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-timestamp": String(Date.now()), "x-webhook-hmac": signWebhookBody(body, hmacKey) },
      body,
    });
  return {
    accountId,
    hmacKey,
    postRaw,
    post: (envelope) => postRaw(JSON.stringify({ ...envelope, session: accountId, timestamp: Date.now(), engine: "NOWEB" })),
  };
}

/** A WAHA `message` payload from a contact (or ours with `fromMe`). */
export function messagePayload(params: { id: string; from: string; body: string; fromMe?: boolean; participant?: string; data?: Record<string, unknown>; timestamp?: number }) {
  return {
    id: params.id,
    timestamp: params.timestamp ?? Math.floor(Date.now() / 1000),
    from: params.from,
    to: "15550001111@c.us",
    fromMe: params.fromMe ?? false,
    ...(params.participant ? { participant: params.participant } : {}),
    body: params.body,
    hasMedia: false,
    ack: 1,
    _data: { notifyName: "Customer", ...params.data },
  };
}
