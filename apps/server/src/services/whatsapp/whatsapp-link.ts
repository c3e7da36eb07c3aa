import { randomBytes } from "node:crypto";
import { type WahaApiClient, WahaError, WahaHttpError, type WahaSchemas } from "@nexis/waha-client";
import { type SessionStatus, sessionStatuses } from "@nexis/db/schema";
import { TRPCError } from "@trpc/server";

/** How the API server reaches the WhatsApp service, and how the service reaches us back. */
export interface WhatsAppLink {
  client: WahaApiClient;
  /** Our `POST /webhooks/whatsapp`, as the WhatsApp service can reach it. */
  webhookUrl: string;
}

/** The events the ingest stores or will stream; the rest are not sent at all. */
export const subscribedEvents = [
  "session.status",
  "message",
  "message.any",
  "message.ack",
  "message.reaction",
  "message.edited",
  "message.revoked",
  "presence.update",
  "chat.archive",
  "group.v2.join",
  "group.v2.leave",
  "group.v2.participants",
  "group.v2.update",
] as const;

/** A fresh key for one account's webhook signatures. */
export const newWebhookKey = () => randomBytes(32).toString("base64url");

/**
 * The WAHA session of one account: named by the account id, tagged with workspace and account in
 * its metadata (echoed in every webhook), with one signed webhook to us that retries with backoff
 * for about an hour, so a restart of the API server loses no event. Created stopped: the caller
 * starts it once the account row is committed, so the session's first webhooks find their account.
 */
export function sessionCreateRequest(params: { accountId: string; workspaceId: string; hmacKey: string; webhookUrl: string }): WahaSchemas["SessionCreateRequest"] {
  return {
    name: params.accountId,
    start: false,
    config: {
      metadata: { "workspace.id": params.workspaceId, "account.id": params.accountId },
      webhooks: [
        {
          url: params.webhookUrl,
          events: [...subscribedEvents],
          hmac: { key: params.hmacKey },
          retries: { policy: "exponential", delaySeconds: 2, attempts: 12 },
        },
      ],
    },
    // WAHA's document types `metadata` as an empty object; it is a string map.
  } as unknown as WahaSchemas["SessionCreateRequest"];
}

/**
 * An account's status from a session's: WAHA's own five, and anything newer (a passkey step
 * some engines add) read as still STARTING, so a new status never breaks the inbox.
 */
export function accountStatus(status: string): SessionStatus {
  return (sessionStatuses as readonly string[]).includes(status) ? (status as SessionStatus) : "STARTING";
}

/** The tRPC error an agent sees when the WhatsApp service fails: what happened and what to do. */
export function whatsappError(error: unknown): TRPCError {
  if (!(error instanceof WahaError)) return new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  if (!(error instanceof WahaHttpError)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The WhatsApp service is not answering. Try again in a moment.", cause: error });
  }
  const detail = error.message.replace(/^\w+ answered \d+: /, "");
  if (error.status === 404) return new TRPCError({ code: "NOT_FOUND", message: `WhatsApp session not found: ${detail}. Restart the number.` });
  if (error.status === 422) return new TRPCError({ code: "PRECONDITION_FAILED", message: detail });
  if (error.status === 429) return new TRPCError({ code: "TOO_MANY_REQUESTS", message: `WhatsApp is rate-limiting this number; try again in ${error.retryAfterSeconds ?? 60} s.` });
  if (error.status >= 500) return new TRPCError({ code: "BAD_GATEWAY", message: `The WhatsApp service failed: ${detail}`, cause: error });
  return new TRPCError({ code: "BAD_REQUEST", message: detail });
}

/** Runs a call to the WhatsApp service, turning its failures into `whatsappError`s. */
export async function callWhatsApp<Result>(run: () => Promise<Result>): Promise<Result> {
  try {
    return await run();
  } catch (error) {
    throw whatsappError(error);
  }
}
