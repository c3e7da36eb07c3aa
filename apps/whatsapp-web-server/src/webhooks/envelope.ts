import { monotonicFactory } from "ulid";
import type { EngineName } from "../engines/engine-name.ts";
import type { WahaEnvironment } from "../environment.ts";
import type { MeInfo, WebhookEventName } from "../waha/types.ts";

/** WAHA's webhook envelope (`WAHAWebhook*` schemas): the same for every event, only `payload` varies. */
export type WebhookEnvelope = {
  id: string;
  timestamp: number;
  session: string;
  metadata?: Record<string, string>;
  engine: EngineName;
  event: WebhookEventName;
  payload: unknown;
  me?: MeInfo;
  environment: WahaEnvironment;
};

export type EnvelopeInput = Omit<WebhookEnvelope, "id" | "timestamp" | "metadata" | "me"> & {
  metadata?: Record<string, string> | null;
  me?: MeInfo | null;
};

// Monotonic: events created within the same millisecond still sort in creation order.
const nextUlid = monotonicFactory();

/** A new event: `evt_` and a lower-case ULID (sortable by creation time), as WAHA names them. */
export function createEnvelope(input: EnvelopeInput, now = Date.now()): WebhookEnvelope {
  const { metadata, me, ...rest } = input;
  return {
    id: `evt_${nextUlid(now).toLowerCase()}`,
    timestamp: now,
    ...rest,
    ...(metadata ? { metadata } : {}),
    ...(me ? { me } : {}),
  };
}
